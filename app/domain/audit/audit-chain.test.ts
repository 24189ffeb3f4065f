import { createHash } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import {
	type AuditEventContent,
	chainHash,
	type ChainedAuditEvent,
	computeAuditHash,
	contentDigestOf,
	GENESIS_HASH,
	verifyChain,
} from './audit-chain.ts'

function content(seq: number, overrides: Partial<AuditEventContent> = {}): AuditEventContent {
	return {
		seq,
		occurredAt: new Date(Date.UTC(2026, 2, 1, 9, 0, seq)),
		actorUserId: '6f1c7f9e-2d4b-4c8a-9a31-0c2f5b7d8e10',
		actorRole: 'buyer',
		action: 'supplier.updated',
		entityType: 'supplier',
		entityId: `supplier-${seq}`,
		supplierId: null,
		before: { name: `Old ${seq}` },
		after: { name: `New ${seq}`, regions: ['EU', 'US'] },
		...overrides,
	}
}

/** A valid chain of `length` events starting at `firstSeq`, linked to `prevHash`. */
function buildChain(length: number, firstSeq = 1, prevHash = GENESIS_HASH): ChainedAuditEvent[] {
	const events: ChainedAuditEvent[] = []
	for (let seq = firstSeq; seq < firstSeq + length; seq++) {
		const event = content(seq)
		const hash = computeAuditHash(prevHash, event)
		events.push({ ...event, prevHash, hash })
		prevHash = hash
	}
	return events
}

describe('computeAuditHash', () => {
	test('is sha256 hex of prevHash followed by the canonical JSON of the content fields', () => {
		const event = content(7, { before: null, after: { b: 2, a: 1 } })
		const expected = createHash('sha256')
			.update(
				GENESIS_HASH +
					'{"action":"supplier.updated","actorRole":"buyer","actorUserId":"6f1c7f9e-2d4b-4c8a-9a31-0c2f5b7d8e10",' +
					'"after":{"a":1,"b":2},"before":null,"entityId":"supplier-7","entityType":"supplier",' +
					'"occurredAt":"2026-03-01T09:00:07.000Z","seq":7,"supplierId":null}',
			)
			.digest('hex')
		expect(computeAuditHash(GENESIS_HASH, event)).toBe(expected)
	})

	test('ignores key order in before/after and fields outside the content', () => {
		const a = content(1, { after: { x: 1, y: { p: 1, q: 2 } } })
		const b = { ...content(1, { after: { y: { q: 2, p: 1 }, x: 1 } }), hash: 'ignored', prevHash: 'ignored' }
		expect(computeAuditHash(GENESIS_HASH, b)).toBe(computeAuditHash(GENESIS_HASH, a))
	})

	test('hashes a missing before/after as null', () => {
		expect(computeAuditHash(GENESIS_HASH, content(1, { before: undefined }))).toBe(
			computeAuditHash(GENESIS_HASH, content(1, { before: null })),
		)
	})

	test('depends on the previous hash and on every content field', () => {
		const base = computeAuditHash(GENESIS_HASH, content(1))
		expect(computeAuditHash('f'.repeat(64), content(1))).not.toBe(base)
		const changes: Partial<AuditEventContent>[] = [
			{ seq: 2 },
			{ occurredAt: new Date(Date.UTC(2026, 2, 1, 9, 0, 1, 1)) },
			{ actorUserId: null },
			{ actorRole: 'admin' },
			{ action: 'supplier.created' },
			{ entityType: 'category' },
			{ entityId: 'other' },
			{ supplierId: '0b5d3e1a-9c2f-4e7b-8a6d-1f0e2c3b4a59' },
			{ before: { name: 'Old 2' } },
			{ after: { name: 'New 1', regions: ['US', 'EU'] } },
		]
		for (const change of changes) expect(computeAuditHash(GENESIS_HASH, content(1, change))).not.toBe(base)
	})
})

