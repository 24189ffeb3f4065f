// Demo contracts, beside seed-data.ts for size: fixed ids and dates, so every seeded database is the same.
import { DEMO_STAFF, DEMO_SUPPLIERS, uuid } from './seed-data.ts'

// Every active supplier but Northwind has one (the e2e journey negotiates Northwind's
// from scratch). Most are active on a buyer proposal the supplier accepted; Harbor's waits for the
// buyer's answer to a counter-proposal; on-hold Sandpiper's expired last year. Every term obeys its
// class's first policy and the supplier's (unpaused) capabilities; tests/seed.test.ts checks both.

/** [class, category or null (any), unit price or [from qty, unit price][], ack minutes, delivery hours, …] */
type TermSeed = [
	classKey: string,
	categoryKey: string | null,
	price: number | [number, number][],
	ackSlaMinutes: number,
	deliverySlaHours: number,
	extra?: { surchargeBps?: number; penaltyBps?: number; always?: boolean; volume?: number },
]

export type DemoContractTerm = {
	id: string
	classKey: string
	categoryKey: string | null
	unitPriceMinor: number | null
	priceTiers: { minQuantity: number; unitPriceMinor: number }[]
	ackSlaMinutes: number
	deliverySlaHours: number
	prioritySurchargeBps: number
	penaltyPerBreachBps: number
	guaranteed24x7: boolean
	volumeCommitmentPerMonth: number | null
}

export type DemoContractVersion = {
	id: string
	proposedBy: 'buyer' | 'supplier'
	proposedByUserId: string
	status: 'proposed' | 'accepted' | 'countered'
	note: string
	proposedAt: Date
	respondedAt: Date | null
	respondedByUserId: string | null
	terms: DemoContractTerm[]
}

export type DemoContract = {
	id: string
	number: string
	supplierId: string
	title: string
	currency: string
	startsOn: string
	endsOn: string
	status: 'negotiating' | 'active' | 'expired'
	createdByUserId: string
	createdAt: Date
	expiryWarnedAt: Date | null
	versions: DemoContractVersion[]
}

type VersionSeed = { by: 'buyer' | 'supplier'; at: string; note: string; terms: TermSeed[] }
type ContractSeed = {
	domain: string
	number: string
	title: string
	period: [string, string]
	status: DemoContract['status']
	warnedAt?: string
	/** Each version answers the one before; the last is accepted unless the contract is negotiating. */
	versions: VersionSeed[]
	answeredAt?: string
}

const ACTIVE: [string, string] = ['2026-01-01', '2027-12-31']

// One line per term reads as a table; prettier would spread it over three times the lines.
// prettier-ignore
const CONTRACTS: ContractSeed[] = [
	{ domain: 'meridian', number: 'CT-2025-0001', title: 'Payroll services 2026–2027', period: ACTIVE, status: 'active', answeredAt: '2025-12-03T15:00:00Z', versions: [
		{ by: 'buyer', at: '2025-12-01T10:00:00Z', note: 'Monthly payroll with volume pricing for back-loads.', terms: [
			['standard', 'payroll-processing', 450, 720, 96],
			['urgent', 'payroll-processing', 520, 90, 24, { surchargeBps: 1500, penaltyBps: 750 }],
			['bulk', 'payroll-processing', [[500, 400], [2000, 360], [10000, 320]], 2880, 336, { volume: 3000, penaltyBps: 300 }],
		] },
	] },
	{ domain: 'harbor', number: 'CT-2026-0001', title: 'Accounting services 2027', period: ['2027-01-01', '2027-12-31'], status: 'negotiating', versions: [
		{ by: 'buyer', at: '2026-10-15T09:00:00Z', note: 'Renewal for 2027 at this year’s rates.', terms: [
			['standard', 'accounting', 6500, 720, 96],
			['urgent', 'accounting', 8500, 60, 24, { surchargeBps: 2000, penaltyBps: 1000 }],
			['one-time', 'accounting', 9000, 1440, 168],
		] },
		{ by: 'supplier', at: '2026-10-20T14:00:00Z', note: 'Month-end close volumes need a little more on standard work; urgent answers within 90 minutes at a 25 % surcharge.', terms: [
			['standard', 'accounting', 6800, 720, 96],
			['urgent', 'accounting', 8500, 90, 24, { surchargeBps: 2500, penaltyBps: 1000 }],
			['one-time', 'accounting', 9000, 1440, 168],
		] },
	] },
	{ domain: 'atlas', number: 'CT-2025-0002', title: 'Data entry and order processing 2026–2027', period: ACTIVE, status: 'active', answeredAt: '2025-12-04T02:30:00Z', versions: [
		{ by: 'buyer', at: '2025-12-01T11:00:00Z', note: 'Records keyed per unit; bulk order intake on tiers.', terms: [
			['standard', 'data-entry', 95, 480, 48],
			['urgent', 'data-entry', 120, 60, 12, { surchargeBps: 1500 }],
			['one-time', 'data-entry', 110, 1440, 72],
			['bulk', 'order-processing', [[500, 180], [5000, 150], [20000, 120]], 2880, 240, { volume: 8000 }],
		] },
	] },
	{ domain: 'kestrel', number: 'CT-2025-0003', title: 'IT support with 24x7 emergency cover', period: ACTIVE, status: 'active', answeredAt: '2025-12-02T17:45:00Z', versions: [
		{ by: 'buyer', at: '2025-12-01T12:00:00Z', note: 'Emergency incidents answered within 15 minutes, day and night.', terms: [
			['emergency', 'it-support', 12000, 15, 4, { surchargeBps: 3000, penaltyBps: 1500, always: true }],
			['urgent', 'it-support', 9000, 60, 12, { surchargeBps: 1500, penaltyBps: 750 }],
			['standard', 'it-support', 7500, 480, 72],
		] },
	] },
	{ domain: 'blueridge', number: 'CT-2025-0004', title: 'HR services 2026–2027', period: ACTIVE, status: 'active', answeredAt: '2025-12-05T16:00:00Z', versions: [
		{ by: 'buyer', at: '2025-12-01T13:00:00Z', note: 'Onboarding and employee records.', terms: [
			['standard', 'hr-services', 5500, 1440, 120],
			['one-time', 'hr-services', 7000, 1440, 168],
		] },
	] },
	{ domain: 'lumen', number: 'CT-2025-0005', title: 'Document management and archiving', period: ACTIVE, status: 'active', answeredAt: '2025-12-04T09:15:00Z', versions: [
		{ by: 'buyer', at: '2025-12-01T14:00:00Z', note: 'Scanning per page; archive migrations on volume tiers.', terms: [
			['standard', 'document-management', 35, 720, 96],
			['bulk', 'document-management', [[500, 30], [10000, 25], [50000, 20]], 2880, 336, { volume: 20000 }],
		] },
	] },
	{ domain: 'quickline', number: 'CT-2025-0006', title: 'Emergency response cover', period: ACTIVE, status: 'active', answeredAt: '2025-12-01T19:30:00Z', versions: [
		{ by: 'buyer', at: '2025-12-01T15:00:00Z', note: 'Round-the-clock emergency cover across IT, customer care and payroll.', terms: [
			['emergency', 'it-support', 14000, 10, 2, { surchargeBps: 3500, penaltyBps: 2000, always: true }],
			['emergency', 'customer-support', 6000, 10, 1, { surchargeBps: 3000, penaltyBps: 1500, always: true }],
			['emergency', 'payroll-processing', 15000, 20, 6, { surchargeBps: 4000, penaltyBps: 1500, always: true }],
			['urgent', 'customer-support', 4500, 30, 8, { surchargeBps: 1500 }],
		] },
	] },
	{ domain: 'sandpiper', number: 'CT-2024-0001', title: 'Order processing 2024–2025', period: ['2024-01-01', '2025-06-30'], status: 'expired', warnedAt: '2025-05-31T06:00:00Z', answeredAt: '2023-12-05T03:00:00Z', versions: [
		{ by: 'buyer', at: '2023-12-01T10:00:00Z', note: 'Order intake for the APAC region.', terms: [
			['standard', 'order-processing', 250, 1440, 72],
			['urgent', 'order-processing', 320, 120, 24, { surchargeBps: 1000 }],
		] },
	] },
]

