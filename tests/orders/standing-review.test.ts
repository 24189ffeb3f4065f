import { describe, expect, test } from 'vitest'
import { placeOrder } from '#app/models/order/place-order.server.ts'
import { getDb, schema } from '#app/utils/db.server.ts'
import {
	createBuyer,
	createCapableSupplier,
	createCategory,
	createOrderClass,
	NOW,
	orderInput,
} from './fixtures.ts'

const { supplierStandings } = schema

async function standing(
	supplierId: string,
	orderClassId: string,
	consequences: { flagged?: boolean; reviewAboveMinor?: number | null },
) {
	await getDb()
		.insert(supplierStandings)
		.values({
			supplierId,
			orderClassId,
			standingKey: 'watch',
			standingLabel: 'Watch',
			flagged: consequences.flagged ?? false,
			reviewAboveMinor: consequences.reviewAboveMinor ?? null,
			scoreDeci: 550,
			policyVersion: 1,
			since: NOW,
			evaluatedAt: NOW,
		})
}

describe('standing consequences at intake', () => {
	test('orders above the standing’s review value go to review first; smaller ones are routed', async () => {
		const db = getDb()
		const category = await createCategory(db)
		const cls = await createOrderClass(db, { approvalThresholdMinor: null })
		const ids = { categoryId: category.id, orderClassId: cls.id }
		// 10 units at 100.00 each: an estimate of 1,000.00.
		const s = await createCapableSupplier(db, ids, {
			name: 'Watched Ledgers',
			term: { unitPriceMinor: 10_000 },
		})
		await standing(s.supplier.id, cls.id, { reviewAboveMinor: 50_000 })
		const buyer = await createBuyer(db)

		const large = await placeOrder(db, { actor: buyer, input: orderInput(ids), now: NOW })
		expect(large.status).toBe('in_review')
		expect(large.reviewReasons).toEqual([
			'Watched Ledgers is in Watch standing: orders above 500 EUR go to review first',
		])

		const small = await placeOrder(db, { actor: buyer, input: orderInput(ids, { quantity: 4 }), now: NOW })
		expect(small.reviewReasons).toEqual([])
		expect(small.status).toBe('offered')
	})

	test('an emergency with a preferred supplier whose standing flags it goes to review', async () => {
		const db = getDb()
		const category = await createCategory(db)
		const cls = await createOrderClass(db, { requires24x7: true, approvalThresholdMinor: null })
		const ids = { categoryId: category.id, orderClassId: cls.id }
		const spec = { available24x7: true, term: { guaranteed24x7: true } }
		const watched = await createCapableSupplier(db, ids, { ...spec, name: 'Flagged Responders' })
		const steady = await createCapableSupplier(db, ids, { ...spec, name: 'Steady Responders' })
		await standing(watched.supplier.id, cls.id, { flagged: true })
		const buyer = await createBuyer(db)
		// Neither has delivered yet, so both orders also carry "no delivered orders yet"; only one is on watch.
		const emergency = (preferredSupplierId: string) =>
			orderInput(ids, { quantity: 1, preferredSupplierId, justification: 'Payroll server down today.' })

		const flagged = await placeOrder(db, { actor: buyer, input: emergency(watched.supplier.id), now: NOW })
		expect(flagged.status).toBe('in_review')
		expect(flagged.reviewReasons).toContain('Emergency with a preferred supplier on watch')

		const other = await placeOrder(db, { actor: buyer, input: emergency(steady.supplier.id), now: NOW })
		expect(other.reviewReasons).not.toContain('Emergency with a preferred supplier on watch')
	})
})
