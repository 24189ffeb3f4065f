import { computeFigures } from '#app/domain/operations/metrics.ts'
import { windowOf } from '#app/domain/operations/window.ts'
import { type Executor } from '#app/utils/db.server.ts'
import { readOperationsFacts } from './operations-facts.server.ts'

/** The buyer dashboard's "Operations at a glance": the last 30 days, all classes. */
export async function getOperationsGlance(db: Executor, { now = new Date() }: { now?: Date } = {}) {
	const window = windowOf(30, now)
	const f = computeFigures(await readOperationsFacts(db, { window, orderClassId: null, now }), window, now)
	return {
		cycleTime: f.cycleTime,
		reworkRate: f.reworkRate,
		exceptionRate: f.exceptionRate,
		openOrders: f.backlog.total,
	}
}
