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

/**
 * `contentDigest` null: an event chained by the first scheme (computeAuditHash over
 * prevHash and the content with its seq). Otherwise the event was chained by the
 * database after commit (chainHash over prevHash, seq and the digest of its content),
 * and the stored digest is only a convenience: verification recomputes it.
 */
export type ChainedAuditEvent = AuditEventContent & {
	prevHash: string
	hash: string
	contentDigest?: string | null
}

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
 * sha256 (hex) of the canonical JSON of an event's content without its seq: what a
 * writer can know before the chain position is given out, after commit.
 */
export function contentDigestOf(event: Omit<AuditEventContent, 'seq'>): string {
	const content = canonicalJson({
		occurredAt: event.occurredAt.toISOString(),
		actorUserId: event.actorUserId,
		actorRole: event.actorRole,
		action: event.action,
		entityType: event.entityType,
		entityId: event.entityId,
		supplierId: event.supplierId,
		before: event.before ?? null,
		after: event.after ?? null,
	})
	return createHash('sha256').update(content, 'utf8').digest('hex')
}

/**
 * The link the database computes when it chains an event after commit
 * (chain_audit_events in the migrations; audit_events_chain_at_commit before it): sha256 (hex) of
 * "prevHash:seq:contentDigest". Both sides must hash the same ASCII bytes.
 */
export function chainHash(prevHash: string, seq: number, contentDigest: string): string {
	return createHash('sha256').update(`${prevHash}:${seq}:${contentDigest}`, 'utf8').digest('hex')
}

/** The hash an event should carry, by the scheme it was chained with. */
export function expectedHashOf(event: ChainedAuditEvent): string {
	return event.contentDigest == null
		? computeAuditHash(event.prevHash, event)
		: chainHash(event.prevHash, event.seq, contentDigestOf(event))
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
	if (expectedHashOf(event) !== event.hash) return 'hash_mismatch'
	return null
}
