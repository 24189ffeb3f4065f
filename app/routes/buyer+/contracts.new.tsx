import { zodResolver } from '@hookform/resolvers/zod'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { type Resolver } from 'react-hook-form'
import { useRemixForm } from 'remix-hook-form'
import { FormError } from '#app/components/forms/error-list.tsx'
import { Field, SelectField } from '#app/components/forms/field.tsx'
import { StatusButton } from '#app/components/ui/status-button.tsx'
import { createContractDraft } from '#app/models/contract/contracts.server.ts'
import { listContractSupplierOptions } from '#app/models/contract/term-options.server.ts'
import { ContractHeaderSchema, type ContractHeader } from '#app/schemas/contract.ts'
import { isAppError, statusForAppError } from '#app/utils/app-error.ts'
import { requireUserWithRole } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { parseSubmission, pickValues } from '#app/utils/form.server.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	await requireUserWithRole(request, 'buyer')
	return { suppliers: await listContractSupplierOptions(getDb()) }
}

export async function action({ request }: ActionFunctionArgs) {
	const actor = await requireUserWithRole(request, 'buyer')
	const submission = await parseSubmission(request, ContractHeaderSchema)
	const defaultValues = pickValues(submission.values, [
		'supplierId',
		'title',
		'currency',
		'startsOn',
		'endsOn',
	])
	if (!submission.success) return data({ errors: submission.errors, defaultValues }, { status: 400 })
	try {
		const { contractId } = await createContractDraft(getDb(), { actor, ...submission.data })
		return redirectWithToast(`/buyer/contracts/${contractId}`, {
			type: 'success',
			title: 'Draft created',
			description: 'Add the terms for each class, then send the proposal to the supplier.',
		})
	} catch (error) {
		if (!isAppError(error) || error.code === 'FORBIDDEN') throw error
		const errors = { [error.field ?? 'root']: { type: 'server', message: error.message } }
		return data({ errors, defaultValues }, { status: statusForAppError(error.code) })
	}
}

export const meta: MetaFunction = () => [{ title: 'New contract · Buyer · Procura' }]

export default function NewContract() {
	const { suppliers } = useLoaderData<typeof loader>()
	const { handleSubmit, register, formState } = useRemixForm<ContractHeader>({
		// The form holds what is typed; the schema's output (trimmed, upper-cased) is the server's business.
		resolver: zodResolver(ContractHeaderSchema, undefined, { raw: true }) as Resolver<ContractHeader>,
		defaultValues: { supplierId: '', title: '', currency: 'EUR', startsOn: '', endsOn: '' },
		stringifyAllValues: false,
	})
	const { errors } = formState
	return (
		<div className="stack">
			<p>
				<Link to="/buyer/contracts">← Contracts</Link>
			</p>
			<h1 id="new-contract-heading">New contract</h1>
			<p className="muted">
				Start with who and when. The terms for each class come next, on the contract's page; nothing reaches
				the supplier until you send the proposal.
			</p>
			<Form
				method="post"
				className="form card"
				onSubmit={handleSubmit}
				noValidate
				aria-labelledby="new-contract-heading"
			>
				<FormError message={errors.root?.message} />
				<SelectField
					label="Supplier"
					errors={errors.supplierId?.message}
					placeholder="Choose a supplier"
					options={suppliers.map((s) => ({ value: s.id, label: s.name }))}
					selectProps={register('supplierId')}
				/>
				<Field
					label="Title"
					errors={errors.title?.message}
					inputProps={{ ...register('title'), autoComplete: 'off' }}
				/>
				<Field
					label="Currency"
					hint="Three-letter code; every price in the contract is in this currency."
					errors={errors.currency?.message}
					inputProps={{ ...register('currency'), autoComplete: 'off', maxLength: 3 }}
				/>
				<Field
					label="Starts on"
					errors={errors.startsOn?.message}
					inputProps={{ ...register('startsOn'), type: 'date' }}
				/>
				<Field
					label="Ends on"
					errors={errors.endsOn?.message}
					inputProps={{ ...register('endsOn'), type: 'date' }}
				/>
				<StatusButton>Create draft</StatusButton>
			</Form>
		</div>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '#app/components/error-boundary.tsx'
