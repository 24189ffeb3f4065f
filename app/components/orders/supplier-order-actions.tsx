import { type ActionFailure } from '#app/schemas/order-actions.ts'
import { ActionForm, ActionTextField, ownFailure } from './action-form.tsx'
import { OfferAnswerForms } from './supplier-inbox.tsx'

export type SupplierActionKey =
	| 'accept'
	| 'decline'
	| 'start_work'
	| 'post_update'
	| 'deliver'
	| 'resume_work'
	| 'acknowledge_change'

/** The supplier's next steps on an order: only those its state allows. */
export function SupplierOrderActions({
	actions,
	version,
	orderNumber,
	quantity,
	pendingOfferId,
	failure,
}: {
	actions: readonly SupplierActionKey[]
	version: number
	orderNumber: string
	quantity: number
	pendingOfferId: string | null
	failure: ActionFailure | null
}) {
	const has = (a: SupplierActionKey) => actions.includes(a)
	const f = (intent: string) => ownFailure(failure, [intent])
	if (actions.length === 0) return null
	const deliver = f('deliver')
	return (
		<section aria-labelledby="supplier-actions-heading" className="card stack">
			<h2 id="supplier-actions-heading">What you can do</h2>
			{has('acknowledge_change') ? (
				<div className="stack">
					<p className="notice">
						The buyer changed the quantity or the needed-by time. Acknowledge the change to confirm you can
						still do it.
					</p>
					<ActionForm
						version={version}
						failure={f('acknowledge-change')}
						buttons={[{ intent: 'acknowledge-change', label: 'Acknowledge the change' }]}
					/>
				</div>
			) : null}
			{has('accept') && pendingOfferId ? (
				<OfferAnswerForms
					offerId={pendingOfferId}
					orderVersion={version}
					orderNumber={orderNumber}
					failure={failure}
				/>
			) : null}
			{has('start_work') ? (
				<ActionForm
					version={version}
					failure={f('start')}
					buttons={[{ intent: 'start', label: 'Start work' }]}
				/>
			) : null}
			{has('resume_work') ? (
				<ActionForm
					version={version}
					failure={f('resume')}
					buttons={[{ intent: 'resume', label: 'Start the rework' }]}
				/>
			) : null}
			{has('deliver') ? (
				<ActionForm
					version={version}
					failure={deliver}
					buttons={[{ intent: 'deliver', label: 'Mark as delivered' }]}
				>
					<ActionTextField
						name="deliveredQuantity"
						label="Delivered quantity"
						inputMode="numeric"
						maxLength={20}
						hint={`Ordered: ${quantity.toLocaleString('en-GB')}.`}
						failure={
							deliver ?? {
								intent: 'deliver',
								targetId: null,
								errors: {},
								values: { deliveredQuantity: String(quantity) },
							}
						}
					/>
				</ActionForm>
			) : null}
			{has('post_update') ? (
				<ActionForm
					version={version}
					failure={f('post-update')}
					buttons={[{ intent: 'post-update', label: 'Post update', className: 'secondary' }]}
				>
					<ActionTextField
						name="note"
						label="Status update or note for the buyer"
						multiline
						maxLength={2000}
						failure={f('post-update')}
					/>
				</ActionForm>
			) : null}
		</section>
	)
}
