// Demo data: fixed ids and addresses so every seeded database is the same.
export const DEMO_PASSWORD = 'procura-demo'

/** Fixed id of the n-th demo row of a group: 1 staff, 2 suppliers, 3 their users, 4 capabilities, 5–7 contracts. */
export const uuid = (group: number, n: number) =>
	`00000000-0000-4000-8000-${String(group).padStart(4, '0')}${String(n).padStart(8, '0')}`

export type DemoSupplier = {
	id: string
	name: string
	status: 'invited' | 'active' | 'on_hold' | 'blocked'
	regions: string[]
	contactEmail: string
	contactPhone: string
	timeZone: string
	available24x7: boolean
	users: { id: string; email: string; name: string }[]
}

export type DemoUser = { id: string; email: string; name: string; role: 'admin' | 'buyer' | 'auditor' }

export const DEMO_STAFF: DemoUser[] = [
	{ id: uuid(1, 1), email: 'admin@procura.test', name: 'Ada Admin', role: 'admin' },
	{ id: uuid(1, 2), email: 'buyer@procura.test', name: 'Bea Buyer', role: 'buyer' },
	{ id: uuid(1, 3), email: 'buyer2@procura.test', name: 'Ben Procurement', role: 'buyer' },
	{ id: uuid(1, 4), email: 'auditor@procura.test', name: 'Aude Auditor', role: 'auditor' },
]

type SupplierSeed = Omit<DemoSupplier, 'id' | 'users' | 'contactEmail'> & {
	domain: string
	people: [string, string][]
}

const SUPPLIERS: SupplierSeed[] = [
	{ name: 'Northwind Back Office', domain: 'northwind', status: 'active', regions: ['EU-West', 'EU-Central'], contactPhone: '+44 20 7946 0101', timeZone: 'Europe/London', available24x7: false, people: [['supplier', 'Sam Supplier'], ['ops.northwind', 'Nora Operations']] },
	{ name: 'Meridian Payroll Services', domain: 'meridian', status: 'active', regions: ['EU-Central'], contactPhone: '+49 30 901820', timeZone: 'Europe/Berlin', available24x7: false, people: [['payroll.meridian', 'Max Meridian']] },
	{ name: 'Harbor Accounting Partners', domain: 'harbor', status: 'active', regions: ['North America'], contactPhone: '+1 617 555 0142', timeZone: 'America/New_York', available24x7: false, people: [['books.harbor', 'Hannah Harbor'], ['close.harbor', 'Hugo Ledger']] },
	{ name: 'Atlas Data Entry', domain: 'atlas', status: 'active', regions: ['APAC'], contactPhone: '+63 2 8555 0199', timeZone: 'Asia/Manila', available24x7: true, people: [['desk.atlas', 'Aiko Atlas']] },
	{ name: 'Kestrel IT Support', domain: 'kestrel', status: 'active', regions: ['EU-West', 'North America'], contactPhone: '+353 1 555 0177', timeZone: 'Europe/Dublin', available24x7: true, people: [['noc.kestrel', 'Kai Kestrel'], ['lead.kestrel', 'Kim Escalation']] },
	{ name: 'Blue Ridge HR Solutions', domain: 'blueridge', status: 'active', regions: ['North America'], contactPhone: '+1 828 555 0110', timeZone: 'America/Chicago', available24x7: false, people: [['hr.blueridge', 'Bailey Ridge']] },
	{ name: 'Lumen Document Management', domain: 'lumen', status: 'active', regions: ['APAC', 'EU-Central'], contactPhone: '+65 6555 0133', timeZone: 'Asia/Singapore', available24x7: false, people: [['archive.lumen', 'Li Lumen']] },
	{ name: 'Quickline Emergency Response', domain: 'quickline', status: 'active', regions: ['EU-West', 'EU-Central', 'North America'], contactPhone: '+31 20 555 0188', timeZone: 'Europe/Amsterdam', available24x7: true, people: [['oncall.quickline', 'Quinn Line'], ['duty.quickline', 'Ravi Duty']] },
	{ name: 'Sandpiper Order Processing', domain: 'sandpiper', status: 'on_hold', regions: ['APAC'], contactPhone: '+61 2 5550 1166', timeZone: 'Australia/Sydney', available24x7: false, people: [['orders.sandpiper', 'Sandy Piper']] },
	{ name: 'Tidewater Customer Care', domain: 'tidewater', status: 'invited', regions: ['North America', 'EU-West'], contactPhone: '+1 206 555 0155', timeZone: 'America/Los_Angeles', available24x7: false, people: [['care.tidewater', 'Tess Tide']] },
]

