import { zodResolver } from '@hookform/resolvers/zod'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useRemixForm } from 'remix-hook-form'
import { FormError } from '#app/components/forms/error-list.tsx'
import { Field } from '#app/components/forms/field.tsx'
import { StatusButton } from '#app/components/ui/status-button.tsx'
import { listOrderClassesWithPolicy } from '#app/models/order-class/current-policies.server.ts'
import { createOrderClass } from '#app/models/order-class/create-order-class.server.ts'
import {
	KEY_HINT,
	NewOrderClassSchema,
	POLICY_TEXT_FIELDS,
	policyFormValues,
	refillValues,
	toPolicyValues,
	type NewOrderClassInput,
} from '#app/schemas/order-class.ts'
import { requireUserWithRole } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { parseSubmission } from '#app/utils/form.server.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'
import { messageFor, TextareaField } from './__order-classes.form-controls.tsx'
import { formFailure } from './__order-classes.form.server.ts'
import { PolicyFields } from './__order-classes.policy-fields.tsx'

const TEXT_FIELDS = ['name', 'key', 'description', 'priorityRank', ...POLICY_TEXT_FIELDS]

// A balanced starting point: a day to acknowledge, five to deliver, one supplier at a time.
const STARTING_POLICY = policyFormValues({
	ackDeadlineMinutes: 1440,
	deliveryTargetHours: 120,
	minQuantity: null,
	approvalThresholdMinor: null,
	currency: 'EUR',
	justificationRequired: false,
	contractRequired: true,
	requires24x7: false,
	routingMode: 'cascade',
	broadcastCount: 1,
	weightPrice: 25,
	weightSpeed: 25,
	weightReliability: 25,
	weightCapacity: 25,
})

export async function loader({ request }: LoaderFunctionArgs) {
	await requireUserWithRole(request, 'buyer')
	const classes = await listOrderClassesWithPolicy(getDb(), { includeRetired: true })
	return { nextRank: Math.max(0, ...classes.map((c) => c.priorityRank)) + 1 }
}

export async function action({ request }: ActionFunctionArgs) {
	const actor = await requireUserWithRole(request, 'buyer')
	const submission = await parseSubmission(request, NewOrderClassSchema)
	const defaultValues = refillValues(submission.values, TEXT_FIELDS)
	if (!submission.success) return data({ errors: submission.errors, defaultValues }, { status: 400 })
	const { key, name, description, priorityRank } = submission.data
	try {
		const values = { key, name, description, priorityRank, policy: toPolicyValues(submission.data) }
		const created = await createOrderClass(getDb(), { actor, values })
		return redirectWithToast(`/buyer/order-classes/${created.id}`, {
			type: 'success',
			title: 'Order class created',
			description: `${created.name} (${created.key}) is ready with its first policy.`,
		})
	} catch (error) {
		return formFailure(error, defaultValues)
	}
}

export const meta: MetaFunction = () => [{ title: 'New order class · Buyer · Procura' }]

export default function NewOrderClassPage() {
	const { nextRank } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const { handleSubmit, register, formState } = useRemixForm<NewOrderClassInput>({
		resolver: zodResolver(NewOrderClassSchema, undefined, { raw: true }),
		stringifyAllValues: false,
	})
	const { errors } = formState
	// What the server sent back after an error, else the starting values (see PolicyFields on why not RHF defaults).
	const values: Record<string, string | boolean> = actionData?.defaultValues ?? {
		...STARTING_POLICY,
		priorityRank: String(nextRank),
	}
	const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : '')

	return (
		<div className="stack">
			<p>
				<Link to="/buyer/order-classes">← Order classes</Link>
			</p>
			<h1 id="new-class-heading">New order class</h1>
			<Form
				method="post"
				className="form card policy-form"
				onSubmit={handleSubmit}
				noValidate
				aria-labelledby="new-class-heading"
			>
				<FormError message={errors.root?.message} />
				<Field
					label="Name"
					errors={errors.name?.message}
					inputProps={{ ...register('name'), defaultValue: text('name'), autoComplete: 'off' }}
				/>
				<Field
					label="Key"
					hint={KEY_HINT}
					errors={errors.key?.message}
					inputProps={{ ...register('key'), defaultValue: text('key'), autoComplete: 'off' }}
				/>
				<TextareaField
					label="Description"
					errors={messageFor(errors, 'description')}
					textareaProps={{ ...register('description'), defaultValue: text('description') }}
				/>
				<Field
					label="Priority rank"
					hint="1 is the most urgent class."
					errors={errors.priorityRank?.message}
					inputProps={{
						...register('priorityRank'),
						defaultValue: text('priorityRank'),
						inputMode: 'numeric',
					}}
				/>
				<PolicyFields register={register} errors={errors} values={values} />
				<StatusButton>Create order class</StatusButton>
			</Form>
		</div>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '#app/components/error-boundary.tsx'
