import {
	formatCount,
	formatMinutes,
	formatRate,
	formatShare,
	NO_VALUE,
} from '#app/domain/operations/format.ts'
import { type OperationsFigures } from '#app/domain/operations/metrics.ts'
import { type Rate } from '#app/domain/operations/stats.ts'
import { MetricCard } from './metric-card.tsx'
import { type OperationsLinks } from './order-links.ts'

const EMPTY = 'No orders in this window'

function rateBasis(rate: Rate, noun: [string, string], empty = EMPTY) {
	return rate.denominator === 0 ? empty : formatShare(rate, noun)
}

/** The window's figures as cards, each with its basis, its links and its definition. */
export function FiguresGrid({ figures: f, links }: { figures: OperationsFigures; links: OperationsLinks }) {
	const cycle = f.cycleTime
	return (
		<div className="metric-grid">
			<MetricCard
				id="cycle-time"
				title="Order cycle time"
				value={cycle.count === 0 ? NO_VALUE : `${formatMinutes(cycle.median)} median`}
				basis={
					cycle.count === 0
						? EMPTY
						: `90th percentile ${formatMinutes(cycle.p90)} · over ${formatCount(cycle.count, ['closed order', 'closed orders'])}`
				}
				links={
					cycle.count === 0
						? []
						: [
								{
									to: links.closed,
									label: `The ${formatCount(cycle.count, ['closed order', 'closed orders'])}`,
								},
							]
				}
			>
				Placed to closed, over the orders closed in the period; the 90th percentile is the nearest rank.
			</MetricCard>
			<MetricCard
				id="rework-rate"
				title="Rework rate"
				value={formatRate(f.reworkRate)}
				basis={rateBasis(f.reworkRate, ['closed order', 'closed orders'])}
				links={
					f.reworkRate.denominator === 0
						? []
						: [
								{ to: links.reworked, label: `The ${f.reworkRate.numerator} with rework` },
								{ to: links.closed, label: `All ${f.reworkRate.denominator} closed` },
							]
				}
			>
				Orders closed in the period on which the buyer asked for rework at least once, of all orders closed in
				it.
			</MetricCard>
			<MetricCard
				id="exception-rate"
				title="Exception rate"
				value={formatRate(f.exceptionRate)}
				basis={rateBasis(f.exceptionRate, ['order placed', 'orders placed'])}
				links={
					f.exceptionRate.denominator === 0
						? []
						: [
								{ to: links.withException, label: `The ${f.exceptionRate.numerator} with an exception` },
								{ to: links.placed, label: `All ${f.exceptionRate.denominator} placed` },
							]
				}
			>
				Orders placed in the period that have had at least one exception (open or resolved), of all orders
				placed in it.
			</MetricCard>
			<MetricCard
				id="on-time-release"
				title="On-time release"
				value={formatRate(f.onTimeRelease)}
				basis={rateBasis(
					f.onTimeRelease,
					['offer answered', 'offers answered'],
					'No offers answered in this window',
				)}
				links={
					f.onTimeRelease.denominator === 0
						? []
						: [
								{ to: links.releasedOnTime, label: 'Orders with an offer accepted in time' },
								{ to: links.offered, label: 'Orders behind all these offers' },
							]
				}
			>
				Offers made in the period that the supplier accepted before they expired, of those made in it that
				were accepted, declined or expired (manual assignments and withdrawn offers left out) — Procura
				refuses late acceptances, so counting accepted offers alone would always give 100%.
			</MetricCard>
			<MetricCard
				id="change-handling"
				title="Change handling time"
				value={f.changeHandling.count === 0 ? NO_VALUE : `${formatMinutes(f.changeHandling.median)} median`}
				basis={
					f.changeHandling.count === 0
						? 'No change acknowledged in this window'
						: `over ${formatCount(f.changeHandling.count, ['acknowledgement', 'acknowledgements'])}`
				}
				links={
					f.changeHandling.count === 0 ? [] : [{ to: links.changes, label: 'Orders with these changes' }]
				}
			>
				From the buyer’s change request to the supplier’s acknowledgement (the latest request before it), for
				acknowledgements in the period.
			</MetricCard>
			<MetricCard
				id="cancellation-handling"
				title="Time to cancellation"
				value={
					f.cancellationHandling.count === 0
						? NO_VALUE
						: `${formatMinutes(f.cancellationHandling.median)} median`
				}
				basis={
					f.cancellationHandling.count === 0
						? EMPTY
						: `over ${formatCount(f.cancellationHandling.count, ['cancelled order', 'cancelled orders'])}`
				}
				links={
					f.cancellationHandling.count === 0
						? []
						: [
								{
									to: links.cancelled,
									label: `The ${formatCount(f.cancellationHandling.count, ['cancelled order', 'cancelled orders'])}`,
								},
							]
				}
			>
				How long orders cancelled in the period had been open: from submission to the cancellation. A buyer
				cancels in one step, so this is the time until the decision, not a response time to a request.
			</MetricCard>
		</div>
	)
}
