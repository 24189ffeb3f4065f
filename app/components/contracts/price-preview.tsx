import { useId, useState } from 'react'
import { priceFor, type PricedTerm, type PricingClass } from '#app/domain/pricing/price-for.ts'
import { parseWholeNumber } from '#app/schemas/contract-terms.ts'

export type PreviewOption = {
	label: string
	/** Null while the term's price cannot be read (e.g. a tier price still being typed). */
	term: PricedTerm | null
	pricingClass: PricingClass
}

/**
 * Prices a quantity under one of the terms with the same engine orders use (priceFor), in the browser:
 * it follows what is typed in the editor at once, and shows the engine's refusals as they are.
 */
export function PricePreview({
	options,
	heading = 'Price preview',
	defaultQuantity = '100',
}: {
	options: readonly PreviewOption[]
	heading?: string
	defaultQuantity?: string
}) {
	const id = useId()
	const [selected, setSelected] = useState(0)
	const [quantityText, setQuantityText] = useState(defaultQuantity)
	if (options.length === 0) return null
	const index = Math.min(selected, options.length - 1)
	const option = options[index]!
	const quantity = parseWholeNumber(quantityText)
	const quote = option.term && quantity !== null ? priceFor(option.term, quantity, option.pricingClass) : null

	return (
		<section className="card price-preview" aria-labelledby={`${id}-heading`}>
			<h3 id={`${id}-heading`}>{heading}</h3>
			<div className="toolbar">
				<div className="field">
					<label htmlFor={`${id}-term`}>Term to price</label>
					<select id={`${id}-term`} value={index} onChange={(e) => setSelected(Number(e.target.value))}>
						{options.map((o, i) => (
							<option key={`${i}-${o.label}`} value={i}>
								{i + 1}. {o.label}
							</option>
						))}
					</select>
				</div>
				<div className="field">
					<label htmlFor={`${id}-quantity`}>Quantity</label>
					<input
						id={`${id}-quantity`}
						inputMode="numeric"
						autoComplete="off"
						value={quantityText}
						onChange={(e) => setQuantityText(e.target.value)}
					/>
				</div>
			</div>
			<output htmlFor={`${id}-term ${id}-quantity`} aria-live="polite" className="preview-result">
				{!option.term ? (
					<p className="muted">Enter this term's price to see a preview.</p>
				) : quantity === null ? (
					<p className="field-error">Enter the quantity as a whole number, like 1200.</p>
				) : quote && !quote.ok ? (
					<p className="field-error">{quote.message}</p>
				) : quote?.ok ? (
					<ul className="explanation">
						{quote.explanation.map((line, i) => (
							<li key={`${i}-${line}`} className={i === quote.explanation.length - 1 ? 'total' : undefined}>
								{line}
							</li>
						))}
					</ul>
				) : null}
			</output>
		</section>
	)
}
