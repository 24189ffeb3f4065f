import { expect, test } from 'vitest'
import { listOrderClassesWithPolicy } from '#app/models/order-class/current-policies.server.ts'
import { getDb } from '#app/utils/db.server.ts'

test('the five seeded classes come with their first policy, most urgent first', async () => {
	const classes = await listOrderClassesWithPolicy(getDb())
	const seeded = classes.filter((c) =>
		['emergency', 'urgent', 'standard', 'bulk', 'one-time'].includes(c.key),
	)
	expect(seeded.map((c) => c.key)).toEqual(['emergency', 'urgent', 'standard', 'bulk', 'one-time'])
	const emergency = seeded[0]!
	expect(emergency.policy).toMatchObject({
		ackDeadlineMinutes: 30,
		justificationRequired: true,
		requires24x7: true,
		routingMode: 'broadcast',
		broadcastCount: 3,
	})
	const bulk = seeded.find((c) => c.key === 'bulk')!
	expect(bulk.policy.minQuantity).toBe(500)
	expect(seeded.find((c) => c.key === 'one-time')!.policy.contractRequired).toBe(false)
	for (const c of seeded) {
		const { weightPrice, weightSpeed, weightReliability, weightCapacity } = c.policy
		expect(weightPrice + weightSpeed + weightReliability + weightCapacity).toBe(100)
	}
})