export const DEMO_SUPPLIERS: DemoSupplier[] = SUPPLIERS.map(({ domain, people, ...s }, i) => ({
	...s,
	id: uuid(2, i + 1),
	contactEmail: `contact@${domain}.example`,
	users: people.map(([local, name], j) => ({
		id: uuid(3, (i + 1) * 10 + j),
		email: `${local}@procura.test`,
		name,
	})),
}))

export const DEMO_LOGINS = [...DEMO_STAFF.map((u) => u.email), 'supplier@procura.test']

export type DemoCapability = {
	id: string
	supplierId: string
	categoryKey: string
	orderClassKey: string
	weeklyCapacity: number
	capacityUnit: 'units' | 'orders'
	leadTimeHours: number
	regions: string[]
	available24x7: boolean
	exceptionNote: string | null
	pausedAt: Date | null
}

// A fixed instant, so a paused demo capability is the same in every seeded database.
const PAUSED_AT = new Date('2026-01-05T09:00:00Z')

type CapabilitySeed = [
	domain: string,
	categoryKey: string,
	orderClassKey: string,
	capacity: number,
	unit: 'units' | 'orders',
	leadTimeHours: number,
	extra?: { regions?: string[]; note?: string; paused?: boolean },
]

// What each demo supplier serves, by its trade. Deliberate gaps for the buyer's coverage matrix:
// nobody offers data entry × bulk (the e2e journey fills it), HR services beyond standard and one-time,
// or accounting × emergency; Lumen's urgent document work is paused; on-hold Sandpiper's rows do not count.
const CAPABILITIES: CapabilitySeed[] = [
	['northwind', 'data-entry', 'standard', 400, 'units', 72],
	['northwind', 'data-entry', 'urgent', 120, 'units', 24],
	['northwind', 'order-processing', 'standard', 250, 'orders', 96, { regions: ['EU-West'] }],
	['northwind', 'document-management', 'one-time', 60, 'orders', 120],
	['meridian', 'payroll-processing', 'standard', 2000, 'units', 96],
	['meridian', 'payroll-processing', 'urgent', 300, 'units', 24],
	['meridian', 'payroll-processing', 'bulk', 6000, 'units', 400, { note: 'Bulk payroll back-loads run in the next monthly payroll cycle, up to 17 days out.' }],
	['harbor', 'accounting', 'standard', 150, 'orders', 120],
	['harbor', 'accounting', 'urgent', 40, 'orders', 24],
	['harbor', 'accounting', 'one-time', 25, 'orders', 168],
	['atlas', 'data-entry', 'standard', 5000, 'units', 48],
	['atlas', 'data-entry', 'urgent', 1500, 'units', 12],
	['atlas', 'data-entry', 'one-time', 800, 'units', 72],
	['atlas', 'order-processing', 'bulk', 20000, 'units', 240],
	['kestrel', 'it-support', 'emergency', 60, 'orders', 4],
	['kestrel', 'it-support', 'urgent', 150, 'orders', 12],
	['kestrel', 'it-support', 'standard', 400, 'orders', 72],
	['blueridge', 'hr-services', 'standard', 200, 'orders', 120],
	['blueridge', 'hr-services', 'one-time', 30, 'orders', 168],
	['lumen', 'document-management', 'standard', 8000, 'units', 96],
	['lumen', 'document-management', 'bulk', 50000, 'units', 336],
	['lumen', 'document-management', 'urgent', 1000, 'units', 24, { regions: ['APAC'], paused: true }],
	['quickline', 'it-support', 'emergency', 80, 'orders', 2],
	['quickline', 'customer-support', 'emergency', 120, 'orders', 1],
	['quickline', 'customer-support', 'urgent', 300, 'orders', 8],
	['quickline', 'payroll-processing', 'emergency', 20, 'orders', 6, { regions: ['EU-West', 'EU-Central'] }],
	['sandpiper', 'order-processing', 'standard', 600, 'orders', 72],
	['sandpiper', 'order-processing', 'urgent', 100, 'orders', 24],
]

export const DEMO_CAPABILITIES: DemoCapability[] = CAPABILITIES.map(
	([domain, categoryKey, orderClassKey, weeklyCapacity, capacityUnit, leadTimeHours, extra = {}], i) => {
		const index = SUPPLIERS.findIndex((s) => s.domain === domain)
		const supplier = DEMO_SUPPLIERS[index]
		if (!supplier) throw new Error(`No demo supplier ${domain}`)
		return {
			id: uuid(4, i + 1),
			supplierId: supplier.id,
			categoryKey,
			orderClassKey,
			weeklyCapacity,
			capacityUnit,
			leadTimeHours,
			regions: extra.regions ?? supplier.regions,
			// Emergency work is only declared by suppliers that are on call around the clock.
			available24x7: supplier.available24x7,
			exceptionNote: extra.note ?? null,
			pausedAt: extra.paused ? PAUSED_AT : null,
		}
	},
)
