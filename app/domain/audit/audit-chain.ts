import { createHash } from 'node:crypto'
import { canonicalJson } from './canonical-json.ts'

/** The prevHash of the first event in the chain. */
export const GENESIS_HASH = '0'.repeat(64)

/** The fields of an audit event that its hash covers. */
export type AuditEventContent = {
	seq: number
	occurredAt: Date
	actorUserId: string | null
	actorRole: string | null
	action: string
	entityType: string
	entityId: string
	supplierId: string | null
	before: unknown
	after: unknown
}

export type ChainedAuditEvent = AuditEventContent & { prevHash: string; hash: string }

/** Where a (part of the) chain is expected to start: the first seq and the hash it links to. */
export type ChainAnchor = { expectedFirstSeq: number; expectedPrevHash: string }

export const CHAIN_START: ChainAnchor = { expectedFirstSeq: 1, expectedPrevHash: GENESIS_HASH }

/**
 * - `seq_gap`: the event at brokenAtSeq is missing (deleted, or the events skip it).
 * - `seq_out_of_order`: an event with a lower seq turns up where brokenAtSeq belongs (reordered or duplicated).
 * - `prev_hash_mismatch`: the event does not link to the hash of the one before it.
 * - `hash_mismatch`: the event's content no longer matches its hash (altered).
 */
export type ChainBreakReason = 'seq_gap' | 'seq_out_of_order' | 'prev_hash_mismatch' | 'hash_mismatch'

/** `checked` counts the events that verified before the chain broke (all of them when ok). */
export type ChainVerification =
	| { ok: true; checked: number }
	| { ok: false; checked: number; brokenAtSeq: number; reason: ChainBreakReason }

/** sha256 (hex) of prevHash followed by the canonical JSON of the event's content fields. */
export function computeAuditHash(prevHash: string, event: AuditEventContent): string {
	const content = canonicalJson({
		seq: event.seq,
		occurredAt: event.occurredAt.toISOString(),
		actorUserId: event.actorUserId,
		actorRole: event.actorRole,
		action: event.action,
		entityType: event.entityType,
		entityId: event.entityId,
		supplierId: event.supplierId,
		// A missing before/after is stored as NULL and read back as null: hash it as null.
		before: event.before ?? null,
		after: event.after ?? null,
	})
	return createHash('sha256').update(prevHash, 'utf8').update(content, 'utf8').digest('hex')
}

/**
 * Checks that events (expected in seq order) form an unbroken chain from the anchor:
 * consecutive seqs, each linking to the previous hash, each hash matching its content.
 * Stops at the first break. Feed a long chain in batches by passing the last verified
 * event's seq + 1 and hash as the next anchor.
 */
export function verifyChain(
	events: Iterable<ChainedAuditEvent>,
	anchor: ChainAnchor = CHAIN_START,
): ChainVerification {
	let expectedSeq = anchor.expectedFirstSeq
	let expectedPrevHash = anchor.expectedPrevHash
	let checked = 0
	for (const event of events) {
		const reason = findBreak(event, expectedSeq, expectedPrevHash)
		if (reason) return { ok: false, checked, brokenAtSeq: expectedSeq, reason }
		checked++
		expectedSeq++
		expectedPrevHash = event.hash
	}
	return { ok: true, checked }
}

function findBreak(
	event: ChainedAuditEvent,
	expectedSeq: number,
	expectedPrevHash: string,
): ChainBreakReason | null {
	if (event.seq > expectedSeq) return 'seq_gap'
	if (event.seq < expectedSeq) return 'seq_out_of_order'
	if (event.prevHash !== expectedPrevHash) return 'prev_hash_mismatch'
	if (computeAuditHash(event.prevHash, event) !== event.hash) return 'hash_mismatch'
	return null
}
