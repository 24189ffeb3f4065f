import { Link } from '@remix-run/react'
import { type CoverageGap } from '#app/domain/operations/coverage-gaps.ts'

const SHOWN = 12

/** (class × category) pairs no active supplier with an unpaused capability can serve. */
export function CoverageGaps({ gaps, cellCount }: { gaps: readonly CoverageGap[]; cellCount: number }) {
	return (
		<section aria-labelledby="gaps-heading" className="stack">
			<h2 id="gaps-heading">Coverage gaps</h2>
			<p className={gaps.length > 0 ? 'coverage-summary has-gaps' : 'coverage-summary'}>
				{gaps.length} of {cellCount} class × category pairs have no eligible supplier{' '}
				<span className="muted">(an active supplier with a capability that is not paused).</span>
			</p>
			{gaps.length > 0 ? (
				<ul className="gap-list">
					{gaps.slice(0, SHOWN).map((g) => (
						<li key={`${g.orderClassId}|${g.categoryId}`}>
							{g.className} × {g.categoryName}
						</li>
					))}
					{gaps.length > SHOWN ? <li>and {gaps.length - SHOWN} more</li> : null}
				</ul>
			) : null}
			<p>
				<Link to="/buyer/coverage">Open the coverage matrix</Link>
			</p>
		</section>
	)
}
