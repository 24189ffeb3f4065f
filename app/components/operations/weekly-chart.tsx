// A weekly bar chart as inline SVG: every bar carries its value as text and is a link with an
// accessible name; weeks cut by the window are hatched and marked with an asterisk; a week without
// data shows "—". Readable without colour; the page also has the numbers as a table.

export type ChartBar = {
	key: string
	/** Short axis text, e.g. "W45". */
	axis: string
	/** Second axis line, e.g. "3 Nov". */
	axisDetail: string
	value: number | null
	/** The value as shown on the bar. */
	valueText: string
	/** The bar's accessible name: week, value and basis. */
	name: string
	href: string
	partial: boolean
}

const BAR = 34
const GAP = 18
const TOP = 22
const PLOT = 120
const BOTTOM = 38

export function WeeklyBarChart({
	id,
	title,
	bars,
}: {
	id: string
	title: string
	bars: readonly ChartBar[]
}) {
	const max = Math.max(0, ...bars.map((b) => b.value ?? 0))
	const width = bars.length * (BAR + GAP) + GAP
	const height = TOP + PLOT + BOTTOM
	const baseline = TOP + PLOT
	return (
		<figure className="weekly-chart" aria-labelledby={`${id}-caption`}>
			<figcaption id={`${id}-caption`}>{title}</figcaption>
			<svg
				viewBox={`0 0 ${width} ${height}`}
				width={width}
				height={height}
				role="group"
				aria-labelledby={`${id}-caption`}
			>
				<defs>
					<pattern
						id={`${id}-hatch`}
						width="6"
						height="6"
						patternUnits="userSpaceOnUse"
						patternTransform="rotate(45)"
					>
						<rect width="6" height="6" className="chart-bar-partial-bg" />
						<line x1="0" y1="0" x2="0" y2="6" className="chart-hatch" />
					</pattern>
				</defs>
				<line x1={0} x2={width} y1={baseline} y2={baseline} className="chart-axis" aria-hidden="true" />
				{bars.map((bar, i) => {
					const x = GAP + i * (BAR + GAP)
					const h = bar.value === null || max === 0 ? 0 : Math.max(2, (bar.value / max) * PLOT)
					const center = x + BAR / 2
					return (
						<a key={bar.key} href={bar.href} aria-label={bar.name} className="chart-bar-link">
							<title>{bar.name}</title>
							{bar.value === null ? (
								<line x1={x} x2={x + BAR} y1={baseline - 1} y2={baseline - 1} className="chart-empty" />
							) : (
								<rect
									x={x}
									y={baseline - h}
									width={BAR}
									height={h}
									className="chart-bar"
									fill={bar.partial ? `url(#${id}-hatch)` : undefined}
								/>
							)}
							{/* A transparent target so short bars are still easy to hit. */}
							<rect x={x - GAP / 2} y={TOP} width={BAR + GAP} height={PLOT} className="chart-hit" />
							<text
								x={center}
								y={baseline - h - 6}
								textAnchor="middle"
								className="chart-label"
								aria-hidden="true"
							>
								{bar.valueText}
							</text>
							<text
								x={center}
								y={baseline + 15}
								textAnchor="middle"
								className="chart-axis-text"
								aria-hidden="true"
							>
								{bar.axis}
								{bar.partial ? '*' : ''}
							</text>
							<text
								x={center}
								y={baseline + 30}
								textAnchor="middle"
								className="chart-axis-text"
								aria-hidden="true"
							>
								{bar.axisDetail}
							</text>
						</a>
					)
				})}
			</svg>
		</figure>
	)
}
