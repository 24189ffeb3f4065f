import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { type TermInput, type TermPolicy } from '#app/domain/contracts/contract-terms.ts'
import { AppError } from '#app/utils/app-error.ts'
import { emptyTermValues, readTermPricing, termToFormValues } from './contract-term-values.ts'
import {
	buildTermsSchema,
	parsePercent,
	parseWholeNumber,
	typedTermValues,
	type TermFormValues,
} from './contract-terms.ts'
import {
	appErrorToFieldErrors,
	buildBuyerContractActionSchema,
	buildSupplierContractActionSchema,
	ContractHeaderSchema,
} from './contract.ts'

const BULK = '00000000-0000-4000-8000-00000000b001'
const STANDARD = '00000000-0000-4000-8000-00000000b002'
const EMERGENCY = '00000000-0000-4000-8000-00000000b003'
const DATA_ENTRY = '00000000-0000-4000-8000-00000000c001'

const POLICIES: Record<string, TermPolicy> = {
	[BULK]: {
		className: 'Bulk',
		ackDeadlineMinutes: 2880,
		deliveryTargetHours: 336,
		minQuantity: 500,
		requires24x7: false,
	},
	[STANDARD]: {
		className: 'Standard',
		ackDeadlineMinutes: 1440,
		deliveryTargetHours: 120,
		minQuantity: null,
		requires24x7: false,
	},
	[EMERGENCY]: {
		className: 'Emergency',
		ackDeadlineMinutes: 30,
		deliveryTargetHours: 8,
		minQuantity: null,
		requires24x7: true,
	},
}

function bulkTerm(overrides: Partial<TermFormValues> = {}): TermFormValues {
	return {
		...emptyTermValues(BULK, POLICIES[BULK]),
		priceTiers: [
			{ minQuantity: '500', unitPriceMinor: '10.00' },
			{ minQuantity: '1,000', unitPriceMinor: '9' },
		],
		...overrides,
	}
}

function standardTerm(overrides: Partial<TermFormValues> = {}): TermFormValues {
	return { ...emptyTermValues(STANDARD, POLICIES[STANDARD]), unitPriceMinor: '12.50', ...overrides }
}

const terms = buildTermsSchema(POLICIES)

function issuesOf(input: unknown) {
	const result = terms.safeParse(input)
	return result.success
		? []
		: result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
}

describe('the terms form turns typed text into exact minor units and basis points', () => {
	test('prices, tiers and percentages', () => {
		const parsed = terms.parse([
			standardTerm({
				prioritySurchargeBps: '12.5',
				penaltyPerBreachBps: '2 %',
				volumeCommitmentPerMonth: '1,200',
			}),
			bulkTerm({ categoryId: DATA_ENTRY }),
		])
		expect(parsed[0]).toMatchObject({
			orderClassId: STANDARD,
			categoryId: null,
			unitPriceMinor: 1250,
			priceTiers: [],
			ackSlaMinutes: 1440,
			deliverySlaHours: 120,
			prioritySurchargeBps: 1250,
			penaltyPerBreachBps: 200,
			volumeCommitmentPerMonth: 1200,
		})
		expect(parsed[1]).toMatchObject({
			categoryId: DATA_ENTRY,
			unitPriceMinor: null,
			priceTiers: [
				{ minQuantity: 500, unitPriceMinor: 1000 },
				{ minQuantity: 1000, unitPriceMinor: 900 },
			],
		})
	})

	test('react-hook-form posts the list as one JSON string; a plain form post as nested fields: same result', () => {
		const list = [standardTerm(), bulkTerm()]
		expect(terms.parse(JSON.stringify(list))).toEqual(terms.parse(list))
	})

	test('percentages take at most two decimals', () => {
		expect(parsePercent('12.25')).toBe(1225)
		expect(parsePercent('0.5')).toBe(50)
		expect(parsePercent('12.255')).toBeNull()
		expect(parsePercent('-1')).toBeNull()
		expect(parseWholeNumber('10,000')).toBe(10000)
		expect(parseWholeNumber('1.5')).toBeNull()
		expect(issuesOf([standardTerm({ prioritySurchargeBps: '1.005' })])).toEqual([
			{ path: '0.prioritySurchargeBps', message: expect.stringMatching(/two decimals/) },
		])
	})

	test('a stored term read back into the form and parsed again is the same term', () => {
		const tierPrices = fc.array(fc.integer({ min: 1, max: 100_000_000 }), { minLength: 1, maxLength: 5 })
		fc.assert(
			fc.property(
				tierPrices,
				fc.integer({ min: 0, max: 10_000 }),
				fc.integer({ min: 0, max: 10_000 }),
				fc.option(fc.integer({ min: 1, max: 10_000_000 }), { nil: null }),
				(prices, surcharge, penalty, commitment) => {
					const sorted = [...prices].sort((a, b) => b - a)
					const term: TermInput = {
						orderClassId: BULK,
						categoryId: DATA_ENTRY,
						unitPriceMinor: null,
						priceTiers: sorted.map((p, i) => ({ minQuantity: 500 + i * 100, unitPriceMinor: p })),
						ackSlaMinutes: 60,
						deliverySlaHours: 24,
						prioritySurchargeBps: surcharge,
						penaltyPerBreachBps: penalty,
						guaranteed24x7: false,
						volumeCommitmentPerMonth: commitment,
					}
					expect(terms.parse([termToFormValues(term)])).toEqual([term])
				},
			),
		)
	})
})

