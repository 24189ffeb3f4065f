import { Link } from '@remix-run/react'
import { type ReactNode } from 'react'

export type MetricLink = { to: string; label: string }

/**
 * One figure: its name, the value (or "—"), what it was counted over ("12 of 40 orders", or why
 * there is nothing), links to the orders behind it, and what it measures.
 */
export function MetricCard({
	id,
	title,
	value,
	basis,
	links = [],
	children,
}: {
	id: string
	title: string
	value: string
	basis: string
	links?: readonly MetricLink[]
	/** What the figure measures, in a sentence. */
	children: ReactNode
}) {
	return (
		<article className="metric card" aria-labelledby={`${id}-title`}>
			<h3 id={`${id}-title`}>{title}</h3>
			<p className="metric-value" data-testid={`${id}-value`}>
				{value}
			</p>
			<p className="metric-basis">{basis}</p>
			{links.length > 0 ? (
				<ul className="metric-links">
					{links.map((l) => (
						<li key={l.to}>
							<Link to={l.to}>{l.label}</Link>
						</li>
					))}
				</ul>
			) : null}
			<p className="hint">{children}</p>
		</article>
	)
}
