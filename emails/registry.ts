import { type ComponentType, createElement, type ReactElement } from 'react'
import { ContractAcceptedEmail } from './contract-accepted.tsx'
import { ContractCounterReceivedEmail } from './contract-counter-received.tsx'
import { ContractExpiredEmail } from './contract-expired.tsx'
import { ContractExpiringSoonEmail } from './contract-expiring-soon.tsx'
import { ContractProposalReceivedEmail } from './contract-proposal-received.tsx'
import { ContractTerminatedEmail } from './contract-terminated.tsx'
import { ExceptionAssignedEmail } from './exception-assigned.tsx'
import { OrderCancelledEmail } from './order-cancelled.tsx'
import { OrderChangeRequestedEmail } from './order-change-requested.tsx'
import { OrderOfferOutcomeEmail } from './order-offer-outcome.tsx'
import { OrderOfferEmail } from './order-offer.tsx'
import { OrderReworkRequestedEmail } from './order-rework-requested.tsx'
import { OrderStatusUpdateEmail } from './order-status-update.tsx'
import { ScorecardDisputeRaisedEmail } from './scorecard-dispute-raised.tsx'
import { ScorecardDisputeResolvedEmail } from './scorecard-dispute-resolved.tsx'
import { decodeEmailProps, encodeEmailProps } from './stored-props.ts'
import { StandingChangedEmail } from './standing-changed.tsx'
import { SupplierStatusChangedEmail } from './supplier-status-changed.tsx'
import { UserInvitationEmail } from './user-invitation.tsx'

/**
 * Every template the outbox can store, by a stable key. The outbox keeps the key
 * and the props, and the delivery job renders them: rendering (React, then
 * html-to-text) costs milliseconds of CPU that a request transaction should not
 * hold its locks for. Stored rows name these keys, so never rename one.
 */
export const EMAIL_TEMPLATES = {
	'contract-accepted': ContractAcceptedEmail,
	'contract-counter-received': ContractCounterReceivedEmail,
	'contract-expired': ContractExpiredEmail,
	'contract-expiring-soon': ContractExpiringSoonEmail,
	'contract-proposal-received': ContractProposalReceivedEmail,
	'contract-terminated': ContractTerminatedEmail,
	'exception-assigned': ExceptionAssignedEmail,
	'order-cancelled': OrderCancelledEmail,
	'order-change-requested': OrderChangeRequestedEmail,
	'order-offer-outcome': OrderOfferOutcomeEmail,
	'order-offer': OrderOfferEmail,
	'order-rework-requested': OrderReworkRequestedEmail,
	'order-status-update': OrderStatusUpdateEmail,
	'standing-changed': StandingChangedEmail,
	'scorecard-dispute-raised': ScorecardDisputeRaisedEmail,
	'scorecard-dispute-resolved': ScorecardDisputeResolvedEmail,
	'supplier-status-changed': SupplierStatusChangedEmail,
	'user-invitation': UserInvitationEmail,
} as const satisfies Record<string, ComponentType<never>>

export type EmailTemplateKey = keyof typeof EMAIL_TEMPLATES

const KEY_OF_TEMPLATE = new Map<unknown, EmailTemplateKey>(
	Object.entries(EMAIL_TEMPLATES).map(([key, template]) => [template, key as EmailTemplateKey]),
)

/** An email as the outbox stores it: which template, with which (JSON) props. */
export type StoredEmail = { template: EmailTemplateKey; props: unknown }

/**
 * The storable form of a template element. Throws for an element of an
 * unregistered component, or props that JSON cannot carry (see encodeEmailProps):
 * both are programming errors, caught by the first test that sends that email.
 */
export function toStoredEmail(react: ReactElement): StoredEmail {
	const template = KEY_OF_TEMPLATE.get(react.type)
	if (!template) {
		const name = typeof react.type === 'function' ? react.type.name : String(react.type)
		throw new TypeError(`${name} is not in EMAIL_TEMPLATES (emails/registry.ts)`)
	}
	return { template, props: encodeEmailProps(react.props) }
}

/** The element a stored email renders; throws when the template key is unknown to this build. */
export function fromStoredEmail({ template, props }: { template: string; props: unknown }): ReactElement {
	const component = (EMAIL_TEMPLATES as Record<string, ComponentType<never>>)[template]
	if (!component) throw new Error(`Unknown email template "${template}"`)
	return createElement(component, decodeEmailProps(props) as never)
}
