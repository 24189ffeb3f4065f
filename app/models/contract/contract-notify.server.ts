import { and, asc, eq, isNull } from 'drizzle-orm'
import { type ReactElement } from 'react'
import { type Side } from '#app/domain/contracts/negotiation.ts'
import { type Executor, schema } from '#app/utils/db.server.ts'
import { sendEmail } from '#app/utils/email.server.ts'
import { contractUrl } from './contract-access.server.ts'

const { users } = schema

/** How emails name the buying side, which is one organisation per deployment. */
export const BUYER_ORGANISATION = 'the buying team'

export type Recipient = { name: string; email: string }

/**
 * Who hears about a contract on each side: every user of the supplier that is
 * not disabled, or every buyer that is not disabled.
 */
export async function recipientsFor(db: Executor, side: Side, supplierId: string): Promise<Recipient[]> {
	const where =
		side === 'supplier'
			? and(eq(users.supplierId, supplierId), eq(users.role, 'supplier'), isNull(users.disabledAt))
			: and(eq(users.role, 'buyer'), isNull(users.disabledAt))
	return db
		.select({ name: users.name, email: users.email })
		.from(users)
		.where(where)
		.orderBy(asc(users.email))
}

/**
 * Queues one email per recipient of `side` in the caller's transaction; `render`
 * gets the recipient and the contract's link in that side's portal.
 */
export async function notifySide(
	tx: Executor,
	{
		side,
		supplierId,
		contractId,
		appUrl,
		subject,
		render,
	}: {
		side: Side
		supplierId: string
		contractId: string
		appUrl?: string
		subject: string
		render: (recipient: Recipient, url: string) => ReactElement
	},
): Promise<number> {
	const url = contractUrl(side, contractId, appUrl)
	const recipients = await recipientsFor(tx, side, supplierId)
	for (const recipient of recipients) {
		await sendEmail(tx, { to: recipient.email, subject, react: render(recipient, url) })
	}
	return recipients.length
}

export function otherSide(side: Side): Side {
	return side === 'buyer' ? 'supplier' : 'buyer'
}
