import { loader as listLoader } from '#app/routes/audit+/scorecards._index.tsx'
import { loader as supplierLoader } from '#app/routes/audit+/scorecards.$supplierId._index.tsx'
import { listMonthScorecards } from '#app/models/scorecard/read-scorecards.server.ts'
import { supplierScorecardPage } from '#app/models/scorecard/supplier-scorecard-page.server.ts'
import { type LoaderFunctionArgs } from '@remix-run/node'
import { type Database } from '#db/client.ts'
import { sessionCookieFor } from '#tests/utils/session.ts'
import { type SeedInfo } from './seed-scorecards.ts'
import { machineLoad, ms, serverCpuSeconds, timeRuns, type Timing } from './timing.ts'

const RUNS = 50
// A scan of the month's events reads the whole events table: fewer runs keep the bench in minutes.
const SCAN_RUNS = 10
const TARGET_LIST_MS = 50
const TARGET_SUPPLIER_MS = 20

// The month without rollups: every supplier × class from the orders placed in it.
const PLAIN_ORDERS_TEXT = `
	select assigned_supplier_id, order_class_id, count(*)::int as orders,
		count(*) filter (where status = 'closed')::int as closed,
		count(*) filter (where delivered_at <= needed_by)::int as on_time,
		count(*) filter (where status = 'cancelled')::int as cancelled
	from orders where created_at >= $1 and created_at < $2 and assigned_supplier_id is not null
	group by assigned_supplier_id, order_class_id`

// The same from the month's events, as the scorecards count them (by when the outcome became known).
const PLAIN_EVENTS_TEXT = `
	select e.supplier_id, o.order_class_id,
		count(*) filter (where e.type in ('offer_accepted', 'offer_declined', 'offer_expired'))::int as offers_resolved,
		count(*) filter (where e.type = 'offer_accepted')::int as offers_accepted,
		count(*) filter (where e.type = 'delivered')::int as deliveries,
		count(*) filter (where e.type = 'closed')::int as closures,
		count(*) filter (where e.type in ('closed', 'cancelled'))::int as finished
	from order_events e join orders o on o.id = e.order_id
	where e.occurred_at >= $1 and e.occurred_at < $2 and e.supplier_id is not null
	group by e.supplier_id, o.order_class_id`

/**
 * Times, server-side, the auditor's scorecard reads on the seeded data set (bench/seed-scorecards.ts):
 * the all-suppliers list of one month (listMonthScorecards, and the /audit/scorecards loader with a
 * real Request and auditor session) for the live month (from the monthly rollup) and a published one
 * (from snapshots), and one supplier's page with its 12-month trend (supplierScorecardPage, and its
 * loader); beside them the plain aggregates over orders and events for the same month.
 */
export async function benchScorecards(db: Database, info: SeedInfo, server: { dataDir?: string }) {
	// Route loaders run as in production (NODE_ENV=production), which wants a session secret.
	process.env.SESSION_SECRET ??= 'bench-only-session-secret'
	const cookie = await sessionCookieFor(info.auditorUserId)
	const month = info.liveMonth
	const from = `${month}-01T00:00:00Z`
	const to = nextMonthStart(month)
	const [busiest] = await db.$client<{ supplier_id: string; orders: number }[]>`
		select supplier_id, sum(offers_resolved)::int as orders from scorecard_monthly_rollups where month = ${month}
		group by supplier_id order by 2 desc limit 1`
	const supplierId = busiest!.supplier_id
	const now = new Date()
	console.log(`live month ${month}, published month ${info.publishedMonth}; ${machineLoad()}`)

	const rows = (await listMonthScorecards(db, { month, now })).length
	const cases: [string, () => Promise<unknown>, number][] = [
		[
			'plain aggregate over orders (month placed)',
			() => db.$client.unsafe(PLAIN_ORDERS_TEXT, [from, to]),
			RUNS,
		],
		[
			'plain aggregate over events (month occurred)',
			() => db.$client.unsafe(PLAIN_EVENTS_TEXT, [from, to]),
			SCAN_RUNS,
		],
		[`listMonthScorecards, live month (${rows} rows)`, () => listMonthScorecards(db, { month, now }), RUNS],
		[
			'listMonthScorecards, published month',
			() => listMonthScorecards(db, { month: info.publishedMonth, now }),
			RUNS,
		],
		[
			'/audit/scorecards loader, live month',
			() => load(listLoader, `/audit/scorecards?month=${month}`, cookie),
			RUNS,
		],
		[
			`supplierScorecardPage, busiest supplier (${busiest!.orders} offers that month)`,
			() => supplierScorecardPage(db, { supplierId, month, now }),
			RUNS,
		],
		[
			'/audit/scorecards/:supplierId loader',
			() => load(supplierLoader, `/audit/scorecards/${supplierId}?month=${month}`, cookie, { supplierId }),
			RUNS,
		],
	]
	const results: [string, Timing][] = []
	const serverCpu = () => serverCpuSeconds(server.dataDir)
	for (const [name, fn, runs] of cases) results.push([name, await timeRuns(fn, { runs, serverCpu })])
	const [plainOrders, plainEvents] = [results[0]![1], results[1]![1]]
	console.table(
		results.map(([name, t]) => ({
			read: name,
			runs: t.runs,
			'p50 ms': ms(t.p50),
			'p99 ms': ms(t.p99),
			'mean ms': ms(t.mean),
			'CPU ms: Node': ms(t.nodeCpuMs),
			'CPU ms: db': t.serverCpuMs === null ? '' : ms(t.serverCpuMs),
			'÷ plain orders (p50)': Number((t.p50 / plainOrders.p50).toFixed(3)),
			'÷ plain events (p50)': Number((t.p50 / plainEvents.p50).toFixed(3)),
		})),
	)
	const list = results[4]![1]
	const supplier = results[6]![1]
	console.log(
		`all-suppliers month (loader) p50 ${ms(list.p50)} ms, p99 ${ms(list.p99)} ms (target ≤ ${TARGET_LIST_MS} ms); ` +
			`one supplier (loader) p50 ${ms(supplier.p50)} ms, p99 ${ms(supplier.p99)} ms (target ≤ ${TARGET_SUPPLIER_MS} ms); ` +
			machineLoad(),
	)
}

/**
 * Calls a loader as the server would, with a real Request carrying the session cookie (tests/utils/route.ts
 * does the same but switches password hashing to its test mode, which production mode refuses).
 */
async function load(
	loader: (args: LoaderFunctionArgs) => Promise<unknown>,
	path: string,
	cookie: string,
	params: Record<string, string> = {},
) {
	const request = new Request(new URL(path, 'http://localhost:3000'), { headers: { cookie } })
	try {
		// The context the server gives every request (app/server/http.ts).
		return await loader({ request, params, context: { cspNonce: 'bench', clientIp: '127.0.0.1' } })
	} catch (thrown) {
		// Guards throw Responses (a redirect to the login, a 404): not what is being timed.
		if (thrown instanceof Response) throw new Error(`${path} answered ${thrown.status}`)
		throw thrown
	}
}

function nextMonthStart(month: string) {
	const [y, m] = month.split('-').map(Number) as [number, number]
	return new Date(Date.UTC(y, m, 1)).toISOString()
}
