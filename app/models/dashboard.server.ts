import { and, count, desc, eq, gt, isNull, sql } from 'drizzle-orm'
import { chainAuditEvents } from '#app/models/audit-event.server.ts'
import { getCoverageMatrix } from '#app/models/coverage.server.ts'
import { type Executor, schema } from '#app/utils/db.server.ts'

const { auditEvents, categories, orderClasses, outboxEmails, suppliers, userInvitations, users } = schema

/** Figures for the buyer's landing page: the supply base and the classification framework. */
export async function getBuyerDashboard(db: Executor) {
	const [byStatus, [classes], [cats], [regions], coverage] = await Promise.all([
		db.select({ status: suppliers.status, n: count() }).from(suppliers).groupBy(suppliers.status),
		db.select({ n: count() }).from(orderClasses).where(isNull(orderClasses.retiredAt)),
		db.select({ n: count() }).from(categories).where(isNull(categories.retiredAt)),
		db
			.select({ n: sql<number>`count(distinct r)::int` })
			.from(sql`${suppliers}, unnest(${suppliers.regions}) as r`),
		getCoverageMatrix(db),
	])
	const suppliersByStatus = Object.fromEntries(byStatus.map((r) => [r.status, r.n]))
	return {
		suppliersByStatus,
		supplierCount: byStatus.reduce((sum, r) => sum + r.n, 0),
		orderClassCount: classes?.n ?? 0,
		categoryCount: cats?.n ?? 0,
		regionCount: regions?.n ?? 0,
		coverageGapCount: coverage.gapCount,
	}
}

/** The supplier's own organisation and its users; scoped by the session's supplier id. */
export async function getSupplierDashboard(db: Executor, { supplierId }: { supplierId: string }) {
	const [supplier] = await db
		.select({
			id: suppliers.id,
			name: suppliers.name,
			status: suppliers.status,
			regions: suppliers.regions,
			timeZone: suppliers.timeZone,
			available24x7: suppliers.available24x7,
		})
		.from(suppliers)
		.where(eq(suppliers.id, supplierId))
	if (!supplier) return null
	const members = await db
		.select({ id: users.id, name: users.name, email: users.email, disabledAt: users.disabledAt })
		.from(users)
		.where(eq(users.supplierId, supplierId))
		.orderBy(users.name)
	return { supplier, members }
}

export async function getAuditDashboard(db: Executor, { now }: { now: Date }) {
	const dayAgo = new Date(now.getTime() - 24 * 60 * 60 * 1000)
	await chainAuditEvents(db)
	const [[totals], [lastDay], [supplierTotal], recent] = await Promise.all([
		// Seqs are gapless from 1, so the chain's length is its head's seq (an index read, where counting
		// the rows read the whole trail), plus the events still waiting to be chained.
		db.execute<{ n: number; lastAt: string | null }>(sql`
			select (select coalesce(max(seq), 0) from audit_events where seq > 0)
					+ (select count(*) from audit_events where seq < 0) as "n",
				(select max(occurred_at) from audit_events) as "lastAt"`),
		db.select({ n: count() }).from(auditEvents).where(gt(auditEvents.occurredAt, dayAgo)),
		db.select({ n: count() }).from(suppliers),
		db
			.select({
				seq: auditEvents.seq,
				occurredAt: auditEvents.occurredAt,
				action: auditEvents.action,
				entityType: auditEvents.entityType,
				actorRole: auditEvents.actorRole,
			})
			.from(auditEvents)
			.orderBy(desc(auditEvents.seq))
			.limit(10),
	])
	return {
		auditEventCount: Number(totals?.n ?? 0),
		lastAuditEventAt: totals?.lastAt ? new Date(totals.lastAt) : null,
		auditEventsLastDay: lastDay?.n ?? 0,
		supplierCount: supplierTotal?.n ?? 0,
		recent,
	}
}

export async function getAdminDashboard(db: Executor, { now }: { now: Date }) {
	const [byRole, [disabled], [pendingInvites], outbox] = await Promise.all([
		db.select({ role: users.role, n: count() }).from(users).groupBy(users.role),
		db
			.select({ n: count() })
			.from(users)
			.where(sql`${users.disabledAt} is not null`),
		db
			.select({ n: count() })
			.from(userInvitations)
			.where(
				and(
					isNull(userInvitations.acceptedAt),
					isNull(userInvitations.revokedAt),
					gt(userInvitations.expiresAt, now),
				),
			),
		db.select({ status: outboxEmails.status, n: count() }).from(outboxEmails).groupBy(outboxEmails.status),
	])
	return {
		usersByRole: Object.fromEntries(byRole.map((r) => [r.role, r.n])),
		userCount: byRole.reduce((sum, r) => sum + r.n, 0),
		disabledUserCount: disabled?.n ?? 0,
		pendingInvitationCount: pendingInvites?.n ?? 0,
		outboxByStatus: Object.fromEntries(outbox.map((r) => [r.status, r.n])),
	}
}
