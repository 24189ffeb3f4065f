import { useId, type ComponentProps, type ReactNode } from 'react'
import { Controller, type Control, type FieldErrors, type UseFormRegisterReturn } from 'react-hook-form'
import { ErrorList } from '#app/components/forms/error-list.tsx'
import { Field, SelectField } from '#app/components/forms/field.tsx'
import { formatCount } from '#app/domain/capabilities/capability-rules.ts'
import { type CapabilityRowForm, type CapabilitySetForm } from '#app/schemas/capability.ts'

export type ClassOption = {
	id: string
	name: string
	retired: boolean
	deliveryTargetHours: number
	minQuantity: number | null
	requires24x7: boolean
}
export type CategoryOption = { id: string; name: string; retired: boolean }

type RowErrors = Partial<Record<keyof CapabilityRowForm, { message?: string }>>

/** One capability of the field array: a fieldset named after its (category, class). */
export function CapabilityRow({
	index,
	field,
	register,
	control,
	errors,
	classes,
	categories,
	supplierRegions,
	orderClassId,
	onRemove,
}: {
	index: number
	/** The row as the field array created it: the inputs' initial values (also in the server-rendered page). */
	field: CapabilityRowForm
	/** react-hook-form's register for this form's row fields. */
	register: (name: `rows.${number}.${keyof CapabilityRowForm}`) => UseFormRegisterReturn
	control: Control<CapabilitySetForm>
	errors: FieldErrors<CapabilitySetForm>
	classes: readonly ClassOption[]
	categories: readonly CategoryOption[]
	supplierRegions: readonly string[]
	/** The class chosen right now, for the hints. */
	orderClassId: string
	/** Undefined until JavaScript runs: the button is then disabled. */
	onRemove: (() => void) | undefined
}) {
	const name = <K extends keyof CapabilityRowForm>(key: K) => `rows.${index}.${key}` as const
	const reg = (key: keyof CapabilityRowForm) => register(name(key))
	const rowErrors = (errors.rows?.[index] ?? {}) as RowErrors
	const message = (key: keyof CapabilityRowForm) => rowErrors[key]?.message
	const isSaved = field.capabilityId !== ''
	const category = categories.find((c) => c.id === field.categoryId)
	const savedClass = classes.find((c) => c.id === field.orderClassId)
	const cls = classes.find((c) => c.id === orderClassId)
	const legend = isSaved
		? `${category?.name ?? 'Category'} × ${savedClass?.name ?? 'class'}`
		: `New capability (row ${index + 1})`

	return (
		<fieldset className="capability-row card">
			<legend>
				{legend}
				{field.paused ? <span className="badge warn">Paused</span> : null}
			</legend>
			<input type="hidden" {...reg('capabilityId')} defaultValue={field.capabilityId} />
			{isSaved ? (
				<>
					<input type="hidden" {...reg('categoryId')} defaultValue={field.categoryId} />
					<input type="hidden" {...reg('orderClassId')} defaultValue={field.orderClassId} />
					<ErrorList errors={message('categoryId') ?? message('orderClassId')} className="field-error" />
				</>
			) : (
				<div className="capability-pair">
					<SelectField
						label="Category"
						errors={message('categoryId')}
						placeholder="Choose a category"
						options={categories.filter((c) => !c.retired).map((c) => ({ value: c.id, label: c.name }))}
						selectProps={{ ...reg('categoryId'), defaultValue: field.categoryId }}
					/>
					<SelectField
						label="Order class"
						errors={message('orderClassId')}
						placeholder="Choose a class"
						options={classes.filter((c) => !c.retired).map((c) => ({ value: c.id, label: c.name }))}
						selectProps={{ ...reg('orderClassId'), defaultValue: field.orderClassId }}
					/>
				</div>
			)}
			<div className="capability-terms">
				<Field
					label="Weekly capacity"
					hint={cls?.minQuantity ? `${cls.name}: at least ${formatCount(cls.minQuantity)} units.` : undefined}
					errors={message('weeklyCapacity')}
					inputProps={{
						...reg('weeklyCapacity'),
						defaultValue: field.weeklyCapacity,
						inputMode: 'numeric',
						autoComplete: 'off',
					}}
				/>
				<SelectField
					label="Unit"
					errors={message('capacityUnit')}
					options={[
						{ value: 'units', label: 'units per week' },
						{ value: 'orders', label: 'orders per week' },
					]}
					selectProps={{ ...reg('capacityUnit'), defaultValue: field.capacityUnit }}
				/>
				<Field
					label="Lead time (hours)"
					hint={cls ? `${cls.name} delivery target: ${formatCount(cls.deliveryTargetHours)} h.` : undefined}
					errors={message('leadTimeHours')}
					inputProps={{
						...reg('leadTimeHours'),
						defaultValue: field.leadTimeHours,
						inputMode: 'numeric',
						autoComplete: 'off',
					}}
				/>
			</div>
			<Controller
				control={control}
				name={name('regions')}
				render={({ field: regions }) => (
					<RegionChoices
						name={regions.name}
						value={regions.value}
						onChange={regions.onChange}
						options={supplierRegions}
						error={message('regions')}
					/>
				)}
			/>
			<div className="capability-flags">
				<Checkbox
					label={cls?.requires24x7 ? `Available 24x7 (required for ${cls.name})` : 'Available 24x7'}
					error={message('available24x7')}
					input={{ ...reg('available24x7'), defaultChecked: field.available24x7 }}
				/>
				<Checkbox
					label="Paused: take no new orders for now"
					error={message('paused')}
					input={{ ...reg('paused'), defaultChecked: field.paused }}
				/>
			</div>
			<NoteField error={message('exceptionNote')}>
				{(props) => (
					<textarea {...reg('exceptionNote')} defaultValue={field.exceptionNote} rows={2} {...props} />
				)}
			</NoteField>
			<button type="button" className="secondary" onClick={onRemove} disabled={!onRemove}>
				Remove {isSaved ? legend : 'this row'}
			</button>
		</fieldset>
	)
}