describe('every problem lands on its own nested field', () => {
	test('an acknowledgement SLA looser than the class policy', () => {
		expect(issuesOf([standardTerm(), bulkTerm({ ackSlaMinutes: '3000' })])).toEqual([
			{ path: '1.ackSlaMinutes', message: expect.stringMatching(/1 to 2880 minutes.*never looser/) },
		])
	})

	test('a higher tier that costs more, on that tier’s price', () => {
		const tiers = [
			{ minQuantity: '500', unitPriceMinor: '10' },
			{ minQuantity: '1000', unitPriceMinor: '9' },
			{ minQuantity: '2000', unitPriceMinor: '9.50' },
		]
		expect(issuesOf([standardTerm(), bulkTerm({ priceTiers: tiers })])).toEqual([
			{
				path: '1.priceTiers.2.unitPriceMinor',
				message: 'A higher tier cannot cost more per unit than a lower one.',
			},
		])
	})

	test('unreadable text on its field, with every other unreadable field at once', () => {
		const issues = issuesOf([
			bulkTerm({ priceTiers: [{ minQuantity: 'lots', unitPriceMinor: 'ten' }], deliverySlaHours: '' }),
		])
		expect(issues.map((i) => i.path)).toEqual([
			'0.priceTiers.0.minQuantity',
			'0.priceTiers.0.unitPriceMinor',
			'0.deliverySlaHours',
		])
	})

	test('bulk needs tiers: the message sits next to the price choice', () => {
		expect(issuesOf([bulkTerm({ priceMode: 'flat', unitPriceMinor: '10' })])).toEqual([
			{ path: '0.priceMode', message: 'Bulk terms need price tiers (volume pricing).' },
		])
	})

	test('emergency terms must guarantee 24x7', () => {
		const emergency = {
			...emptyTermValues(EMERGENCY, POLICIES[EMERGENCY]),
			unitPriceMinor: '90',
			guaranteed24x7: false,
		}
		expect(issuesOf([emergency]).map((i) => i.path)).toEqual(['0.guaranteed24x7'])
	})

	test('a repeated (class, category) is flagged on the repeat', () => {
		expect(issuesOf([standardTerm(), bulkTerm(), standardTerm({ unitPriceMinor: '11' })])).toEqual([
			{ path: '2.categoryId', message: 'Term 1 already covers this class and category; change one of them.' },
		])
	})

	test('an unknown class or category is refused, never passed on', () => {
		const known = buildTermsSchema(POLICIES, { categoryIds: new Set([DATA_ENTRY]) })
		const result = known.safeParse([
			standardTerm({ orderClassId: '00000000-0000-4000-8000-0000000000ff' }),
			standardTerm({ categoryId: 'not-a-category' }),
		])
		expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['0.orderClassId', '1.categoryId'])
	})

	test('garbage is a validation failure, not a crash', () => {
		for (const garbage of ['not json', '[1,2]', '{"a":1}', 42, [{ priceTiers: 'x' }], null]) {
			expect(terms.safeParse(garbage).success).toBe(false)
		}
		expect(typedTermValues('{{')).toEqual([])
		expect(typedTermValues([{ ...standardTerm(), extra: { evil: true } }])[0]).not.toHaveProperty('extra')
	})
})

