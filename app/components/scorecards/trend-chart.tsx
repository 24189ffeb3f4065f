import { type ReactElement } from 'react'
import { formatMonth as monthLabel } from './metrics.ts'

export type TrendSeries = {
	name: string
	/** One value per month of the chart's `months`, null where there is none. */
	values: (number | null)[]
}

type Shape = (x: number, y: number) => ReactElement

const R = 4.5
// Distinct outlines, so series differ without colour: circle, square, triangle, diamond, cross, star.
const SHAPES: { name: string; draw: Shape }[] = [
	{ name: 'circle', draw: (x, y) => <circle cx={x} cy={y} r={R} /> },
	{ name: 'square', draw: (x, y) => <rect x={x - R} y={y - R} width={2 * R} height={2 * R} /> },
	{
		name: 'triangle',
		draw: (x, y) => <polygon points={`${x},${y - R - 1} ${x + R + 1},${y + R} ${x - R - 1},${y + R}`} />,
	},
	{
		name: 'diamond',
		draw: (x, y) => (
			<polygon points={`${x},${y - R - 1} ${x + R + 1},${y} ${x},${y + R + 1} ${x - R - 1},${y}`} />
		),
	},
	{
		name: 'cross',
		draw: (x, y) => (
			<path
				d={`M${x - R},${y - R}L${x + R},${y + R}M${x - R},${y + R}L${x + R},${y - R}`}
				strokeWidth={2.5}
			/>
		),
	},
	{
		name: 'star',
		draw: (x, y) => (
			<polygon
				points={Array.from({ length: 10 }, (_, i) => {
					const radius = i % 2 === 0 ? R + 1.5 : R / 2
					const angle = (Math.PI / 5) * i - Math.PI / 2
					return `${(x + radius * Math.cos(angle)).toFixed(1)},${(y + radius * Math.sin(angle)).toFixed(1)}`
				}).join(' ')}
			/>
		),
	},
]
// Colour is a second cue only; dashes are a third.
const COLOURS = ['#1f5f99', '#b3541e', '#2e7d4f', '#7b3fa0', '#8a6d00', '#a12a4b']
const DASHES = ['', '6 3', '2 3', '8 3 2 3', '4 4', '1 2']

const WIDTH = 640
const PLOT = { left: 52, right: 16, top: 16, bottom: 44 }

/**
 * A line chart of monthly values, one line per series, drawn as inline SVG. Each
 * series has its own marker shape, dash and colour and is named in the legend;
 * every point has a tooltip. The same numbers follow in a visually hidden table.
 */
