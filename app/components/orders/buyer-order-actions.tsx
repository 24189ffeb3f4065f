import { REGIONS } from '#app/domain/regions.ts'
import { type ActionFailure } from '#app/schemas/order-actions.ts'
import { ActionForm, ActionTextField, ownFailure } from './action-form.tsx'
import { NeededByInput } from './needed-by-input.tsx'

export type BuyerActionKey =
	| 'approve'
	| 'reject'
	| 'close'
	| 'request_rework'
	| 'request_change'
	| 'cancel'
	| 'assign_manually'
	| 'edit_and_reroute'

type Props = {
	actions: readonly BuyerActionKey[]
	version: number
	orderNumber: string
	failure: ActionFailure | null
	suppliers: readonly { id: string; name: string }[]
	/** Why approve/reject is missing for the viewer (they placed the order). */
	reviewNote?: string | null
}

function Section({
	id,
	title,
	children,
	className,
}: {
	id: string
	title: string
	children: React.ReactNode
	className?: string
}) {
	return (
		<section aria-labelledby={id} className={`card stack ${className ?? ''}`}>
			<h3 id={id}>{title}</h3>
			{children}
		</section>
	)
}

function ChangeFields({ failure, withRegion }: { failure: ActionFailure | null; withRegion: boolean }) {
	const id = withRegion ? 'reroute' : 'change'
	return (
		<div className="field-grid">
			<ActionTextField
				name="quantity"
				label="New quantity"
				required={false}
				inputMode="numeric"
				maxLength={20}
				failure={failure}
				hint="Empty keeps the current quantity."
			/>
			<NeededByInput
				id={`${id}-needed-by`}
				name="neededBy"
				label="New needed-by"
				error={failure?.errors.neededBy}
			/>
			{withRegion ? (
				<div className="field">
					<label htmlFor="reroute-region">New region</label>
					<select id="reroute-region" name="region" defaultValue={failure?.values.region ?? ''}>
						<option value="">Keep the region</option>
						{REGIONS.map((r) => (
							<option key={r} value={r}>
								{r}
							</option>
						))}
					</select>
				</div>
			) : null}
		</div>
	)
}

/** The buyer's next steps on an order: only the ones its state allows, each its own form. */
export function BuyerOrderActions({ actions, version, orderNumber, failure, suppliers, reviewNote }: Props) {
	const has = (a: BuyerActionKey) => actions.includes(a)
	const f = (...intents: string[]) => ownFailure(failure, intents)
	const anything = actions.length > 0
	return (
		<section aria-labelledby="actions-heading" className="stack order-actions">
			<h2 id="actions-heading">What you can do</h2>
			{!anything ? (
				<p className="muted">{reviewNote ?? 'Nothing: this order needs nothing from a buyer now.'}</p>
			) : null}
			{reviewNote && anything ? <p className="notice">{reviewNote}</p> : null}
			{has('approve') ? (
				<Section id="review-heading" title="Review">
					<p className="muted">
						Approving routes the order at once; rejecting ends it. The buyer who placed it is told.
					</p>
					<ActionForm
						version={version}
						failure={f('approve', 'reject')}
						buttons={[
							{ intent: 'approve', label: 'Approve and route' },
							{ intent: 'reject', label: 'Reject', className: 'danger' },
						]}
					>
						<ActionTextField
							name="reason"
							label="Reason (required to reject)"
							multiline
							required={false}
							failure={f('approve', 'reject')}
						/>
					</ActionForm>
				</Section>
			) : null}
			{has('close') ? (
				<Section id="close-heading" title="Delivery">
					<p className="muted">
						Confirm the delivery and close the order, or send it back for rework with what is wrong.
					</p>
					<ActionForm
						version={version}
						failure={f('close')}
						buttons={[{ intent: 'close', label: 'Confirm delivery and close' }]}
					/>
					{has('request_rework') ? (
						<ActionForm
							version={version}
							failure={f('request-rework')}
							buttons={[{ intent: 'request-rework', label: 'Request rework', className: 'secondary' }]}
						>
							<ActionTextField
								name="reason"
								label="What needs rework"
								multiline
								failure={f('request-rework')}
							/>
						</ActionForm>
					) : null}
				</Section>
			) : null}
			{has('request_change') ? (
				<Section id="change-heading" title="Change quantity or needed-by">
					<p className="muted">
						The supplier must acknowledge the change within the class deadline; the price is recomputed from
						the contract term.
					</p>
					<ActionForm
						version={version}
						failure={f('change')}
						buttons={[{ intent: 'change', label: 'Request change', className: 'secondary' }]}
					>
						<ChangeFields failure={f('change')} withRegion={false} />
						<ActionTextField name="reason" label="Reason for the change" multiline failure={f('change')} />
					</ActionForm>
				</Section>
			) : null}
			{has('assign_manually') ? (
				<Section id="assign-heading" title="Assign a supplier manually">
					<p className="muted">
						No supplier passed routing. Choosing one yourself is recorded as an override, with your reason.
					</p>
					<ActionForm
						version={version}
						failure={f('assign')}
						buttons={[{ intent: 'assign', label: 'Offer to this supplier' }]}
					>
						<div className="field">
							<label htmlFor="assign-supplier">Supplier</label>
							<select
								id="assign-supplier"
								name="supplierId"
								defaultValue={f('assign')?.values.supplierId ?? ''}
								aria-invalid={f('assign')?.errors.supplierId ? true : undefined}
								aria-describedby={f('assign')?.errors.supplierId ? 'assign-supplier-error' : undefined}
							>
								<option value="">Choose a supplier</option>
								{suppliers.map((s) => (
									<option key={s.id} value={s.id}>
										{s.name}
									</option>
								))}
							</select>
							{f('assign')?.errors.supplierId ? (
								<ul id="assign-supplier-error" className="field-error">
									<li>{f('assign')?.errors.supplierId}</li>
								</ul>
							) : null}
						</div>
						<ActionTextField
							name="reason"
							label="Reason for choosing this supplier"
							multiline
							failure={f('assign')}
						/>
					</ActionForm>
				</Section>
			) : null}
			{has('edit_and_reroute') ? (
				<Section id="reroute-heading" title="Edit the order and route again">
					<ActionForm
						version={version}
						failure={f('reroute')}
						buttons={[{ intent: 'reroute', label: 'Save and route again', className: 'secondary' }]}
					>
						<ChangeFields failure={f('reroute')} withRegion />
					</ActionForm>
				</Section>
			) : null}
			{has('cancel') ? (
				<Section id="cancel-heading" title="Cancel the order" className="danger-zone">
					<p className="muted">
						Cancelling cannot be undone. A supplier with an offer or the order is told, with your reason.
					</p>
					<ActionForm
						version={version}
						failure={f('cancel')}
						buttons={[
							{
								intent: 'cancel',
								label: 'Cancel order',
								className: 'danger',
								confirm: `Cancel ${orderNumber}? This cannot be undone.`,
							},
						]}
					>
						<ActionTextField name="reason" label="Reason for cancelling" multiline failure={f('cancel')} />
					</ActionForm>
				</Section>
			) : null}
		</section>
	)
}