function RegionChoices({
	name,
	value,
	onChange,
	options,
	error,
}: {
	name: string
	value: string[] | undefined
	onChange: (next: string[]) => void
	options: readonly string[]
	error?: string
}) {
	const errorId = useId()
	const chosen = value ?? []
	return (
		<fieldset className="checkbox-group" aria-describedby={error ? errorId : undefined}>
			<legend>Regions served</legend>
			{options.map((region) => (
				<label key={region}>
					<input
						type="checkbox"
						name={name}
						value={region}
						checked={chosen.includes(region)}
						aria-invalid={error ? true : undefined}
						onChange={(e) =>
							onChange(e.target.checked ? [...chosen, region] : chosen.filter((r) => r !== region))
						}
					/>{' '}
					{region}
				</label>
			))}
			<ErrorList id={errorId} errors={error} className="field-error" />
		</fieldset>
	)
}

function Checkbox({
	label,
	error,
	input,
}: {
	label: string
	error?: string
	input: ComponentProps<'input'>
}) {
	const errorId = useId()
	return (
		<div className="checkbox">
			<label>
				<input
					type="checkbox"
					{...input}
					aria-invalid={error ? true : undefined}
					aria-describedby={error ? errorId : undefined}
				/>{' '}
				{label}
			</label>
			<ErrorList id={errorId} errors={error} className="field-error" />
		</div>
	)
}

function NoteField({
	error,
	children,
}: {
	error?: string
	children: (props: { id: string; 'aria-invalid'?: boolean; 'aria-describedby': string }) => ReactNode
}) {
	const id = useId()
	return (
		<div className="field">
			<label htmlFor={id}>Exception note</label>
			<p id={`${id}-hint`} className="hint">
				Only needed when the lead time is beyond the class&apos;s delivery target: say why (10 to 500
				characters).
			</p>
			{children({
				id,
				'aria-invalid': error ? true : undefined,
				'aria-describedby': error ? `${id}-hint ${id}-error` : `${id}-hint`,
			})}
			<ErrorList id={`${id}-error`} errors={error} className="field-error" />
		</div>
	)
}