export function TrendChart({
	title,
	months,
	series,
	format,
	yMax,
	yTicks,
	yLabel,
}: {
	title: string
	/** 'YYYY-MM', oldest first. */
	months: readonly string[]
	series: readonly TrendSeries[]
	format: (value: number) => string
	/** The top of the value axis; the largest value (at least 1) when not given. */
	yMax?: number
	yTicks?: readonly number[]
	yLabel: string
}) {
	const legendRows = Math.ceil(series.length / 3)
	const top = PLOT.top + legendRows * 18
	const height = top + 150 + PLOT.bottom
	const plotWidth = WIDTH - PLOT.left - PLOT.right
	const plotBottom = height - PLOT.bottom
	const max = yMax ?? niceMax(series.flatMap((s) => s.values.filter((v): v is number => v !== null)))
	const ticks = yTicks ?? [0, max / 4, max / 2, (3 * max) / 4, max]
	const x = (i: number) =>
		PLOT.left + (months.length <= 1 ? plotWidth / 2 : (i * plotWidth) / (months.length - 1))
	const y = (v: number) => plotBottom - (Math.min(v, max) / max) * (plotBottom - top)
	const hasData = series.some((s) => s.values.some((v) => v !== null))
	const range = months.length > 0 ? `${monthLabel(months[0]!)} to ${monthLabel(months.at(-1)!)}` : ''
	const label = `${title}, ${range}: ${series.length} ${series.length === 1 ? 'line' : 'lines'} (${series.map((s, i) => `${s.name}, ${SHAPES[i % SHAPES.length]!.name} markers`).join('; ')}).${hasData ? '' : ' No data in these months.'} The table after the chart gives the values.`

	return (
		<figure className="trend-chart">
			<figcaption>{title}</figcaption>
			<svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={label} width="100%">
				{/* Legend: shape + name, so a line is identified without colour. */}
				{series.map((s, i) => {
					const lx = PLOT.left + (i % 3) * 190
					const ly = PLOT.top + Math.floor(i / 3) * 18
					return (
						<g key={s.name} className="legend" {...seriesStyle(i)}>
							<line x1={lx} y1={ly} x2={lx + 24} y2={ly} strokeDasharray={DASHES[i % DASHES.length]} />
							{SHAPES[i % SHAPES.length]!.draw(lx + 12, ly)}
							<text x={lx + 32} y={ly + 4} stroke="none" fill="currentColor" fontSize="12">
								{s.name}
							</text>
						</g>
					)
				})}
				{/* Value axis with gridlines. */}
				<g className="axis" fontSize="11">
					{ticks.map((t) => (
						<g key={t}>
							<line x1={PLOT.left} x2={WIDTH - PLOT.right} y1={y(t)} y2={y(t)} className="grid" />
							<text x={PLOT.left - 6} y={y(t) + 4} textAnchor="end" fill="currentColor">
								{format(t)}
							</text>
						</g>
					))}
					<text
						transform={`translate(12 ${(top + plotBottom) / 2}) rotate(-90)`}
						textAnchor="middle"
						fill="currentColor"
					>
						{yLabel}
					</text>
					<line x1={PLOT.left} x2={PLOT.left} y1={top} y2={plotBottom} className="axis-line" />
					<line
						x1={PLOT.left}
						x2={WIDTH - PLOT.right}
						y1={plotBottom}
						y2={plotBottom}
						className="axis-line"
					/>
					{/* Month axis: every month, the year under January and the first month. */}
					{months.map((m, i) => (
						<text key={m} x={x(i)} y={plotBottom + 16} textAnchor="middle" fill="currentColor">
							{monthLabel(m).slice(0, 3)}
							{i === 0 || m.endsWith('-01') ? (
								<tspan x={x(i)} dy="13">
									{m.slice(0, 4)}
								</tspan>
							) : null}
						</text>
					))}
				</g>
				{series.map((s, i) => (
					<g key={s.name} {...seriesStyle(i)}>
						{segments(s.values).map((run) => (
							<polyline
								key={run[0]}
								fill="none"
								strokeDasharray={DASHES[i % DASHES.length]}
								points={run.map((j) => `${x(j)},${y(s.values[j]!)}`).join(' ')}
							/>
						))}
						{s.values.map((v, j) =>
							v === null ? null : (
								<g key={months[j]} className="point">
									<title>{`${s.name}, ${monthLabel(months[j]!)}: ${format(v)}`}</title>
									{SHAPES[i % SHAPES.length]!.draw(x(j), y(v))}
								</g>
							),
						)}
					</g>
				))}
				{hasData ? null : (
					<text
						x={PLOT.left + plotWidth / 2}
						y={(top + plotBottom) / 2}
						textAnchor="middle"
						fill="currentColor"
					>
						No data in these months
					</text>
				)}
			</svg>
			<table className="visually-hidden">
				<caption>{title} by month</caption>
				<thead>
					<tr>
						<th scope="col">Month</th>
						{series.map((s) => (
							<th key={s.name} scope="col">
								{s.name}
							</th>
						))}
					</tr>
				</thead>
				<tbody>
					{months.map((m, j) => (
						<tr key={m}>
							<th scope="row">{monthLabel(m)}</th>
							{series.map((s) => (
								<td key={s.name}>{s.values[j] === null ? 'no data' : format(s.values[j]!)}</td>
							))}
						</tr>
					))}
				</tbody>
			</table>
		</figure>
	)
}

function seriesStyle(i: number) {
	const colour = COLOURS[i % COLOURS.length]
	return { stroke: colour, fill: i % 2 === 0 ? colour : '#fff', strokeWidth: 2 }
}

/** Runs of consecutive indexes whose value is not null: a gap in the data is a gap in the line. */
function segments(values: readonly (number | null)[]): number[][] {
	const runs: number[][] = []
	let run: number[] = []
	values.forEach((v, i) => {
		if (v === null) {
			if (run.length) runs.push(run)
			run = []
		} else run.push(i)
	})
	if (run.length) runs.push(run)
	return runs
}

/** A round top for the value axis: 1, 2 or 5 times a power of ten, at least the largest value. */
export function niceMax(values: readonly number[]): number {
	const largest = Math.max(1, ...values)
	const power = 10 ** Math.floor(Math.log10(largest))
	for (const step of [1, 2, 5, 10]) if (step * power >= largest) return step * power
	return 10 * power
}
