import { zodResolver } from '@hookform/resolvers/zod'
import { invariantResponse } from '@epic-web/invariant'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useRemixForm } from 'remix-hook-form'
import { FormError } from '#app/components/forms/error-list.tsx'
import { Field } from '#app/components/forms/field.tsx'
import { StatusButton } from '#app/components/ui/status-button.tsx'
import { getCategory, setCategoryRetired, updateCategory } from '#app/models/category.server.ts'
import {
	CategoryDetailsSchema,
	CategoryPageActionSchema,
	type CategoryDetailsInput,
} from '#app/schemas/category.ts'
import { requireUserWithRole, type SessionUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { parseSubmission, pickValues } from '#app/utils/form.server.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'
import { type z } from 'zod'
import { confirmSubmit, messageFor, TextareaField } from './__order-classes.form-controls.tsx'
import { formFailure } from './__order-classes.form.server.ts'
import { formatUtc } from './__order-classes.policy-history.tsx'

export async function loader({ request, params }: LoaderFunctionArgs) {
	await requireUserWithRole(request, 'buyer')
	const category = await getCategory(getDb(), { categoryId: params.categoryId ?? '' })
	invariantResponse(category, 'Not found', { status: 404 })
	return { category }
}

export async function action({ request, params }: ActionFunctionArgs) {
	const actor = await requireUserWithRole(request, 'buyer')
	const category = await getCategory(getDb(), { categoryId: params.categoryId ?? '' })
	invariantResponse(category, 'Not found', { status: 404 })
	const submission = await parseSubmission(request, CategoryPageActionSchema)
	const defaultValues = pickValues(submission.values, ['name', 'description'])
	if (!submission.success) return data({ errors: submission.errors, defaultValues }, { status: 400 })
	try {
		const description = await apply(actor, category.id, submission.data)
		return redirectWithToast(`/buyer/categories/${category.id}`, { type: 'success', description })
	} catch (error) {
		return formFailure(error, defaultValues)
	}
}

async function apply(
	actor: SessionUser,
	categoryId: string,
	action: z.output<typeof CategoryPageActionSchema>,
): Promise<string> {
	if (action.intent === 'details') {
		const { changed } = await updateCategory(getDb(), { actor, categoryId, details: action })
		return changed
			? `${action.name} is saved.`
			: 'Nothing changed: the name and description were already these.'
	}
	const retired = action.intent === 'retire'
	const { name, changed } = await setCategoryRetired(getDb(), { actor, categoryId, retired })
	if (!changed) return `${name} was already ${retired ? 'retired' : 'in use'}.`
	return retired ? `${name} is retired: nothing new is bought under it.` : `${name} is in use again.`
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
	{ title: `${data?.category.name ?? 'Category'} · Categories · Buyer · Procura` },
]

export default function CategoryPage() {
	const { category } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const { handleSubmit, register, formState } = useRemixForm<CategoryDetailsInput>({
		resolver: zodResolver(CategoryDetailsSchema, undefined, { raw: true }),
		stringifyAllValues: false,
		submitData: { intent: 'details' },
	})
	const { errors } = formState
	const typed = (name: 'name' | 'description') => actionData?.defaultValues[name] ?? category[name]
	return (
		<div className="stack">
			<p>
				<Link to="/buyer/categories">← Categories</Link>
			</p>
			<h1>
				{category.name} {category.retiredAt ? <span className="badge bad">Retired</span> : null}
			</h1>
			<p className="muted">
				Key <code>{category.key}</code> (keys never change: orders and capabilities refer to them)
				{category.retiredAt ? ` · retired ${formatUtc(category.retiredAt)}` : ''}
			</p>

			<section aria-labelledby="rename-heading" className="card">
				<h2 id="rename-heading">Rename</h2>
				<Form
					method="post"
					className="form"
					onSubmit={handleSubmit}
					noValidate
					aria-labelledby="rename-heading"
				>
					<input type="hidden" name="intent" value="details" />
					<FormError message={errors.root?.message} />
					<Field
						label="Name"
						errors={errors.name?.message}
						inputProps={{ ...register('name'), defaultValue: typed('name'), autoComplete: 'off' }}
					/>
					<TextareaField
						label="Description"
						errors={messageFor(errors, 'description')}
						textareaProps={{ ...register('description'), defaultValue: typed('description') }}
					/>
					<StatusButton name="intent" value="details">
						Save
					</StatusButton>
				</Form>
			</section>

			<section aria-labelledby="retire-heading" className="card">
				<h2 id="retire-heading">{category.retiredAt ? 'Reinstate' : 'Retire'}</h2>
				{category.retiredAt ? (
					<Form method="post" onSubmit={confirmSubmit(`Reinstate ${category.name}?`)}>
						<p>Retired: nothing new can be bought under it. Its history stays.</p>
						<StatusButton name="intent" value="reinstate" className="secondary">
							Reinstate {category.name}
						</StatusButton>
					</Form>
				) : (
					<Form
						method="post"
						onSubmit={confirmSubmit(
							`Retire ${category.name}? Nothing new can be bought under it until it is reinstated.`,
						)}
					>
						<p>A retired category takes no new orders. It is never deleted and can be reinstated.</p>
						<StatusButton name="intent" value="retire" className="danger">
							Retire {category.name}
						</StatusButton>
					</Form>
				)}
			</section>
		</div>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '#app/components/error-boundary.tsx'
