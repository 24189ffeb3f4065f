import { ListPageHeader } from '#app/components/ui/list-page.tsx'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { StatusButton } from '#app/components/ui/status-button.tsx'
import { listCategories, setCategoryRetired } from '#app/models/category.server.ts'
import { CategoryListActionSchema } from '#app/schemas/category.ts'
import { isAppError } from '#app/utils/app-error.ts'
import { requireUserWithRole } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { parseSubmission } from '#app/utils/form.server.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'
import { confirmSubmit } from './__order-classes.form-controls.tsx'
import { formatUtc } from './__order-classes.policy-history.tsx'

export async function loader({ request }: LoaderFunctionArgs) {
	await requireUserWithRole(request, 'buyer')
	return { categories: await listCategories(getDb()) }
}

export async function action({ request }: ActionFunctionArgs) {
	const actor = await requireUserWithRole(request, 'buyer')
	const submission = await parseSubmission(request, CategoryListActionSchema)
	if (!submission.success) return data({ errors: submission.errors }, { status: 400 })
	const { intent, categoryId } = submission.data
	const retired = intent === 'retire'
	try {
		const { name, changed } = await setCategoryRetired(getDb(), { actor, categoryId, retired })
		const description = !changed
			? `${name} was already ${retired ? 'retired' : 'in use'}.`
			: retired
				? `${name} is retired: nothing new is bought under it.`
				: `${name} is in use again.`
		return redirectWithToast('/buyer/categories', { type: 'success', description })
	} catch (error) {
		if (!isAppError(error, 'NOT_FOUND')) throw error
		throw new Response('Not found', { status: 404 })
	}
}

export const meta: MetaFunction = () => [{ title: 'Categories · Buyer · Procura' }]

export default function CategoriesPage() {
	const { categories } = useLoaderData<typeof loader>()
	const inUse = categories.filter((c) => !c.retiredAt).length
	return (
		<div className="stack">
			<ListPageHeader title="Categories" action={{ to: '/buyer/categories/new', label: 'New category' }} />
			<p className="muted">
				What is bought: each order names one category. Retired categories take no new orders.
			</p>
			<section aria-labelledby="categories-heading">
				<h2 id="categories-heading">
					{inUse} in use{categories.length > inUse ? `, ${categories.length - inUse} retired` : ''}
				</h2>
				{categories.length === 0 ? (
					<p className="empty">No categories yet. Create the first one.</p>
				) : (
					<div className="table-wrap">
						<table aria-labelledby="categories-heading">
							<thead>
								<tr>
									<th scope="col">Name</th>
									<th scope="col">Key</th>
									<th scope="col">Status</th>
									<th scope="col">
										<span className="muted">Actions</span>
									</th>
								</tr>
							</thead>
							<tbody>
								{categories.map((c) => (
									<tr key={c.id}>
										<td>
											{c.name}
											{c.description ? <div className="hint">{c.description}</div> : null}
										</td>
										<td>
											<code>{c.key}</code>
										</td>
										<td>
											{c.retiredAt ? (
												<span className="badge bad">Retired {formatUtc(c.retiredAt)}</span>
											) : (
												<span className="badge ok">In use</span>
											)}
										</td>
										<td>
											<div className="row-actions">
												<Link to={`/buyer/categories/${c.id}`} aria-label={`Rename ${c.name}`}>
													Rename
												</Link>
												{c.retiredAt ? (
													<Form method="post" onSubmit={confirmSubmit(`Reinstate ${c.name}?`)}>
														<input type="hidden" name="categoryId" value={c.id} />
														<StatusButton
															name="intent"
															value="reinstate"
															className="secondary"
															aria-label={`Reinstate ${c.name}`}
														>
															Reinstate
														</StatusButton>
													</Form>
												) : (
													<Form
														method="post"
														onSubmit={confirmSubmit(
															`Retire ${c.name}? Nothing new can be bought under it until it is reinstated.`,
														)}
													>
														<input type="hidden" name="categoryId" value={c.id} />
														<StatusButton
															name="intent"
															value="retire"
															className="danger"
															aria-label={`Retire ${c.name}`}
														>
															Retire
														</StatusButton>
													</Form>
												)}
											</div>
										</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
				)}
			</section>
		</div>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '#app/components/error-boundary.tsx'
