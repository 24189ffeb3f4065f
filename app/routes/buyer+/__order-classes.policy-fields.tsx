// The policy inputs, shared by "New order class" and the class page's "Change the policy" form.
import { useEffect, useState, type ChangeEvent } from 'react'
import { type UseFormRegisterReturn } from 'react-hook-form'
import { ErrorList } from '#app/components/forms/error-list.tsx'
import { Field, SelectField } from '#app/components/forms/field.tsx'
import { SUPPORTED_CURRENCIES } from '#app/domain/order-classes/format.ts'
import { type POLICY_CHECKBOX_FIELDS, type POLICY_TEXT_FIELDS } from '#app/schemas/order-class.ts'
import { CheckboxField, messageFor } from './__order-classes.form-controls.tsx'

type PolicyFieldName = (typeof POLICY_TEXT_FIELDS)[number] | (typeof POLICY_CHECKBOX_FIELDS)[number]

type Register = (
	name: PolicyFieldName,
	options?: { onChange?: (event: ChangeEvent<HTMLSelectElement>) => void },
) => UseFormRegisterReturn<string>

/** Starting values: text as strings, checkboxes as booleans. */
export type PolicyInputValues = Partial<Record<string, string | boolean>>

const ROUTING_OPTIONS = [
	{ value: 'cascade', label: 'Cascade: one supplier at a time' },
	{ value: 'broadcast', label: 'Broadcast: several suppliers at once' },
]

/**
 * The inputs show `values` through defaultValue/defaultChecked: react-hook-form is
 * given no defaults of its own, so on hydration it reads what is on the page (and
 * anything typed before), instead of overwriting it.
 */
export function PolicyFields({
	register,
	errors,
	values,
}: {
	register: Register
	errors: unknown
	values: PolicyInputValues
}) {
	const text = (name: PolicyFieldName) => (typeof values[name] === 'string' ? (values[name] as string) : '')
	const input = (
		name: PolicyFieldName,
		extra: { inputMode?: 'numeric' | 'decimal' } = { inputMode: 'numeric' },
	) => ({
		...register(name),
		defaultValue: text(name),
		autoComplete: 'off',
		...extra,
	})
	const checkbox = (name: PolicyFieldName) => ({ ...register(name), defaultChecked: values[name] === true })

	const [routingMode, setRoutingMode] = useState(text('routingMode'))
	// Without JavaScript the mode cannot toggle the count, so it is shown until hydration.
	const [hydrated, setHydrated] = useState(false)
	useEffect(() => setHydrated(true), [])
	const weightsError = messageFor(errors, 'weights')

	return (
		<>
			<fieldset className="policy-group">
				<legend>Offers and delivery</legend>
				<Field
					label="Acknowledgement deadline (minutes)"
					hint="How long a supplier has to accept an offer, e.g. 30 or 1440 (24 hours)."
					errors={messageFor(errors, 'ackDeadlineMinutes')}
					inputProps={input('ackDeadlineMinutes')}
				/>
				<Field
					label="Delivery target (hours)"
					hint="How long fulfilment should take once accepted, e.g. 8 or 120 (5 days)."
					errors={messageFor(errors, 'deliveryTargetHours')}
					inputProps={input('deliveryTargetHours')}
				/>
				<SelectField
					label="Routing"
					errors={messageFor(errors, 'routingMode')}
					options={ROUTING_OPTIONS}
					selectProps={{
						...register('routingMode', { onChange: (event) => setRoutingMode(event.target.value) }),
						defaultValue: text('routingMode'),
					}}
				/>
				{!hydrated || routingMode === 'broadcast' ? (
					<Field
						label="Suppliers offered at once"
						hint="Broadcast only: the first of them to accept wins (2 to 10). Cascade always offers to one."
						errors={messageFor(errors, 'broadcastCount')}
						inputProps={input('broadcastCount')}
					/>
				) : null}
			</fieldset>

			<fieldset className="policy-group">
				<legend>Orders of this class</legend>
				<Field
					label="Minimum quantity"
					hint="Orders below this quantity do not qualify. Leave empty for no minimum."
					errors={messageFor(errors, 'minQuantity')}
					inputProps={input('minQuantity')}
				/>
				<div className="field-pair">
					<Field
						label="Approval threshold"
						hint="Orders worth more than this need a buyer's review. Leave empty for none."
						errors={messageFor(errors, 'approvalThreshold')}
						inputProps={input('approvalThreshold', { inputMode: 'decimal' })}
					/>
					<SelectField
						label="Currency"
						errors={messageFor(errors, 'currency')}
						options={SUPPORTED_CURRENCIES.map((c) => ({ value: c, label: c }))}
						selectProps={{ ...register('currency'), defaultValue: text('currency') || 'EUR' }}
					/>
				</div>
				<CheckboxField
					label="Justification required"
					hint="The person placing the order must say why."
					errors={messageFor(errors, 'justificationRequired')}
					inputProps={checkbox('justificationRequired')}
				/>
				<CheckboxField
					label="Standing contract required"
					hint="Off: orders may go to capable suppliers without a contract (one-off needs)."
					errors={messageFor(errors, 'contractRequired')}
					inputProps={checkbox('contractRequired')}
				/>
				<CheckboxField
					label="24x7 suppliers only"
					errors={messageFor(errors, 'requires24x7')}
					inputProps={checkbox('requires24x7')}
				/>
			</fieldset>

			<fieldset
				className="policy-group"
				aria-describedby={weightsError ? 'policy-weights-error' : 'policy-weights-hint'}
			>
				<legend>Ranking weights</legend>
				<p id="policy-weights-hint" className="hint">
					How much each aspect counts when suppliers are ranked: whole numbers adding up to 100.
				</p>
				<div className="weights-grid">
					<Field label="Price" errors={messageFor(errors, 'weightPrice')} inputProps={input('weightPrice')} />
					<Field label="Speed" errors={messageFor(errors, 'weightSpeed')} inputProps={input('weightSpeed')} />
					<Field
						label="Reliability"
						errors={messageFor(errors, 'weightReliability')}
						inputProps={input('weightReliability')}
					/>
					<Field
						label="Capacity"
						errors={messageFor(errors, 'weightCapacity')}
						inputProps={input('weightCapacity')}
					/>
				</div>
				<ErrorList id="policy-weights-error" errors={weightsError} className="field-error" />
			</fieldset>
		</>
	)
}