describe('verifyChain', () => {
	test('accepts an empty chain and an intact chain from genesis', () => {
		expect(verifyChain([])).toEqual({ ok: true, checked: 0 })
		expect(verifyChain(buildChain(5))).toEqual({ ok: true, checked: 5 })
	})

	test('verifies a chain in batches from an anchor', () => {
		const chain = buildChain(6)
		const last = chain[2]!
		expect(verifyChain(chain.slice(0, 3))).toEqual({ ok: true, checked: 3 })
		expect(
			verifyChain(chain.slice(3), { expectedFirstSeq: last.seq + 1, expectedPrevHash: last.hash }),
		).toEqual({
			ok: true,
			checked: 3,
		})
	})

	test('detects altered content as a hash mismatch at that seq', () => {
		const chain = buildChain(5)
		chain[2] = { ...chain[2]!, after: { name: 'Forged', regions: ['EU', 'US'] } }
		expect(verifyChain(chain)).toEqual({ ok: false, checked: 2, brokenAtSeq: 3, reason: 'hash_mismatch' })
	})

	test('detects an altered hash as a hash mismatch', () => {
		const chain = buildChain(3)
		chain[0] = { ...chain[0]!, hash: 'a'.repeat(64) }
		expect(verifyChain(chain)).toMatchObject({ ok: false, brokenAtSeq: 1, reason: 'hash_mismatch' })
	})

	test('detects a re-hashed forgery as a broken link at the next seq', () => {
		const chain = buildChain(5)
		const forged = { ...chain[1]!, actorRole: 'admin' }
		chain[1] = { ...forged, hash: computeAuditHash(forged.prevHash, forged) }
		expect(verifyChain(chain)).toEqual({
			ok: false,
			checked: 2,
			brokenAtSeq: 3,
			reason: 'prev_hash_mismatch',
		})
	})

	test('detects a chain that does not start at the anchor hash', () => {
		const chain = buildChain(3, 1, 'b'.repeat(64))
		expect(verifyChain(chain)).toEqual({
			ok: false,
			checked: 0,
			brokenAtSeq: 1,
			reason: 'prev_hash_mismatch',
		})
	})

	test('detects a deleted event as a gap at the missing seq', () => {
		const chain = buildChain(5)
		chain.splice(2, 1)
		expect(verifyChain(chain)).toEqual({ ok: false, checked: 2, brokenAtSeq: 3, reason: 'seq_gap' })
	})

	test('detects a deleted first event as a gap at the first seq', () => {
		expect(verifyChain(buildChain(3).slice(1))).toEqual({
			ok: false,
			checked: 0,
			brokenAtSeq: 1,
			reason: 'seq_gap',
		})
	})

	test('detects reordered events', () => {
		const chain = buildChain(4)
		;[chain[1], chain[2]] = [chain[2]!, chain[1]!]
		expect(verifyChain(chain)).toEqual({ ok: false, checked: 1, brokenAtSeq: 2, reason: 'seq_gap' })
	})

	test('detects a duplicated event as out of order', () => {
		const chain = buildChain(3)
		chain.splice(2, 0, chain[1]!)
		expect(verifyChain(chain)).toEqual({ ok: false, checked: 2, brokenAtSeq: 3, reason: 'seq_out_of_order' })
	})

	test('detects a renumbered chain that hides a deletion by its hashes', () => {
		const chain = buildChain(4)
		const renumbered = [chain[0]!, { ...chain[2]!, seq: 2 }, { ...chain[3]!, seq: 3 }]
		expect(verifyChain(renumbered)).toEqual({
			ok: false,
			checked: 1,
			brokenAtSeq: 2,
			reason: 'prev_hash_mismatch',
		})
	})
})

describe('events chained at commit (content digest scheme)', () => {
	/** What the database does at commit: seq and link from the head, the digest from the writer. */
	function chainAtCommit(length: number, prevHash = GENESIS_HASH, firstSeq = 1): ChainedAuditEvent[] {
		const events: ChainedAuditEvent[] = []
		for (let seq = firstSeq; seq < firstSeq + length; seq++) {
			const { seq: _ignored, ...body } = content(seq)
			const contentDigest = contentDigestOf(body)
			const hash = chainHash(prevHash, seq, contentDigest)
			events.push({ ...content(seq), prevHash, hash, contentDigest })
			prevHash = hash
		}
		return events
	}

	test('the link is sha256 hex of "prevHash:seq:digest" and the digest leaves seq out', () => {
		const digest = contentDigestOf(content(1))
		const elsewhere: AuditEventContent = { ...content(1), seq: 99 }
		expect(digest).toBe(contentDigestOf(elsewhere))
		expect(chainHash('ab', 7, digest)).toBe(
			createHash('sha256').update(`ab:7:${digest}`, 'utf8').digest('hex'),
		)
	})

	test('a chain continued under the new scheme after old events verifies end to end', () => {
		const old = buildChain(3)
		const fresh = chainAtCommit(3, old.at(-1)!.hash, 4)
		expect(verifyChain([...old, ...fresh])).toEqual({ ok: true, checked: 6 })
	})

	test('altered content, a forged digest or a dropped digest are each a hash mismatch', () => {
		const chain = chainAtCommit(3)
		const altered = chain.map((e, i) => (i === 1 ? { ...e, after: { name: 'Forged' } } : e))
		expect(verifyChain(altered)).toMatchObject({ ok: false, brokenAtSeq: 2, reason: 'hash_mismatch' })
		// The stored digest is not trusted: verification recomputes it from the content.
		const forged = chain.map((e, i) =>
			i === 1
				? {
						...e,
						after: { name: 'Forged' },
						contentDigest: contentDigestOf({ ...e, after: { name: 'Forged' } }),
					}
				: e,
		)
		expect(verifyChain(forged)).toMatchObject({ ok: false, brokenAtSeq: 2, reason: 'hash_mismatch' })
		const dropped = chain.map((e, i) => (i === 2 ? { ...e, contentDigest: null } : e))
		expect(verifyChain(dropped)).toMatchObject({ ok: false, brokenAtSeq: 3, reason: 'hash_mismatch' })
	})
})
