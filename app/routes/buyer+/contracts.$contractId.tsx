import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import {
	BindingTerms,
	ContractHeader,
	OwnProposal,
	ProposalToAnswer,
} from '#app/components/contracts/contract-sections.tsx'
import { IntentForm, TerminateForm } from '#app/components/contracts/negotiation-actions.tsx'
import { TermsForm } from '#app/components/contracts/terms-form.tsx'
import { VersionThread } from '#app/components/contracts/version-thread.tsx'
import { FormError } from '#app/components/forms/error-list.tsx'
import { buildBuyerContractActionSchema, type ContractActionFailure } from '#app/schemas/contract.ts'
import { termToFormValues } from '#app/schemas/contract-term-values.ts'
import { requireUserWithRole } from '#app/utils/auth.server.ts'
import { loadContractPage, runContractAction } from '#app/routes/__contract-page.server.ts'
import { applyBuyerContractAction } from './contracts.$contractId.server.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
	await requireUserWithRole(request, 'buyer')
	return loadContractPage({ contractId: params.contractId ?? '' })
}

export async function action({ request, params }: ActionFunctionArgs) {
	const actor = await requireUserWithRole(request, 'buyer')
	const contractId = params.contractId ?? ''
	return runContractAction({
		request,
		contractId,
		buildSchema: buildBuyerContractActionSchema,
		apply: (intent, appUrl) => applyBuyerContractAction(actor, contractId, intent, appUrl),
		redirectTo: `/buyer/contracts/${contractId}`,
	})
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
	{ title: `${data?.contract.number ?? 'Contract'} · Buyer · Procura` },
]

export default function BuyerContract() {
	const { contract, supplier, versions, bindingVersion, pendingVersion, draftVersion, classes, categories } =
		useLoaderData<typeof loader>()
	const failure = useActionData<typeof action>() as ContractActionFailure | undefined
	const isOpen =
		contract.status === 'draft' || contract.status === 'negotiating' || contract.status === 'active'
	const waitingForBuyer = pendingVersion?.proposedBy === 'supplier'
	const lockVersion = contract.lockVersion

	return (
		<div className="stack contract-page">
			<p>
				<Link to="/buyer/contracts">← Contracts</Link>
			</p>
			<ContractHeader
				contract={contract}
				partyLabel="Supplier"
				partyName={supplier.name}
				waitingForViewer={waitingForBuyer}
			/>
			<FormError message={failure?.intent === null ? failure.message : undefined} />
			<BindingTerms binding={bindingVersion} currency={contract.currency} classes={classes} />

			{pendingVersion && waitingForBuyer && isOpen ? (
				<ProposalToAnswer
					key={lockVersion}
					pending={pendingVersion}
					viewer="buyer"
					lockVersion={lockVersion}
					currency={contract.currency}
					classes={classes}
					categories={categories}
					failure={failure}
				/>
			) : null}
			{pendingVersion && !waitingForBuyer && isOpen ? (
				<OwnProposal
					pending={pendingVersion}
					lockVersion={lockVersion}
					otherName={supplier.name}
					failure={failure}
				/>
			) : null}

			{draftVersion && isOpen ? (
				<section aria-labelledby="draft-heading" className="card stack">
					<h2 id="draft-heading">Draft version {draftVersion.number}</h2>
					<p className="muted">
						Only you see this draft. Save it as often as you like; sending it makes it a proposal that never
						changes again.
					</p>
					<TermsForm
						key={lockVersion}
						intent="save-draft"
						lockVersion={lockVersion}
						initialTerms={draftVersion.terms.map(termToFormValues)}
						initialNote={draftVersion.note}
						failure={failure}
						classes={classes}
						categories={categories}
						currency={contract.currency}
						noteLabel="Note to the supplier (optional)"
						submitLabel="Save draft"
						after={({ isDirty }) => (
							<div className="stack send-proposal">
								{isDirty ? <p className="hint">Save the draft first: unsaved changes are not sent.</p> : null}
								<IntentForm
									intent="send"
									lockVersion={lockVersion}
									label="Send proposal to supplier"
									failure={failure}
									disabled={isDirty || draftVersion.terms.length === 0}
								/>
							</div>
						)}
					/>
				</section>
			) : null}

			{isOpen && !pendingVersion && !draftVersion ? (
				<section aria-labelledby="revise-heading" className="card stack">
					<h2 id="revise-heading">Change the terms</h2>
					<p className="muted">
						Start a new draft from the {bindingVersion ? 'binding' : 'latest'} terms; the binding terms stay
						in force until the supplier accepts the new version.
					</p>
					<IntentForm
						intent="start-revision"
						lockVersion={lockVersion}
						label="Start a revision"
						failure={failure}
					/>
				</section>
			) : null}

			<VersionThread versions={versions} currency={contract.currency} />

			{isOpen ? (
				<TerminateForm lockVersion={lockVersion} failure={failure} contractNumber={contract.number} />
			) : null}
		</div>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '#app/components/error-boundary.tsx'
