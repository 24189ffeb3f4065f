import { and, asc, eq, isNull, sql } from 'drizzle-orm'
import { type Executor, schema } from '#app/utils/db.server.ts'

const { orderClasses, orderClassPolicies } = schema

export type OrderClassWithPolicy = Awaited<ReturnType<typeof listOrderClassesWithPolicy>>[number]

/**
 * Order classes with their current (highest-version) policy, most urgent first.
 * Retired classes are left out unless asked for.
 */
export async function listOrderClassesWithPolicy(db: Executor, { includeRetired = false } = {}) {
	return db
		.select({
			id: orderClasses.id,
			key: orderClasses.key,
			name: orderClasses.name,
			description: orderClasses.description,
			priorityRank: orderClasses.priorityRank,
			retiredAt: orderClasses.retiredAt,
			policy: {
				id: orderClassPolicies.id,
				version: orderClassPolicies.version,
				ackDeadlineMinutes: orderClassPolicies.ackDeadlineMinutes,
				deliveryTargetHours: orderClassPolicies.deliveryTargetHours,
				minQuantity: orderClassPolicies.minQuantity,
				approvalThresholdMinor: orderClassPolicies.approvalThresholdMinor,
				currency: orderClassPolicies.currency,
				justificationRequired: orderClassPolicies.justificationRequired,
				contractRequired: orderClassPolicies.contractRequired,
				requires24x7: orderClassPolicies.requires24x7,
				routingMode: orderClassPolicies.routingMode,
				broadcastCount: orderClassPolicies.broadcastCount,
				weightPrice: orderClassPolicies.weightPrice,
				weightSpeed: orderClassPolicies.weightSpeed,
				weightReliability: orderClassPolicies.weightReliability,
				weightCapacity: orderClassPolicies.weightCapacity,
				createdAt: orderClassPolicies.createdAt,
			},
		})
		.from(orderClasses)
		.innerJoin(
			orderClassPolicies,
			and(
				eq(orderClassPolicies.orderClassId, orderClasses.id),
				// The current policy is the class's highest version.
				eq(
					orderClassPolicies.version,
					sql`(select max(p.version) from order_class_policies p where p.order_class_id = ${orderClasses.id})`,
				),
			),
		)
		.where(includeRetired ? undefined : isNull(orderClasses.retiredAt))
		.orderBy(asc(orderClasses.priorityRank), asc(orderClasses.name))
}