const BUYER_ID = DEMO_STAFF[1]!.id

export const DEMO_CONTRACTS: DemoContract[] = CONTRACTS.map((c, i) => {
	const supplier = DEMO_SUPPLIERS.find((s) => s.contactEmail === `contact@${c.domain}.example`)
	if (!supplier) throw new Error(`No demo supplier ${c.domain}`)
	const supplierUserId = supplier.users[0]!.id
	const n = i + 1
	const versions: DemoContractVersion[] = c.versions.map((v, j) => {
		const next = c.versions[j + 1]
		const last = j === c.versions.length - 1
		const status = !last ? 'countered' : c.status === 'negotiating' ? 'proposed' : 'accepted'
		const answeredAt = next?.at ?? (status === 'accepted' ? c.answeredAt : undefined)
		const answeredBy =
			(next?.by ?? (v.by === 'buyer' ? 'supplier' : 'buyer')) === 'buyer' ? BUYER_ID : supplierUserId
		return {
			id: uuid(6, n * 10 + j + 1),
			proposedBy: v.by,
			proposedByUserId: v.by === 'buyer' ? BUYER_ID : supplierUserId,
			status,
			note: v.note,
			proposedAt: new Date(v.at),
			respondedAt: answeredAt ? new Date(answeredAt) : null,
			respondedByUserId: answeredAt ? answeredBy : null,
			terms: v.terms.map(
				([classKey, categoryKey, price, ackSlaMinutes, deliverySlaHours, extra = {}], k) => ({
					id: uuid(7, n * 100 + j * 20 + k + 1),
					classKey,
					categoryKey,
					unitPriceMinor: typeof price === 'number' ? price : null,
					priceTiers:
						typeof price === 'number'
							? []
							: price.map(([minQuantity, unitPriceMinor]) => ({ minQuantity, unitPriceMinor })),
					ackSlaMinutes,
					deliverySlaHours,
					prioritySurchargeBps: extra.surchargeBps ?? 0,
					penaltyPerBreachBps: extra.penaltyBps ?? 500,
					guaranteed24x7: extra.always ?? false,
					volumeCommitmentPerMonth: extra.volume ?? null,
				}),
			),
		}
	})
	return {
		id: uuid(5, n),
		number: c.number,
		supplierId: supplier.id,
		title: c.title,
		currency: 'EUR',
		startsOn: c.period[0],
		endsOn: c.period[1],
		status: c.status,
		createdByUserId: BUYER_ID,
		createdAt: new Date(c.versions[0]!.at),
		expiryWarnedAt: c.warnedAt ? new Date(c.warnedAt) : null,
		versions,
	}
})
