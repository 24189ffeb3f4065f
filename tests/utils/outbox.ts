import { outboxBodies, type OutboxBodySource } from '#app/utils/email.server.ts'

/**
 * Outbox rows with their html and text as the recipient will get them: a queued
 * message stores only its template and props until the delivery job renders it.
 */
export async function withBodies<Row extends OutboxBodySource>(rows: Row[]): Promise<Row[]> {
	return Promise.all(rows.map(async (row) => ({ ...row, ...(await outboxBodies(row)) })))
}
