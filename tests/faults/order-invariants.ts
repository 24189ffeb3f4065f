import type postgres from 'postgres'

/**
 * Orders at rest in a state nobody is responsible for, each with why:
 * - submitted, approved or routing: states a transaction passes through, never
 *   left behind by a committed one;
 * - offered without a pending offer (the offer's deadline and supplier are the
 *   order's deadline and owner), or with one whose deadline has passed by more
 *   than `graceSeconds` (the expiry job should have taken it);
 * - accepted, in progress or in rework without an assigned supplier;
 * - unroutable without an open exception for a buyer to act on;
 * - in review or delivered without the buyer who placed it.
 * Drafts are the buyer's own unfinished work: they have an owner and no deadline by design.
 */
export async function ordersWithoutDeadlineOrOwner(sql: postgres.Sql, { graceSeconds = 60 } = {}) {
	return sql<{ number: string; status: string; problem: string }[]>`
		select number, status::text, problem from (
			select o.number, o.status,
				case
					when o.status in ('submitted', 'approved', 'routing') then 'left in a passing state'
					when o.status = 'offered' and not exists (
						select 1 from order_offers f where f.order_id = o.id and f.response = 'pending')
						then 'offered without a pending offer'
					when o.status = 'offered' and not exists (
						select 1 from order_offers f where f.order_id = o.id and f.response = 'pending'
							and f.expires_at > now() - make_interval(secs => ${graceSeconds}))
						then 'offered, but every pending offer is long overdue'
					when o.status in ('accepted', 'in_progress', 'rework_requested') and o.assigned_supplier_id is null
						then 'in work without a supplier'
					when o.status = 'unroutable' and not exists (
						select 1 from order_exceptions e
						where e.order_id = o.id and e.kind = 'unroutable' and e.status = 'open')
						then 'unroutable without an open exception'
					when o.status in ('in_review', 'delivered') and o.placed_by_user_id is null
						then 'waiting for a buyer, but nobody placed it'
				end as problem
			from orders o
		) checked
		where problem is not null
		order by number`
}
