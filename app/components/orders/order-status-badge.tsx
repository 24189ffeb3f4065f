import { type OrderStatus, STATUS_LABELS } from '#app/domain/orders/order-lifecycle.ts'

// Colour only repeats what the words say: the label is always there.
const BADGES: Record<OrderStatus, string> = {
	draft: 'badge',
	submitted: 'badge',
	in_review: 'badge warn',
	approved: 'badge',
	rejected: 'badge bad',
	routing: 'badge',
	offered: 'badge warn',
	accepted: 'badge ok',
	in_progress: 'badge ok',
	delivered: 'badge ok',
	rework_requested: 'badge warn',
	closed: 'badge',
	cancelled: 'badge bad',
	unroutable: 'badge bad',
}

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
	return <span className={BADGES[status]}>{STATUS_LABELS[status]}</span>
}

/** "Emergency" stands out in lists: a badge next to the class name. */
export function ClassName({ name, isEmergency }: { name: string; isEmergency: boolean }) {
	return isEmergency ? <span className="badge bad emergency">{name}</span> : <>{name}</>
}
