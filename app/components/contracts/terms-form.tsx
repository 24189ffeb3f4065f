import { zodResolver } from '@hookform/resolvers/zod'
import { Form } from '@remix-run/react'
import { useId, useMemo, type ReactNode } from 'react'
import { useWatch, type Resolver } from 'react-hook-form'
import { useRemixForm } from 'remix-hook-form'
import { ErrorList, FormError } from '#app/components/forms/error-list.tsx'
import { StatusButton } from '#app/components/ui/status-button.tsx'
import { readTermPricing } from '#app/schemas/contract-term-values.ts'
import { type TermFormValues, type TermPolicies } from '#app/schemas/contract-terms.ts'
import {
	buildCounterSchema,
	buildSaveDraftSchema,
	type ContractActionFailure,
	type TermsFormValues,
} from '#app/schemas/contract.ts'
import { PricePreview, type PreviewOption } from './price-preview.tsx'
import { type CategoryOption, type ClassOption } from './term-fields.tsx'
import { TermsEditor } from './terms-editor.tsx'

/**
 * A contract version's terms being written: the buyer's draft ("save-draft") or either side's counter
 * proposal ("counter", with a required note). The live price preview follows what is typed.
 */
export function TermsForm({
	intent,
	lockVersion,
	basedOnVersionId,
	initialTerms,
	initialNote = '',
	failure,
	classes,
	categories,
	currency,
	noteLabel,
	submitLabel,
	after,
}: {
	intent: 'save-draft' | 'counter'
	lockVersion: number
	basedOnVersionId?: string
	initialTerms: TermFormValues[]
	initialNote?: string
	/** The last failed submission on this page, if any; used only when it came from this form. */
	failure: ContractActionFailure | null | undefined
	classes: readonly ClassOption[]
	categories: readonly CategoryOption[]
	currency: string
	noteLabel: string
	submitLabel: string
	/** Rendered after the form (outside it), e.g. the separate "Send proposal" form. */
	after?: (state: { isDirty: boolean }) => ReactNode
}) {
	const id = useId()
	const policies = useMemo<TermPolicies>(
		() => Object.fromEntries(classes.map((c) => [c.id, c.policy])),
		[classes],
	)
	const resolver = useMemo(() => {
		const options = { categoryIds: new Set(categories.map((c) => c.id)) }
		// `raw`: the browser posts what was typed; the server converts it with the same schema.
		const resolve =
			intent === 'counter'
				? zodResolver(buildCounterSchema(policies, options), undefined, { raw: true })
				: zodResolver(buildSaveDraftSchema(policies, options), undefined, { raw: true })
		return resolve as unknown as Resolver<TermsFormValues>
	}, [intent, policies, categories])
	const ownFailure = failure?.intent === intent ? failure : null
	const defaultValues: TermsFormValues = {
		intent,
		expectedLockVersion: String(lockVersion),
		...(basedOnVersionId ? { basedOnVersionId } : {}),
		terms: initialTerms,
		note: initialNote,
		...(ownFailure?.defaultValues as Partial<TermsFormValues> | undefined),
	}
	const form = useRemixForm<TermsFormValues>({ resolver, defaultValues, stringifyAllValues: false })
	const { register, handleSubmit, formState, control } = form
	const values = (useWatch({ control, name: 'terms' }) ?? []) as TermFormValues[]
	const noteError = formState.errors.note?.message

	const previewOptions: PreviewOption[] = values.map((term) => {
		const cls = classes.find((c) => c.id === term?.orderClassId)
		const category = categories.find((c) => c.id === term?.categoryId)
		return {
			label: `${cls?.name ?? 'No class yet'} · ${category?.name ?? 'any category'}`,
			term: term ? readTermPricing(term, currency) : null,
			pricingClass: { name: cls?.name ?? 'This', minQuantity: cls?.policy.minQuantity ?? null },
		}
	})

	return (
		<div className="terms-form-layout">
			<Form
				method="post"
				className="stack"
				onSubmit={handleSubmit}
				noValidate
				aria-labelledby={`${id}-heading`}
			>
				<h3 id={`${id}-heading`} className="visually-hidden">
					{submitLabel}
				</h3>
				<FormError message={formState.errors.root?.message} />
				<input type="hidden" {...register('intent')} />
				<input type="hidden" {...register('expectedLockVersion')} />
				{basedOnVersionId ? <input type="hidden" {...register('basedOnVersionId')} /> : null}
				<TermsEditor
					form={form}
					values={values}
					classes={classes}
					categories={categories}
					currency={currency}
				/>
				<div className="field">
					<label htmlFor={`${id}-note`}>{noteLabel}</label>
					<textarea
						id={`${id}-note`}
						rows={3}
						aria-invalid={noteError ? true : undefined}
						aria-describedby={noteError ? `${id}-note-error` : undefined}
						{...register('note')}
					/>
					<ErrorList id={`${id}-note-error`} errors={noteError} className="field-error" />
				</div>
				<p>
					<StatusButton name="intent" value={intent}>
						{submitLabel}
					</StatusButton>
				</p>
			</Form>
			{after?.({ isDirty: formState.isDirty })}
			<PricePreview options={previewOptions} />
		</div>
	)
}
