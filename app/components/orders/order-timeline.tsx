import { orderEventLabel } from '#app/domain/orders/order-events.ts'
import { type OrderStatus, STATUS_LABELS } from '#app/domain/orders/order-lifecycle.ts'
import { LocalTime } from './local-time.tsx'

export type TimelineEvent = {
	id: number | string
	type: string
	fromStatus: OrderStatus | null
	toStatus: OrderStatus | null
	actorName: string | null
	actorRole: string | null
	supplierName?: string | null
	occurredAt: string | Date
	data: unknown
}

const ROLE_LABELS: Record<string, string> = {
	buyer: 'Buyer',
	admin: 'Admin',
	supplier: 'Supplier',
	system: 'Procura',
}

// The free text people wrote with an event, under the names the models store it.
const TEXT_KEYS = ['reason', 'note', 'declineReason', 'overrideReason', 'resolution', 'detail'] as const

function detailsOf(data: unknown): { texts: string[]; warnings: string[] } {
	if (!data || typeof data !== 'object') return { texts: [], warnings: [] }
	const record = data as Record<string, unknown>
	const texts = TEXT_KEYS.map((k) => record[k]).filter(
		(v): v is string => typeof v === 'string' && v.length > 0,
	)
	const warnings = [record.warnings, record.reviewReasons]
		.flatMap((v) => (Array.isArray(v) ? v : []))
		.filter((v): v is string => typeof v === 'string')
	return { texts, warnings }
}

function whoDidIt(event: TimelineEvent) {
	if (event.actorName)
		return `${event.actorName}${event.actorRole ? ` (${ROLE_LABELS[event.actorRole] ?? event.actorRole})` : ''}`
	return ROLE_LABELS[event.actorRole ?? 'system'] ?? 'Procura'
}

/**
 * The order's history, newest first: what happened, who did it, when, and what
 * they wrote. Each event is an anchor (`#event-<id>`); `showIds` prints the ids
 * too, for the auditor, whose evidence pages cite events by id.
 */
export function OrderTimeline({
	events,
	heading = 'Timeline',
	showIds = false,
}: {
	events: readonly TimelineEvent[]
	heading?: string
	showIds?: boolean
}) {
	return (
		<section aria-labelledby="timeline-heading" className="card">
			<h2 id="timeline-heading">{heading}</h2>
			{events.length === 0 ? (
				<p className="empty">Nothing has happened yet.</p>
			) : (
				<ol className="timeline">
					{events.map((event) => {
						const { texts, warnings } = detailsOf(event.data)
						const changed = event.fromStatus && event.toStatus && event.fromStatus !== event.toStatus
						return (
							<li key={event.id} id={`event-${event.id}`}>
								<p className="timeline-head">
									{showIds ? <span className="muted">#{event.id} </span> : null}
									<strong>{orderEventLabel(event.type)}</strong>
									{event.supplierName ? <> · {event.supplierName}</> : null}
									{changed ? (
										<span className="muted">
											{' '}
											· {STATUS_LABELS[event.fromStatus!]} → {STATUS_LABELS[event.toStatus!]}
										</span>
									) : null}
								</p>
								<p className="muted timeline-meta">
									<LocalTime value={event.occurredAt} /> · {whoDidIt(event)}
								</p>
								{texts.map((text) => (
									<p key={text} className="timeline-text prewrap">
										{text}
									</p>
								))}
								{warnings.length > 0 ? (
									<ul className="timeline-warnings">
										{warnings.map((w) => (
											<li key={w}>{w}</li>
										))}
									</ul>
								) : null}
							</li>
						)
					})}
				</ol>
			)}
		</section>
	)
}
