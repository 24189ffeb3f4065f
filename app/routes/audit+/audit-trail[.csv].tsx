import { type LoaderFunctionArgs } from '@remix-run/node'
import { getAuditTrailSearch, streamAuditTrail, type AuditTrailRow } from '#app/models/audit-trail.server.ts'
import { requireUserWithRole } from '#app/utils/auth.server.ts'
import { csvResponse } from '#app/utils/csv.server.ts'
import { getDb } from '#app/utils/db.server.ts'

// `[.csv]` escapes the dot for remix-flat-routes: the URL is /audit/audit-trail.csv.
// A resource route (no component): read-only like the rest of the portal, so no action.

const HEADER = [
	'seq',
	'occurred_at',
	'actor_user_id',
	'actor_email',
	'actor_role',
	'action',
	'entity_type',
	'entity_id',
	'supplier_id',
	'supplier_name',
	'before',
	'after',
	'prev_hash',
	'hash',
]

export async function loader({ request }: LoaderFunctionArgs) {
	await requireUserWithRole(request, 'auditor')
	const db = getDb()
	const { filter, errors } = await getAuditTrailSearch(db, new URL(request.url).searchParams)
	if (!filter) {
		return new Response(`The search is not valid:\n${Object.values(errors).join('\n')}\n`, {
			status: 400,
			headers: { 'Content-Type': 'text/plain; charset=utf-8' },
		})
	}
	const stamp = new Date().toISOString().slice(0, 19).replaceAll(':', '')
	return csvResponse({
		filename: `audit-trail-${stamp}Z`,
		header: HEADER,
		rows: records(streamAuditTrail(db, filter)),
	})
}

async function* records(rows: AsyncIterable<AuditTrailRow>) {
	for await (const e of rows) {
		yield [
			e.seq,
			e.occurredAt,
			e.actorUserId,
			e.actorEmail,
			e.actorRole,
			e.action,
			e.entityType,
			e.entityId,
			e.supplierId,
			e.supplierName,
			e.before,
			e.after,
			e.prevHash,
			e.hash,
		]
	}
}
