import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import {
	availableActions,
	canAccept,
	canCounter,
	canEditDraft,
	canPropose,
	canStartRevision,
	canTerminate,
	canWithdraw,
	CONTRACT_STATUSES,
	nextStatus,
	revivesDraftOnWithdraw,
	sideForRole,
	termsWithoutCapability,
	type NegotiationState,
	type Side,
} from './negotiation.ts'

const draftState: NegotiationState = {
	status: 'draft',
	hasBinding: false,
	pending: null,
	draft: { id: 'v1' },
}
const buyerPending: NegotiationState = {
	status: 'negotiating',
	hasBinding: false,
	pending: { id: 'v1', proposedBy: 'buyer' },
	draft: null,
}
const supplierPending: NegotiationState = { ...buyerPending, pending: { id: 'v2', proposedBy: 'supplier' } }
const active: NegotiationState = { status: 'active', hasBinding: true, pending: null, draft: null }

describe('negotiation rules', () => {
	test('only the buyer edits and sends a draft, and only with terms', () => {
		expect(canEditDraft(draftState, 'buyer')).toEqual({ ok: true })
		expect(canEditDraft(draftState, 'supplier')).toMatchObject({ ok: false, code: 'FORBIDDEN' })
		expect(canPropose(draftState, 'buyer', { termCount: 1 })).toEqual({ ok: true })
		expect(canPropose(draftState, 'buyer', { termCount: 0 })).toMatchObject({
			ok: false,
			code: 'RULE_VIOLATION',
			field: 'terms',
		})
	})

	test('a sent proposal cannot be edited: there is no draft any more', () => {
		const refusal = canEditDraft(buyerPending, 'buyer')
		expect(refusal).toMatchObject({ ok: false, code: 'RULE_VIOLATION' })
		expect(refusal.ok ? '' : refusal.message).toContain('never changes')
	})

	test('the other side answers a pending version; the proposer may only withdraw it', () => {
		expect(canAccept(buyerPending, 'supplier', 'v1')).toEqual({ ok: true })
		expect(canCounter(buyerPending, 'supplier', 'v1')).toEqual({ ok: true })
		expect(canAccept(buyerPending, 'buyer', 'v1')).toMatchObject({ ok: false, code: 'FORBIDDEN' })
		expect(canCounter(buyerPending, 'buyer', 'v1')).toMatchObject({ ok: false, code: 'FORBIDDEN' })
		expect(canWithdraw(buyerPending, 'buyer', 'v1')).toEqual({ ok: true })
		expect(canWithdraw(buyerPending, 'supplier', 'v1')).toMatchObject({ ok: false, code: 'FORBIDDEN' })
		expect(canAccept(supplierPending, 'buyer', 'v2')).toEqual({ ok: true })
	})

	test('answers name the pending version exactly', () => {
		expect(canAccept(buyerPending, 'supplier', 'v0')).toMatchObject({ ok: false, code: 'RULE_VIOLATION' })
		expect(canCounter(active, 'supplier', 'v1')).toMatchObject({ ok: false, code: 'RULE_VIOLATION' })
		expect(canWithdraw(active, 'buyer', 'v1')).toMatchObject({ ok: false, code: 'RULE_VIOLATION' })
	})

	test('a contract whose period ended cannot be accepted', () => {
		expect(canAccept(buyerPending, 'supplier', 'v1', { periodEnded: true })).toMatchObject({
			ok: false,
			code: 'RULE_VIOLATION',
		})
	})

	test('revisions start only when nothing is pending or drafted, and only by the buyer', () => {
		expect(canStartRevision(active, 'buyer')).toEqual({ ok: true })
		expect(canStartRevision(active, 'supplier')).toMatchObject({ ok: false, code: 'FORBIDDEN' })
		expect(canStartRevision(buyerPending, 'buyer')).toMatchObject({ ok: false, code: 'RULE_VIOLATION' })
		expect(canStartRevision(draftState, 'buyer')).toMatchObject({ ok: false, code: 'RULE_VIOLATION' })
	})

	test('closed contracts refuse everything', () => {
		for (const status of ['expired', 'terminated'] as const) {
			const closed: NegotiationState = { ...buyerPending, status, draft: { id: 'v9' } }
			for (const side of ['buyer', 'supplier'] as const) {
				expect(Object.values(availableActions(closed, side)).some(Boolean)).toBe(false)
			}
			expect(canTerminate(closed, 'buyer')).toMatchObject({ ok: false, code: 'RULE_VIOLATION' })
		}
	})

	test('status after each event', () => {
		expect(nextStatus(draftState, { type: 'propose' })).toBe('negotiating')
		expect(nextStatus(active, { type: 'propose' })).toBe('active')
		expect(nextStatus(buyerPending, { type: 'counter' })).toBe('negotiating')
		expect(nextStatus({ ...active, pending: { id: 'v3', proposedBy: 'buyer' } }, { type: 'counter' })).toBe(
			'active',
		)
		expect(nextStatus(buyerPending, { type: 'accept' })).toBe('active')
		expect(nextStatus(buyerPending, { type: 'withdraw', side: 'buyer' })).toBe('draft')
		expect(nextStatus(supplierPending, { type: 'withdraw', side: 'supplier' })).toBe('negotiating')
		expect(
			nextStatus(
				{ ...active, pending: { id: 'v3', proposedBy: 'buyer' } },
				{ type: 'withdraw', side: 'buyer' },
			),
		).toBe('active')
		expect(nextStatus(active, { type: 'terminate' })).toBe('terminated')
		expect(nextStatus(active, { type: 'expire' })).toBe('expired')
	})

	test('only a buyer withdrawing before any agreement gets a draft back', () => {
		expect(revivesDraftOnWithdraw(buyerPending, 'buyer')).toBe(true)
		expect(revivesDraftOnWithdraw(supplierPending, 'supplier')).toBe(false)
		expect(revivesDraftOnWithdraw({ ...active, pending: { id: 'v3', proposedBy: 'buyer' } }, 'buyer')).toBe(
			false,
		)
	})

	test('roles map to sides; auditors never negotiate', () => {
		expect(sideForRole('admin')).toBe('buyer')
		expect(sideForRole('buyer')).toBe('buyer')
		expect(sideForRole('supplier')).toBe('supplier')
		expect(sideForRole('auditor')).toBeNull()
	})

	test('available actions for each side while a buyer proposal waits', () => {
		expect(availableActions(buyerPending, 'supplier')).toEqual({
			editDraft: false,
			propose: false,
			counter: true,
			accept: true,
			withdraw: false,
			startRevision: false,
			terminate: false,
		})
		expect(availableActions(buyerPending, 'buyer')).toMatchObject({
			withdraw: true,
			accept: false,
			terminate: true,
		})
	})

	const stateArb = fc.record({
		status: fc.constantFrom(...CONTRACT_STATUSES),
		hasBinding: fc.boolean(),
		pending: fc.option(
			fc.record({ id: fc.constant('p'), proposedBy: fc.constantFrom<Side>('buyer', 'supplier') }),
			{
				nil: null,
			},
		),
		draft: fc.option(fc.record({ id: fc.constant('d') }), { nil: null }),
	})

	test('property: on any pending version exactly one side may answer and the other may withdraw', () => {
		fc.assert(
			fc.property(stateArb, (state) => {
				if (!state.pending || !['draft', 'negotiating', 'active'].includes(state.status)) return true
				const answerers = (['buyer', 'supplier'] as const).filter((s) => canAccept(state, s, 'p').ok)
				const withdrawers = (['buyer', 'supplier'] as const).filter((s) => canWithdraw(state, s, 'p').ok)
				return (
					answerers.length === 1 &&
					withdrawers.length === 1 &&
					answerers[0] !== withdrawers[0] &&
					withdrawers[0] === state.pending.proposedBy
				)
			}),
		)
	})

	test('property: the supplier can never draft, propose, revise or terminate', () => {
		fc.assert(
			fc.property(stateArb, (state) => {
				const a = availableActions(state, 'supplier')
				return !a.editDraft && !a.propose && !a.startRevision && !a.terminate
			}),
		)
	})
})

describe('termsWithoutCapability', () => {
	const capabilities = [
		{ orderClassId: 'bulk', categoryId: 'data-entry' },
		{ orderClassId: 'standard', categoryId: 'accounting' },
	]
	test('a category term needs that exact pair; an any-category term needs the class somewhere', () => {
		expect(
			termsWithoutCapability(
				[
					{ orderClassId: 'bulk', categoryId: 'data-entry' },
					{ orderClassId: 'bulk', categoryId: 'accounting' },
					{ orderClassId: 'standard', categoryId: null },
					{ orderClassId: 'emergency', categoryId: null },
				],
				capabilities,
			),
		).toEqual([1, 3])
	})
	test('no capabilities: every term is refused', () => {
		expect(termsWithoutCapability([{ orderClassId: 'bulk', categoryId: null }], [])).toEqual([0])
	})
})