describe('the contract page actions', () => {
	const buyer = buildBuyerContractActionSchema(POLICIES)
	const supplier = buildSupplierContractActionSchema(POLICIES)

	test('a counter needs a note and at least one term', () => {
		const result = buyer.safeParse({
			intent: 'counter',
			expectedLockVersion: '3',
			basedOnVersionId: BULK,
			terms: '[]',
			note: ' ',
		})
		expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['terms', 'note'])
	})

	test('a supplier cannot send, start a revision or terminate', () => {
		for (const intent of ['send', 'start-revision', 'terminate', 'save-draft']) {
			expect(
				supplier.safeParse({ intent, expectedLockVersion: '1', reason: 'Because of reasons' }).success,
			).toBe(false)
		}
	})

	test('terminating needs a reason', () => {
		const result = buyer.safeParse({ intent: 'terminate', expectedLockVersion: '1', reason: 'no' })
		expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['reason'])
	})
})

describe('the contract header', () => {
	const header = {
		supplierId: DATA_ENTRY,
		title: 'Back office 2026',
		startsOn: '2026-01-01',
		endsOn: '2026-12-31',
	}

	test('currency defaults to EUR and is upper-cased', () => {
		expect(ContractHeaderSchema.parse(header).currency).toBe('EUR')
		expect(ContractHeaderSchema.parse({ ...header, currency: 'gbp' }).currency).toBe('GBP')
		expect(ContractHeaderSchema.safeParse({ ...header, currency: 'EURO' }).success).toBe(false)
	})

	test('the end may not come before the start, and dates must exist', () => {
		const before = ContractHeaderSchema.safeParse({ ...header, endsOn: '2025-12-31' })
		expect(before.error?.issues).toEqual([expect.objectContaining({ path: ['endsOn'] })])
		expect(ContractHeaderSchema.safeParse({ ...header, startsOn: '2026-02-30' }).success).toBe(false)
		expect(ContractHeaderSchema.parse({ ...header, endsOn: header.startsOn }).endsOn).toBe('2026-01-01')
	})
})

describe('model errors become form errors', () => {
	test('issues land on nested fields; a message without a field goes on top', () => {
		const error = new AppError('RULE_VIOLATION', {
			message: 'Some terms break the rules.',
			issues: [
				{ path: ['terms', 1, 'orderClassId'], message: 'You have no capability for Bulk · Data entry.' },
			],
		})
		expect(appErrorToFieldErrors(error)).toEqual({
			terms: [
				undefined,
				{ orderClassId: { type: 'server', message: 'You have no capability for Bulk · Data entry.' } },
			],
		})
		expect(appErrorToFieldErrors(new AppError('CONFLICT', { message: 'Changed meanwhile' }))).toEqual({
			root: { type: 'server', message: 'Changed meanwhile' },
		})
	})

	test('a hostile path never reaches the prototype', () => {
		const error = new AppError('RULE_VIOLATION', {
			message: 'x',
			issues: [{ path: ['__proto__', 'polluted'], message: 'yes' }],
		})
		appErrorToFieldErrors(error)
		expect(({} as Record<string, unknown>).polluted).toBeUndefined()
	})

	test('the preview prices what reads, whatever else is wrong', () => {
		expect(readTermPricing(bulkTerm({ ackSlaMinutes: 'soon' }), 'EUR')).toEqual({
			currency: 'EUR',
			unitPriceMinor: null,
			priceTiers: [
				{ minQuantity: 500, unitPriceMinor: 1000 },
				{ minQuantity: 1000, unitPriceMinor: 900 },
			],
			prioritySurchargeBps: 0,
		})
		expect(readTermPricing(standardTerm({ unitPriceMinor: '12.' }), 'EUR')).toBeNull()
	})
})
