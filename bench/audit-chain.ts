import { performance } from 'node:perf_hooks'
import { type Database } from '#db/client.ts'
import { chainAuditEvents, recordAuditEvent, verifyAuditChain } from '#app/models/audit-event.server.ts'

const EVENTS = 4_000
const WRITERS = 8

/**
 * Appends audit events from concurrent writers (each its own transaction), links the pending
 * ones into the hash chain as the chaining job does, then verifies the chain.
 */
export async function benchAuditChain(db: Database) {
	let next = 0
	const start = performance.now()
	await Promise.all(
		Array.from({ length: WRITERS }, async () => {
			while (next < EVENTS) {
				const n = next++
				await db.transaction(async (tx) => {
					await recordAuditEvent(tx, {
						actorUserId: null,
						actorRole: 'system',
						action: 'supplier.updated',
						entityType: 'supplier',
						entityId: `bench-${n}`,
						after: { n, note: 'benchmark' },
					})
				})
			}
		}),
	)
	const appendMs = performance.now() - start
	const chainStart = performance.now()
	const chained = await chainAuditEvents(db)
	const chainMs = performance.now() - chainStart
	const verifyStart = performance.now()
	const verification = await verifyAuditChain(db)
	const verifyMs = performance.now() - verifyStart
	console.table([
		{
			figure: `append, ${WRITERS} concurrent writers`,
			events: EVENTS,
			'events/s': Math.round((EVENTS / appendMs) * 1000),
			ms: Math.round(appendMs),
		},
		{
			figure: 'chain the pending events (one chaining run)',
			events: chained,
			'events/s': Math.round((chained / chainMs) * 1000),
			ms: Math.round(chainMs),
		},
		{
			figure: 'verify whole chain',
			events: verification.checked,
			'events/s': Math.round((verification.checked / verifyMs) * 1000),
			ms: Math.round(verifyMs),
		},
	])
	console.log(`chain verifies: ${verification.ok}`)
}
