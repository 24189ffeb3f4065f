import { invariantResponse } from '@epic-web/invariant'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { StatusButton } from '#app/components/ui/status-button.tsx'
import { getOrderClassPage } from '#app/models/order-class/order-class-page.server.ts'
import { policyFormValues } from '#app/schemas/order-class.ts'
import { requireUserWithRole } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { DetailsForm, PolicyEditor } from './__order-classes.class-forms.tsx'
import { confirmSubmit } from './__order-classes.form-controls.tsx'
import { formatUtc, PolicyHistory, PolicySummary } from './__order-classes.policy-history.tsx'
import { handleOrderClassAction } from './order-classes.$orderClassId.server.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
	await requireUserWithRole(request, 'buyer')
	const page = await getOrderClassPage(getDb(), { orderClassId: params.orderClassId ?? '' })
	invariantResponse(page, 'Not found', { status: 404 })
	return page
}

export async function action({ request, params }: ActionFunctionArgs) {
	const actor = await requireUserWithRole(request, 'buyer')
	return handleOrderClassAction(request, { actor, orderClassId: params.orderClassId ?? '' })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
	{ title: `${data?.orderClass.name ?? 'Order class'} · Order classes · Buyer · Procura` },
]

export default function OrderClassPage() {
	const { orderClass, policy, history } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const policyError = actionData?.intent === 'policy' ? actionData : null
	const detailsError = actionData?.intent === 'details' ? actionData : null
	// The policy form is rebuilt (fresh values, empty note) when a new version lands, but
	// not after its own failed save: then it keeps what was typed, and after a conflict it
	// is based on the version that won, so saving again is a deliberate overwrite.
	const editorKey = policyError?.basedOnVersion ?? policy.version
	const basedOnVersion =
		policyError && !policyError.conflict ? (policyError.basedOnVersion ?? policy.version) : policy.version
	const retired = Boolean(orderClass.retiredAt)

	return (
		<div className="stack">
			<p>
				<Link to="/buyer/order-classes">← Order classes</Link>
			</p>
			<h1>
				{orderClass.name} {retired ? <span className="badge bad">Retired</span> : null}
			</h1>
			<p className="muted">
				Key <code>{orderClass.key}</code> · priority rank {orderClass.priorityRank}
				{orderClass.retiredAt ? ` · retired ${formatUtc(orderClass.retiredAt)}` : ''}
			</p>
			{orderClass.description ? <p>{orderClass.description}</p> : null}

			<section aria-labelledby="current-policy-heading" className="card">
				<h2 id="current-policy-heading">Current policy: version {policy.version}</h2>
				<p className="muted">
					Since {formatUtc(policy.createdAt)} · {policy.changedByName ?? 'Procura (initial setup)'}
				</p>
				<PolicySummary values={policy.values} />
			</section>

			<section aria-labelledby="policy-form-heading" className="card">
				<h2 id="policy-form-heading">Change the policy</h2>
				<p className="muted">
					Saving creates version {basedOnVersion + 1}. Orders already placed keep the version they were placed
					under.
				</p>
				<PolicyEditor
					key={editorKey}
					classKey={orderClass.key}
					basedOnVersion={basedOnVersion}
					values={policyError?.defaultValues ?? policyFormValues(policy.values)}
					rootError={policyError?.errors.root?.message}
				/>
			</section>

			<section aria-labelledby="details-heading" className="card">
				<h2 id="details-heading">Name, description and rank</h2>
				<DetailsForm
					values={
						detailsError?.defaultValues ?? {
							name: orderClass.name,
							description: orderClass.description,
							priorityRank: String(orderClass.priorityRank),
						}
					}
					rootError={detailsError?.errors.root?.message}
				/>
			</section>

			<section aria-labelledby="history-heading">
				<h2 id="history-heading">Policy history</h2>
				<PolicyHistory history={history} />
			</section>

			<section aria-labelledby="retire-heading" className="card">
				<h2 id="retire-heading">{retired ? 'Reinstate' : 'Retire'}</h2>
				{retired ? (
					<Form
						method="post"
						onSubmit={confirmSubmit(`Reinstate ${orderClass.name}? New orders may use it again.`)}
					>
						<p>This class is retired: no new orders can use it. Its history and past orders stay.</p>
						<StatusButton name="intent" value="reinstate" className="secondary">
							Reinstate {orderClass.name}
						</StatusButton>
					</Form>
				) : (
					<Form
						method="post"
						onSubmit={confirmSubmit(
							`Retire ${orderClass.name}? No new orders can use it until it is reinstated.`,
						)}
					>
						<p>
							A retired class takes no new orders. It is never deleted: its history and the orders placed
							under it stay, and it can be reinstated.
						</p>
						<StatusButton name="intent" value="retire" className="danger">
							Retire {orderClass.name}
						</StatusButton>
					</Form>
				)}
			</section>
		</div>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '#app/components/error-boundary.tsx'
