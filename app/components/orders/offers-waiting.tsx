import { Link } from '@remix-run/react'

/** The supplier dashboard's order panel: how many offers wait for an answer, and where to answer them. */
export function OffersWaitingPanel({ count }: { count: number }) {
	return (
		<section aria-labelledby="offers-waiting-heading" className={count > 0 ? 'card attention' : 'card'}>
			<h2 id="offers-waiting-heading">Offers waiting for you: {count}</h2>
			<p>
				{count > 0 ? (
					<Link to="/supplier/orders">Answer them in your order inbox</Link>
				) : (
					<>
						No offer waits for an answer. <Link to="/supplier/orders">Your orders</Link>
					</>
				)}
			</p>
		</section>
	)
}
