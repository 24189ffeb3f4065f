import { describe, expect, test } from 'vitest'
import { parseAuditTrailQuery, utcDayBounds } from './audit-trail.ts'

const parse = (query: Record<string, string>) => parseAuditTrailQuery(new URLSearchParams(query))

describe('parseAuditTrailQuery', () => {
	test('no filters is a valid search for everything', () => {
		expect(parse({})).toEqual({ success: true, query: {}, values: {} })
	})

	test('empty boxes mean no filter, other parameters are ignored', () => {
		expect(parse({ entityType: '', actor: '  ', page: '3', junk: 'x' })).toEqual({
			success: true,
			query: {},
			values: { actor: '  ' },
		})
	})

	test('reads every filter, trimming and lower-casing the actor', () => {
		const result = parse({
			entityType: 'order_class',
			entityId: ' 42 ',
			actor: ' Auditor@Procura.TEST ',
			action: 'order.placed',
			supplierId: '0B6C2A34-7E9F-4F5B-9C1D-2E3F4A5B6C7D',
			from: '2026-03-01',
			to: '2026-03-01',
		})
		expect(result.success && result.query).toEqual({
			entityType: 'order_class',
			entityId: '42',
			actor: 'auditor@procura.test',
			action: 'order.placed',
			supplierId: '0B6C2A34-7E9F-4F5B-9C1D-2E3F4A5B6C7D',
			from: '2026-03-01',
			to: '2026-03-01',
		})
	})

	test('an actor may be a user id of any uuid version', () => {
		expect(parse({ actor: '00000000-0000-0000-0000-000000000001' }).success).toBe(true)
	})

	test('bad values get a message per field and keep what was typed', () => {
		const typed = {
			entityType: 'Order; drop table',
			actor: 'not-an-email',
			action: 'order.exploded',
			supplierId: '1234',
			from: '2026-02-30',
		}
		const result = parse(typed)
		expect(result.success).toBe(false)
		if (result.success) return
		expect(Object.keys(result.errors).sort()).toEqual(['action', 'actor', 'entityType', 'from', 'supplierId'])
		expect(result.errors.supplierId).toBe('Choose a supplier from the list.')
		expect(result.errors.action).toBe('Choose one of the listed actions.')
		expect(result.errors.from).toBe('From must be a date like 2026-03-01.')
		expect(result.values).toEqual(typed)
	})

	test('From after To is an error on To', () => {
		const result = parse({ from: '2026-03-02', to: '2026-03-01' })
		expect(result).toEqual({
			success: false,
			errors: { to: 'To must be on or after From.' },
			values: { from: '2026-03-02', to: '2026-03-01' },
		})
	})

	test('an overlong entity id is refused', () => {
		const result = parse({ entityId: 'x'.repeat(201) })
		expect(!result.success && result.errors.entityId).toBe('An entity id is at most 200 characters.')
	})
})

describe('utcDayBounds', () => {
	test('From is its midnight UTC; To runs to the next midnight, exclusive', () => {
		expect(utcDayBounds({ from: '2026-03-01', to: '2026-03-31' })).toEqual({
			from: new Date('2026-03-01T00:00:00.000Z'),
			to: new Date('2026-04-01T00:00:00.000Z'),
		})
		expect(utcDayBounds({ to: '2024-02-28' }).to).toEqual(new Date('2024-02-29T00:00:00.000Z'))
		expect(utcDayBounds({})).toEqual({ from: undefined, to: undefined })
	})
})
