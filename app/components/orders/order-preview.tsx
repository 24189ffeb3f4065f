import { formatMoney } from '#app/domain/pricing/money.ts'

export type OrderPreviewData = {
	estimate: { minMinor: number; maxMinor: number; currency: string } | null
	capableSupplierCount: number
	shortestLeadTimeHours: number | null
	warnings: string[]
	issues: { field: string; message: string }[]
}

/**
 * The intake form's early warnings while the buyer types: the expected price range from the capable
 * suppliers' contract terms, how many could take the order now, and what placing it would report.
 */
export function OrderPreviewPanel({
	preview,
	ready,
	loading,
}: {
	preview: OrderPreviewData | null
	ready: boolean
	loading: boolean
}) {
	const estimate = preview?.estimate
	return (
		<section className="card order-preview" aria-labelledby="preview-heading">
			<h2 id="preview-heading">Before you place it</h2>
			<output aria-live="polite" className="preview-result" aria-busy={loading || undefined}>
				{!ready ? (
					<p className="muted">
						Choose a class, a category and a region to see the expected price and who can serve it.
					</p>
				) : !preview ? (
					<p className="muted">{loading ? 'Checking…' : 'No preview yet.'}</p>
				) : (
					<>
						<p>
							<strong>Expected price: </strong>
							{estimate
								? estimate.minMinor === estimate.maxMinor
									? formatMoney(estimate.minMinor, estimate.currency)
									: `${formatMoney(estimate.minMinor, estimate.currency)} – ${formatMoney(estimate.maxMinor, estimate.currency)}`
								: 'no contract price for this order'}
						</p>
						<p>
							<strong>Suppliers who can take it now: </strong>
							{preview.capableSupplierCount}
							{preview.shortestLeadTimeHours !== null
								? ` (fastest lead time ${preview.shortestLeadTimeHours} h)`
								: ''}
						</p>
						{preview.warnings.length + preview.issues.length > 0 ? (
							<ul className="preview-warnings">
								{preview.warnings.map((w) => (
									<li key={`w-${w}`}>
										<span className="badge warn">Warning</span> {w}
									</li>
								))}
								{preview.issues.map((i) => (
									<li key={`i-${i.field}-${i.message}`}>
										<span className="badge bad">Problem</span> {i.message}
									</li>
								))}
							</ul>
						) : null}
					</>
				)}
			</output>
		</section>
	)
}
