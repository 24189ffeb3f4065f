import { type LoaderFunctionArgs } from '@remix-run/node'
import { requireUserWithRole } from '#app/utils/auth.server.ts'
import { csvResponse } from '#app/utils/csv.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { loadFigureEvidence } from './__scorecards.server.ts'

// `[.csv]` escapes the dot for remix-flat-routes: the URL is /audit/scorecards/:id/evidence.csv.
// A resource route: read-only like the rest of the portal, so no action.

const HEADER = [
	'supplier',
	'class',
	'month',
	'metric',
	'order_number',
	'at_utc',
	'counted_in_numerator',
	'minutes',
	'event_ids',
	'detail',
	'order_id',
	'supplier_id',
	'order_class_id',
]

export async function loader({ request, params }: LoaderFunctionArgs) {
	await requireUserWithRole(request, 'auditor')
	const { found, errors } = await loadFigureEvidence(getDb(), {
		supplierId: params.supplierId,
		searchParams: new URL(request.url).searchParams,
		now: new Date(),
	})
	if (Object.keys(errors).length > 0)
		return new Response(`${Object.values(errors).join('\n')}\n`, {
			status: 400,
			headers: { 'Content-Type': 'text/plain; charset=utf-8' },
		})
	if (!found) throw new Response('Not found', { status: 404 })
	return csvResponse({
		filename: `evidence-${found.supplierName}-${found.className}-${found.month}-${found.metric}`,
		header: HEADER,
		rows: found.rows.map((row) => [
			found.supplierName,
			found.className,
			found.month,
			found.metric,
			row.orderNumber,
			row.at.toISOString(),
			row.counted === null ? '' : row.counted ? 'yes' : 'no',
			row.minutes ?? '',
			row.eventIds.join(' '),
			row.detail,
			row.orderId,
			found.supplierId,
			found.orderClassId,
		]),
	})
}
