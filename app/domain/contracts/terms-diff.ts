import { formatBasisPoints, formatMoney } from '#app/domain/pricing/money.ts'
import { type PriceTier } from '#app/domain/pricing/price-for.ts'
import { type TermInput } from './contract-terms.ts'

/** A term with the names a person reads it by. */
export type DiffableTerm = TermInput & { orderClassName: string; categoryName: string | null }

const count = (n: number) => n.toLocaleString('en-GB')
const units = (n: number) => `${count(n)} ${n === 1 ? 'unit' : 'units'}`

/** "Bulk · Data entry", "Emergency · any category". */
export function termLabel(term: Pick<DiffableTerm, 'orderClassName' | 'categoryName'>) {
	return `${term.orderClassName} · ${term.categoryName ?? 'any category'}`
}

function termKey(term: Pick<TermInput, 'orderClassId' | 'categoryId'>) {
	return `${term.orderClassId}|${term.categoryId ?? '*'}`
}

/**
 * What changed from one version's terms to the next, one readable line per
 * change, e.g. "Bulk · Data entry: tier from 1,000 units €9.00 → €8.50",
 * "Added Urgent · IT support", "Removed Standard · any category". Terms are
 * matched by (class, category); lines follow the new version's order, then
 * removals in the old version's order. Identical term lists give no lines.
 */
export function describeTermChanges(
	previous: readonly DiffableTerm[],
	next: readonly DiffableTerm[],
	currency: string,
): string[] {
	const before = new Map(previous.map((t) => [termKey(t), t]))
	const afterKeys = new Set(next.map(termKey))
	const lines: string[] = []
	for (const term of next) {
		const old = before.get(termKey(term))
		if (!old) lines.push(`Added ${termLabel(term)}`)
		else lines.push(...fieldChanges(old, term, currency).map((change) => `${termLabel(term)}: ${change}`))
	}
	for (const term of previous) {
		if (!afterKeys.has(termKey(term))) lines.push(`Removed ${termLabel(term)}`)
	}
	return lines
}

function fieldChanges(a: TermInput, b: TermInput, currency: string): string[] {
	const money = (minor: number | null) => (minor === null ? 'none' : formatMoney(minor, currency))
	const changes: string[] = []
	if (a.unitPriceMinor !== b.unitPriceMinor) {
		changes.push(`unit price ${money(a.unitPriceMinor)} → ${money(b.unitPriceMinor)}`)
	}
	changes.push(...tierChanges(a.priceTiers, b.priceTiers, money))
	if (a.ackSlaMinutes !== b.ackSlaMinutes) {
		changes.push(`acknowledgement SLA ${count(a.ackSlaMinutes)} min → ${count(b.ackSlaMinutes)} min`)
	}
	if (a.deliverySlaHours !== b.deliverySlaHours) {
		changes.push(`delivery SLA ${count(a.deliverySlaHours)} h → ${count(b.deliverySlaHours)} h`)
	}
	if (a.prioritySurchargeBps !== b.prioritySurchargeBps) {
		changes.push(
			`priority surcharge ${formatBasisPoints(a.prioritySurchargeBps)} → ${formatBasisPoints(b.prioritySurchargeBps)}`,
		)
	}
	if (a.guaranteed24x7 !== b.guaranteed24x7) {
		changes.push(b.guaranteed24x7 ? '24x7 guarantee added' : '24x7 guarantee dropped')
	}
	if (a.penaltyPerBreachBps !== b.penaltyPerBreachBps) {
		changes.push(
			`penalty per breach ${formatBasisPoints(a.penaltyPerBreachBps)} → ${formatBasisPoints(b.penaltyPerBreachBps)}`,
		)
	}
	if (a.volumeCommitmentPerMonth !== b.volumeCommitmentPerMonth) {
		const volume = (n: number | null) => (n === null ? 'none' : `${units(n)}/month`)
		changes.push(
			`volume commitment ${volume(a.volumeCommitmentPerMonth)} → ${volume(b.volumeCommitmentPerMonth)}`,
		)
	}
	return changes
}

/** Tiers are matched by their threshold: a moved threshold reads as one tier removed and one added. */
function tierChanges(
	a: readonly PriceTier[],
	b: readonly PriceTier[],
	money: (minor: number | null) => string,
): string[] {
	const old = new Map(a.map((t) => [t.minQuantity, t.unitPriceMinor]))
	const kept = new Set(b.map((t) => t.minQuantity))
	const changes: string[] = []
	for (const tier of [...b].sort((x, y) => x.minQuantity - y.minQuantity)) {
		const oldPrice = old.get(tier.minQuantity)
		if (oldPrice === undefined) {
			changes.push(`added tier from ${units(tier.minQuantity)} at ${money(tier.unitPriceMinor)}`)
		} else if (oldPrice !== tier.unitPriceMinor) {
			changes.push(`tier from ${units(tier.minQuantity)} ${money(oldPrice)} → ${money(tier.unitPriceMinor)}`)
		}
	}
	for (const tier of [...a].sort((x, y) => x.minQuantity - y.minQuantity)) {
		if (!kept.has(tier.minQuantity)) {
			changes.push(`removed tier from ${units(tier.minQuantity)} (${money(tier.unitPriceMinor)})`)
		}
	}
	return changes
}
