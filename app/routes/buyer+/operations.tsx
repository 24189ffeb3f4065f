import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { BacklogTable } from '#app/components/operations/backlog-table.tsx'
import { ClassTable } from '#app/components/operations/class-table.tsx'
import { CoverageGaps } from '#app/components/operations/coverage-gaps.tsx'
import { FiguresGrid } from '#app/components/operations/figures-grid.tsx'
import { operationsLinks } from '#app/components/operations/order-links.ts'
import { TrendSection } from '#app/components/operations/trend-section.tsx'
import { FilterSelect } from '#app/components/ui/list-page.tsx'
import { parseOperationsQuery, UNKNOWN_CLASS_MESSAGE } from '#app/domain/operations/query.ts'
import { WINDOW_DAYS } from '#app/domain/operations/window.ts'
import { getOperationsDashboard } from '#app/models/operations/get-operations-dashboard.server.ts'
import { requireUserWithRole } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	await requireUserWithRole(request, 'buyer')
	const query = parseOperationsQuery(new URL(request.url).searchParams)
	const dashboard = await getOperationsDashboard(getDb(), {
		days: query.days,
		orderClassId: query.orderClassId,
	})
	const messages = dashboard.unknownClass ? [...query.messages, UNKNOWN_CLASS_MESSAGE] : query.messages
	return { ...dashboard, messages }
}

export const meta: MetaFunction = () => [{ title: 'Operations · Buyer · Procura' }]

export default function OperationsPage() {
	const d = useLoaderData<typeof loader>()
	const classId = d.orderClass?.id ?? null
	const links = operationsLinks(d.window, classId)
	const periodHref = (days: number) =>
		`/buyer/operations?${new URLSearchParams({ days: String(days), ...(classId ? { orderClassId: classId } : {}) })}`
	return (
		<div className="stack operations">
			<h1>Operations</h1>
			<p className="muted">
				{d.orderClass ? d.orderClass.name : 'All order classes'} · last {d.days} days: {d.window.fromDay} to{' '}
				{d.window.toDay} (UTC days, today included). Every figure links to the orders behind it.
			</p>
			{d.messages.map((m) => (
				<p key={m} className="notice" role="status">
					{m}
				</p>
			))}

			<div className="toolbar operations-controls">
				<nav aria-label="Period">
					<ul className="segmented">
						{WINDOW_DAYS.map((days) => (
							<li key={days}>
								<Link to={periodHref(days)} aria-current={days === d.days ? 'page' : undefined}>
									Last {days} days
								</Link>
							</li>
						))}
					</ul>
				</nav>
				<Form method="get" className="inline-form" aria-label="Choose an order class">
					<input type="hidden" name="days" value={d.days} />
					<FilterSelect
						id="operations-class"
						label="Order class"
						name="orderClassId"
						value={classId ?? undefined}
						all="All classes"
						options={d.classes.map((c) => ({ value: c.id, label: c.name }))}
					/>
					<button type="submit" className="secondary">
						Show
					</button>
				</Form>
			</div>

			<section aria-labelledby="figures-heading" className="stack">
				<h2 id="figures-heading">Figures for the period</h2>
				<FiguresGrid figures={d.figures} links={links} />
			</section>

			<TrendSection weeks={d.trend} orderClassId={classId} />
			<BacklogTable backlog={d.figures.backlog} links={links} />
			{d.byClass.length > 0 ? <ClassTable rows={d.byClass} window={d.window} days={d.days} /> : null}
			<CoverageGaps gaps={d.coverage.gaps} cellCount={d.coverage.cellCount} />
		</div>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '#app/components/error-boundary.tsx'
