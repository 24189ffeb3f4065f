// How contracts read on the page: status badges, sides, dates and term labels.
import { type ContractStatus, type VersionStatus } from '#app/domain/contracts/negotiation.ts'

export { termLabel } from '#app/domain/contracts/terms-diff.ts'
export { type VersionStatus }

export const CONTRACT_STATUS_LABELS: Record<ContractStatus, string> = {
	draft: 'Draft',
	negotiating: 'Negotiating',
	active: 'Active',
	expired: 'Expired',
	terminated: 'Terminated',
}

const STATUS_BADGES: Record<ContractStatus, string> = {
	draft: 'badge',
	negotiating: 'badge warn',
	active: 'badge ok',
	expired: 'badge',
	terminated: 'badge bad',
}

export function ContractStatusBadge({ status }: { status: ContractStatus }) {
	return <span className={STATUS_BADGES[status]}>{CONTRACT_STATUS_LABELS[status]}</span>
}

export const VERSION_STATUS_LABELS: Record<VersionStatus, string> = {
	draft: 'Draft',
	proposed: 'Waiting for an answer',
	accepted: 'Accepted',
	countered: 'Countered',
	withdrawn: 'Withdrawn',
	superseded: 'Superseded',
}

export const VERSION_STATUS_BADGES: Record<VersionStatus, string> = {
	draft: 'badge',
	proposed: 'badge warn',
	accepted: 'badge ok',
	countered: 'badge',
	withdrawn: 'badge',
	superseded: 'badge',
}

export const SIDE_LABELS = { buyer: 'Buyer', supplier: 'Supplier' } as const

const DATE = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' })
const DATE_TIME = new Intl.DateTimeFormat('en-GB', {
	dateStyle: 'medium',
	timeStyle: 'short',
	timeZone: 'UTC',
})

/** A calendar date stored as YYYY-MM-DD: "1 Mar 2026". */
export function formatDay(isoDate: string) {
	return DATE.format(new Date(`${isoDate}T00:00:00Z`))
}

export function formatPeriod(startsOn: string, endsOn: string) {
	return `${formatDay(startsOn)} – ${formatDay(endsOn)}`
}

/** A moment, in UTC so the server and the browser render the same text. */
export function formatMoment(value: string | Date | null | undefined) {
	return value ? `${DATE_TIME.format(new Date(value))} UTC` : '—'
}
