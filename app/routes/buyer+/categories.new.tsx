import { zodResolver } from '@hookform/resolvers/zod'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData } from '@remix-run/react'
import { useRemixForm } from 'remix-hook-form'
import { FormError } from '#app/components/forms/error-list.tsx'
import { Field } from '#app/components/forms/field.tsx'
import { StatusButton } from '#app/components/ui/status-button.tsx'
import { createCategory } from '#app/models/category.server.ts'
import { NewCategorySchema, type NewCategoryInput } from '#app/schemas/category.ts'
import { KEY_HINT } from '#app/schemas/order-class.ts'
import { requireUserWithRole } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { parseSubmission, pickValues } from '#app/utils/form.server.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'
import { messageFor, TextareaField } from './__order-classes.form-controls.tsx'
import { formFailure } from './__order-classes.form.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	await requireUserWithRole(request, 'buyer')
	return null
}

export async function action({ request }: ActionFunctionArgs) {
	const actor = await requireUserWithRole(request, 'buyer')
	const submission = await parseSubmission(request, NewCategorySchema)
	const defaultValues = pickValues(submission.values, ['name', 'key', 'description'])
	if (!submission.success) return data({ errors: submission.errors, defaultValues }, { status: 400 })
	try {
		const created = await createCategory(getDb(), { actor, values: submission.data })
		return redirectWithToast('/buyer/categories', {
			type: 'success',
			title: 'Category created',
			description: `${created.name} (${created.key}) can now be declared by suppliers and ordered.`,
		})
	} catch (error) {
		return formFailure(error, defaultValues)
	}
}

export const meta: MetaFunction = () => [{ title: 'New category · Buyer · Procura' }]

export default function NewCategoryPage() {
	const actionData = useActionData<typeof action>()
	const { handleSubmit, register, formState } = useRemixForm<NewCategoryInput>({
		resolver: zodResolver(NewCategorySchema, undefined, { raw: true }),
		stringifyAllValues: false,
	})
	const { errors } = formState
	const typed = (name: 'name' | 'key' | 'description') => actionData?.defaultValues[name] ?? ''
	return (
		<div className="stack">
			<p>
				<Link to="/buyer/categories">← Categories</Link>
			</p>
			<h1 id="new-category-heading">New category</h1>
			<Form
				method="post"
				className="form card"
				onSubmit={handleSubmit}
				noValidate
				aria-labelledby="new-category-heading"
			>
				<FormError message={errors.root?.message} />
				<Field
					label="Name"
					errors={errors.name?.message}
					inputProps={{ ...register('name'), defaultValue: typed('name'), autoComplete: 'off' }}
				/>
				<Field
					label="Key"
					hint={KEY_HINT}
					errors={errors.key?.message}
					inputProps={{ ...register('key'), defaultValue: typed('key'), autoComplete: 'off' }}
				/>
				<TextareaField
					label="Description"
					errors={messageFor(errors, 'description')}
					textareaProps={{ ...register('description'), defaultValue: typed('description') }}
				/>
				<StatusButton>Create category</StatusButton>
			</Form>
		</div>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '#app/components/error-boundary.tsx'
