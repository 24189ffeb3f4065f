import { describe, expect, test } from 'vitest'
import {
	BUYER_ORDER_INTENTS,
	actionFailure,
	buildBuyerOrderActionSchema,
	SupplierOrderActionSchema,
} from './order-actions.ts'
import { buildOrderIntakeSchema, OrderListQuerySchema, readLocalAsUtc, toUtcInputValue } from './order.ts'

const BULK = {
	id: '7a3c1f8e-1111-4aaa-8bbb-000000000001',
	name: 'Bulk',
	minQuantity: 500,
	justificationRequired: false,
}
const EMERGENCY = {
	id: '7a3c1f8e-1111-4aaa-8bbb-000000000002',
	name: 'Emergency',
	minQuantity: null,
	justificationRequired: true,
}
const CATEGORY = '7a3c1f8e-1111-4aaa-8bbb-000000000003'
const schema = buildOrderIntakeSchema([BULK, EMERGENCY])

const form = (overrides: Record<string, string> = {}) => ({
	orderClassId: BULK.id,
	categoryId: CATEGORY,
	quantity: '1,200',
	unit: ' payslips ',
	description: 'Quarterly back-load',
	neededBy: '2031-05-01T09:30',
	region: 'EU-West',
	preferredSupplierId: '',
	justification: '',
	...overrides,
})

function messages(result: {
	success: boolean
	error?: { issues: { path: PropertyKey[]; message: string }[] }
}) {
	return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]))
}

describe('order intake schema', () => {
	test('reads what a browser sends: thousands separators, trimmed text, empty optional fields as null', () => {
		const parsed = schema.parse(form())
		expect(parsed).toMatchObject({
			quantity: 1200,
			unit: 'payslips',
			preferredSupplierId: null,
			justification: null,
		})
	})

	test('a bare datetime-local value is read by the reader given (UTC on the server); an instant with a zone as it is', () => {
		expect(schema.parse(form()).neededBy.toISOString()).toBe('2031-05-01T09:30:00.000Z')
		expect(schema.parse(form({ neededBy: '2031-05-01T09:30:00.000+02:00' })).neededBy.toISOString()).toBe(
			'2031-05-01T07:30:00.000Z',
		)
		const berlin = buildOrderIntakeSchema([BULK], { readLocal: (local) => new Date(`${local}+02:00`) })
		expect(berlin.parse(form()).neededBy.toISOString()).toBe('2031-05-01T07:30:00.000Z')
		expect(readLocalAsUtc('2031-05-01T09:30').toISOString()).toBe('2031-05-01T09:30:00.000Z')
		expect(toUtcInputValue('2031-05-01T07:30:00.000Z')).toBe('2031-05-01T07:30')
	})

	test('the class policy decides: bulk minimum, emergency justification — each on its field', () => {
		expect(messages(schema.safeParse(form({ quantity: '120' })))).toEqual({
			quantity: 'Bulk orders need at least 500 units.',
		})
		expect(
			messages(schema.safeParse(form({ orderClassId: EMERGENCY.id, quantity: '1', justification: 'asap' }))),
		).toEqual({
			justification: 'Emergency orders need a justification of at least 10 characters.',
		})
		expect(
			schema.safeParse(
				form({ orderClassId: EMERGENCY.id, quantity: '1', justification: 'Payroll server is down' }),
			).success,
		).toBe(true)
	})

	test('unreadable fields get one message each, never an exception', () => {
		const result = schema.safeParse(
			form({
				orderClassId: 'x',
				categoryId: '',
				quantity: '0',
				unit: '',
				description: 'hi',
				neededBy: '1 May',
				region: 'Mars',
				preferredSupplierId: 'nope',
			}),
		)
		expect(messages(result)).toEqual({
			orderClassId: 'Choose an order class.',
			categoryId: 'Choose a category.',
			quantity: 'Enter the quantity as a whole number from 1 to 10,000,000.',
			unit: 'Give the unit, like payslips or hours.',
			description: 'Describe what is needed in at least 5 characters.',
			neededBy: 'Enter the date and time it is needed by.',
			region: 'Choose a region.',
			preferredSupplierId: 'Choose a supplier from the list.',
		})
		expect(schema.safeParse({}).success).toBe(false)
		expect(schema.safeParse({ quantity: { nested: true } }).success).toBe(false)
	})

	test('list query parameters fall back instead of failing', () => {
		expect(
			OrderListQuerySchema.parse({
				status: 'lost',
				sort: 'random',
				overdue: 'yes',
				attention: '1',
				supplierId: 'x',
			}),
		).toEqual({
			q: undefined,
			orderClassId: undefined,
			status: undefined,
			supplierId: undefined,
			overdue: false,
			attention: true,
			hadRework: false,
			hadException: false,
			releasedOnTime: false,
			sort: 'newest',
		})
	})
})

describe('order action schemas', () => {
	const buyer = buildBuyerOrderActionSchema()

	test('a change needs a new quantity or needed-by, and a reason', () => {
		expect(
			messages(
				buyer.safeParse({
					intent: 'change',
					expectedVersion: '3',
					quantity: '',
					neededBy: '',
					reason: 'More staff',
				}),
			),
		).toEqual({
			quantity: 'Enter a new quantity or a new needed-by time.',
		})
		expect(
			buyer.parse({
				intent: 'change',
				expectedVersion: '3',
				quantity: '12',
				neededBy: '',
				reason: 'More staff',
			}),
		).toMatchObject({
			quantity: 12,
			neededBy: undefined,
			expectedVersion: 3,
		})
	})

	test('reject needs a reason; approve does not', () => {
		expect(buyer.safeParse({ intent: 'approve', expectedVersion: '2' }).success).toBe(true)
		expect(messages(buyer.safeParse({ intent: 'reject', expectedVersion: '2', reason: '' }))).toEqual({
			reason: 'Give the reason for rejecting (at least 3 characters).',
		})
	})

	test('supplier answers name their offer; a delivery needs a whole quantity', () => {
		expect(
			SupplierOrderActionSchema.safeParse({ intent: 'accept', expectedVersion: '1', offerId: 'x' }).success,
		).toBe(false)
		expect(
			messages(
				SupplierOrderActionSchema.safeParse({
					intent: 'deliver',
					expectedVersion: '1',
					deliveredQuantity: '0',
				}),
			),
		).toEqual({
			deliveredQuantity: 'Enter the delivered quantity as a whole number, at least 1.',
		})
	})

	test('a failure keeps the typed values of known fields only and names its form', () => {
		const failure = actionFailure(
			BUYER_ORDER_INTENTS,
			{
				reason: { message: 'Give a reason.' },
				expectedVersion: { message: 'Reload the page and try again.' },
			},
			{ intent: 'cancel', reason: 'x', secret: 'nope', offerId: '<script>' },
			['reason'],
		)
		expect(failure).toEqual({
			intent: 'cancel',
			targetId: null,
			errors: { reason: 'Give a reason.' },
			values: { reason: 'x' },
			message: 'Reload the page and try again.',
		})
		expect(actionFailure(BUYER_ORDER_INTENTS, {}, { intent: 'explode' }, []).message).toMatch(/not available/)
	})
})
