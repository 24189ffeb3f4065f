import { asc } from 'drizzle-orm'
import { coverageGapsOf } from '#app/domain/operations/coverage-gaps.ts'
import {
	computeFigures,
	computeWeeklyTrend,
	factsOfClass,
	type OperationsFigures,
} from '#app/domain/operations/metrics.ts'
import { windowOf, type WindowDays } from '#app/domain/operations/window.ts'
import { getCoverageMatrix } from '#app/models/coverage.server.ts'
import { type Executor, schema } from '#app/utils/db.server.ts'
import { readOperationsFacts } from './operations-facts.server.ts'

const { orderClasses } = schema

/**
 * The buyer's operations dashboard for the last `days` UTC days: the figures for the whole operation
 * or one class, the weekly trend, the figures per class (whole operation only) and the coverage gaps.
 * An `orderClassId` that names no class is reported back (`unknownClass`) and the whole operation shown.
 */
export async function getOperationsDashboard(
	db: Executor,
	{ days, orderClassId, now = new Date() }: { days: WindowDays; orderClassId?: string | null; now?: Date },
) {
	const window = windowOf(days, now)
	const classes = await db
		.select({ id: orderClasses.id, name: orderClasses.name, retiredAt: orderClasses.retiredAt })
		.from(orderClasses)
		.orderBy(asc(orderClasses.priorityRank), asc(orderClasses.name))
	const selected = orderClassId ? (classes.find((c) => c.id === orderClassId) ?? null) : null
	const [facts, coverage] = await Promise.all([
		readOperationsFacts(db, { window, orderClassId: selected?.id ?? null, now }),
		getCoverageMatrix(db),
	])
	const byClass: { orderClassId: string; className: string; figures: OperationsFigures }[] = selected
		? []
		: classes
				.map((c) => ({
					orderClassId: c.id,
					className: c.name,
					retired: c.retiredAt !== null,
					figures: computeFigures(factsOfClass(facts, c.id), window, now),
				}))
				// A retired class stays in the table while it still has something to show.
				.filter((c) => !c.retired || hasAnything(c.figures))
				.map(({ retired: _retired, ...c }) => c)
	return {
		days,
		window,
		now,
		classes: classes.map((c) => ({ id: c.id, name: c.retiredAt ? `${c.name} (retired)` : c.name })),
		orderClass: selected ? { id: selected.id, name: selected.name } : null,
		unknownClass: Boolean(orderClassId) && !selected,
		figures: computeFigures(facts, window, now),
		trend: computeWeeklyTrend(facts, window),
		byClass,
		coverage: coverageGapsOf(coverage, selected?.id ?? null),
	}
}

export type OperationsDashboard = Awaited<ReturnType<typeof getOperationsDashboard>>

function hasAnything(f: OperationsFigures) {
	return (
		f.cycleTime.count +
			f.exceptionRate.denominator +
			f.onTimeRelease.denominator +
			f.changeHandling.count +
			f.cancellationHandling.count +
			f.backlog.total >
		0
	)
}
