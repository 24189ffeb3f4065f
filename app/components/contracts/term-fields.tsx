import { useId } from 'react'
import { type Control, type FieldErrors, type UseFormSetValue } from 'react-hook-form'
import { ErrorList } from '#app/components/forms/error-list.tsx'
import { Field, SelectField } from '#app/components/forms/field.tsx'
import { type TermPolicy } from '#app/domain/contracts/contract-terms.ts'
import { formatCount } from '#app/domain/order-classes/format.ts'
import { type TermFormValues } from '#app/schemas/contract-terms.ts'
import { type TermsFormValues } from '#app/schemas/contract.ts'
import { type TermsRegister } from './terms-editor.tsx'
import { TierFields } from './tier-fields.tsx'

export type ClassOption = { id: string; name: string; policy: TermPolicy }
export type CategoryOption = { id: string; name: string }

/** One term of the editor: class and category, price (flat or tiers), SLAs, percentages, guarantees. */
export function TermFields({
	index,
	value,
	control,
	register,
	setValue,
	errors,
	classes,
	categories,
	currency,
	onRemove,
}: {
	index: number
	value: TermFormValues | undefined
	control: Control<TermsFormValues>
	register: TermsRegister
	setValue: UseFormSetValue<TermsFormValues>
	errors: FieldErrors<TermsFormValues>
	classes: readonly ClassOption[]
	categories: readonly CategoryOption[]
	currency: string
	/** Undefined until JavaScript runs: the button is disabled until then. */
	onRemove: (() => void) | undefined
}) {
	const id = useId()
	const number = index + 1
	const e = errors.terms?.[index]
	const policy = classes.find((c) => c.id === value?.orderClassId)?.policy
	const name = <K extends keyof TermFormValues>(key: K) => `terms.${index}.${key}` as const
	const classField = register(name('orderClassId'))
	const priceModeError = e?.priceMode?.message
	const checkboxErrorId = e?.guaranteed24x7?.message ? `${id}-24x7-error` : undefined

	// A newly chosen class starts from its policy: its SLAs, and tiers from the bulk minimum.
	function onClassChange(orderClassId: string) {
		const next = classes.find((c) => c.id === orderClassId)?.policy
		if (!next || !value) return
		const options = { shouldDirty: true }
		if (value.ackSlaMinutes === '') setValue(name('ackSlaMinutes'), String(next.ackDeadlineMinutes), options)
		if (value.deliverySlaHours === '')
			setValue(name('deliverySlaHours'), String(next.deliveryTargetHours), options)
		if (next.requires24x7) setValue(name('guaranteed24x7'), true, options)
		if (next.minQuantity !== null && value.priceMode === 'flat' && value.unitPriceMinor === '') {
			setValue(name('priceMode'), 'tiers', options)
			if (value.priceTiers.length === 0) {
				setValue(name('priceTiers'), [{ minQuantity: String(next.minQuantity), unitPriceMinor: '' }], options)
			}
		}
	}

	return (
		<fieldset className="term card" aria-labelledby={`${id}-legend`}>
			<legend id={`${id}-legend`}>Term {number}</legend>
			<div className="term-grid">
				<SelectField
					label="Order class"
					errors={e?.orderClassId?.message}
					placeholder="Choose a class"
					options={classes.map((c) => ({ value: c.id, label: c.name }))}
					selectProps={{
						...classField,
						onChange: async (event) => {
							await classField.onChange(event)
							onClassChange(event.target.value)
						},
					}}
				/>
				<SelectField
					label="Category"
					errors={e?.categoryId?.message}
					placeholder="Any category"
					options={categories.map((c) => ({ value: c.id, label: c.name }))}
					selectProps={register(name('categoryId'))}
				/>
			</div>

			<fieldset className="price-mode" aria-describedby={priceModeError ? `${id}-mode-error` : undefined}>
				<legend>Price</legend>
				{(['flat', 'tiers'] as const).map((mode) => (
					<label key={mode} className="choice">
						<input
							type="radio"
							value={mode}
							defaultChecked={(value?.priceMode ?? 'flat') === mode}
							{...register(name('priceMode'), { disableProgressiveEnhancement: true })}
						/>{' '}
						{mode === 'flat'
							? 'Flat unit price'
							: 'Price tiers (from a quantity on, each further unit costs)'}
					</label>
				))}
				<ErrorList id={`${id}-mode-error`} errors={priceModeError} className="field-error" />
			</fieldset>
			{value?.priceMode === 'tiers' ? (
				<TierFields
					termIndex={index}
					termNumber={number}
					control={control}
					register={register}
					errors={errors}
					currency={currency}
					firstThreshold={policy?.minQuantity ?? 1}
					lastThreshold={value.priceTiers.at(-1)?.minQuantity}
				/>
			) : (
				<Field
					label={`Unit price (${currency})`}
					errors={e?.unitPriceMinor?.message}
					inputProps={{ ...register(name('unitPriceMinor')), inputMode: 'decimal', autoComplete: 'off' }}
				/>
			)}

			<div className="term-grid">
				<Field
					label="Acknowledgement SLA (minutes)"
					hint={
						policy
							? `The ${policy.className} policy allows at most ${formatCount(policy.ackDeadlineMinutes)}.`
							: undefined
					}
					errors={e?.ackSlaMinutes?.message}
					inputProps={{ ...register(name('ackSlaMinutes')), inputMode: 'numeric', autoComplete: 'off' }}
				/>
				<Field
					label="Delivery SLA (hours)"
					hint={
						policy
							? `The ${policy.className} policy allows at most ${formatCount(policy.deliveryTargetHours)}.`
							: undefined
					}
					errors={e?.deliverySlaHours?.message}
					inputProps={{ ...register(name('deliverySlaHours')), inputMode: 'numeric', autoComplete: 'off' }}
				/>
				<Field
					label="Priority surcharge (%)"
					hint="For urgent and emergency work; empty means none."
					errors={e?.prioritySurchargeBps?.message}
					inputProps={{
						...register(name('prioritySurchargeBps')),
						inputMode: 'decimal',
						autoComplete: 'off',
					}}
				/>
				<Field
					label="Penalty per SLA breach (% of order value)"
					errors={e?.penaltyPerBreachBps?.message}
					inputProps={{ ...register(name('penaltyPerBreachBps')), inputMode: 'decimal', autoComplete: 'off' }}
				/>
				<Field
					label="Volume commitment (units per month)"
					hint="Optional."
					errors={e?.volumeCommitmentPerMonth?.message}
					inputProps={{
						...register(name('volumeCommitmentPerMonth')),
						inputMode: 'numeric',
						autoComplete: 'off',
					}}
				/>
				<div className="field checkbox-field">
					<label>
						<input
							type="checkbox"
							aria-invalid={checkboxErrorId ? true : undefined}
							aria-describedby={checkboxErrorId}
							{...register(name('guaranteed24x7'))}
						/>{' '}
						Guaranteed 24x7 response
					</label>
					<ErrorList id={checkboxErrorId} errors={e?.guaranteed24x7?.message} className="field-error" />
				</div>
			</div>
			<button
				type="button"
				className="secondary"
				onClick={onRemove}
				disabled={!onRemove}
				aria-label={`Remove term ${number}`}
			>
				Remove this term
			</button>
		</fieldset>
	)
}
