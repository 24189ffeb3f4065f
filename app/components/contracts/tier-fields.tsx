import { useFieldArray, type Control, type FieldErrors } from 'react-hook-form'
import { Field } from '#app/components/forms/field.tsx'
import { type TermsFormValues } from '#app/schemas/contract.ts'
import { type TermsRegister } from './terms-editor.tsx'
import { useHydrated } from './use-hydrated.ts'

/**
 * The price tiers of one term, a field array nested in the terms field array. Each input is labelled
 * with its tier number ("Tier 2 from quantity"), so a screen reader never hears two identical labels.
 */
export function TierFields({
	termIndex,
	termNumber,
	control,
	register,
	errors,
	currency,
	firstThreshold,
	lastThreshold,
}: {
	termIndex: number
	termNumber: number
	control: Control<TermsFormValues>
	register: TermsRegister
	errors: FieldErrors<TermsFormValues>
	currency: string
	firstThreshold: number
	/** The last tier's threshold as typed now, to suggest the next one. */
	lastThreshold: string | undefined
}) {
	const { fields, append, remove } = useFieldArray({ control, name: `terms.${termIndex}.priceTiers` })
	const tierErrors = errors.terms?.[termIndex]?.priceTiers
	const hydrated = useHydrated()
	const nextThreshold = (last: string | undefined) => {
		const n = Number(last?.replace(/[\s,]/g, ''))
		return Number.isSafeInteger(n) && n > 0 ? String(n * 2) : String(firstThreshold)
	}

	return (
		<div className="tiers">
			{fields.length === 0 ? <p className="hint">No tiers yet.</p> : null}
			<ol className="tier-rows">
				{fields.map((field, j) => (
					<li key={field.id} className="tier-row">
						<Field
							label={`Tier ${j + 1} from quantity`}
							errors={tierErrors?.[j]?.minQuantity?.message}
							inputProps={{
								...register(`terms.${termIndex}.priceTiers.${j}.minQuantity`),
								inputMode: 'numeric',
								autoComplete: 'off',
							}}
						/>
						<Field
							label={`Tier ${j + 1} unit price (${currency})`}
							errors={tierErrors?.[j]?.unitPriceMinor?.message}
							inputProps={{
								...register(`terms.${termIndex}.priceTiers.${j}.unitPriceMinor`),
								inputMode: 'decimal',
								autoComplete: 'off',
							}}
						/>
						<button
							type="button"
							className="secondary"
							onClick={() => remove(j)}
							disabled={!hydrated}
							aria-label={`Remove tier ${j + 1} of term ${termNumber}`}
						>
							Remove tier
						</button>
					</li>
				))}
			</ol>
			<button
				type="button"
				className="secondary"
				disabled={!hydrated}
				onClick={() =>
					append(
						{ minQuantity: nextThreshold(lastThreshold), unitPriceMinor: '' },
						{ focusName: `terms.${termIndex}.priceTiers.${fields.length}.minQuantity` },
					)
				}
				aria-label={`Add a tier to term ${termNumber}`}
			>
				Add a tier
			</button>
		</div>
	)
}
