import { type MetricCounters } from '#app/domain/scorecards/scorecard-counters.ts'
import { type RateMetric } from '#app/schemas/scorecard-filters.ts'
import { formatPercent, rateCounts, RATES } from './metrics.ts'

/** A rate as a percentage; the counts behind it are in the tooltip and for screen readers. */
export function RateFigure({
	metric,
	rate,
	counters,
}: {
	metric: RateMetric
	rate: number | null
	counters: MetricCounters
}) {
	const d = RATES[metric]
	const counts = rateCounts(metric, counters)
	if (rate === null) {
		return (
			<span title={`No ${d.of}`}>
				—<span className="visually-hidden"> no {d.of}</span>
			</span>
		)
	}
	return (
		<span title={counts}>
			{formatPercent(rate)}
			<span className="visually-hidden"> ({counts})</span>
		</span>
	)
}

/**
 * Published months are final; the month in progress is live and still moving. A
 * past month not (yet) published is computed live from the rollups as well.
 */
export function SourceBadge({ source, inProgress }: { source: 'published' | 'live'; inProgress: boolean }) {
	if (source === 'published') return <span className="badge ok">published</span>
	return (
		<span className="badge warn">{inProgress ? 'live (month in progress)' : 'live (not published)'}</span>
	)
}

export function StandingBadge({ standing }: { standing: { key: string; label: string } | null }) {
	if (!standing) return <span className="badge">insufficient data</span>
	const tone = standing.key === 'probation' ? 'bad' : standing.key === 'watch' ? 'warn' : 'ok'
	return <span className={`badge ${tone}`}>{standing.label}</span>
}
