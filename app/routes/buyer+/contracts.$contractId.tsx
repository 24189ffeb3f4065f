import { invariantResponse } from '@epic-web/invariant'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
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
import { getContract } from '#app/models/contract/contracts.server.ts'
import { listTermOptions } from '#app/models/contract/term-options.server.ts'
import { buildBuyerContractActionSchema, type ContractActionFailure } from '#app/schemas/contract.ts'
import { contractActionFailure, contractActionFailureFromAppError } from '#app/schemas/contract-failure.ts'
import { termToFormValues } from '#app/schemas/contract-term-values.ts'
import { termPoliciesOf } from '#app/schemas/contract-terms.ts'
import { isAppError, statusForAppError } from '#app/utils/app-error.ts'
import { requireUserWithRole } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { parseSubmission } from '#app/utils/form.server.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'
import { applyBuyerContractAction } from './contracts.$contractId.server.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
	await requireUserWithRole(request, 'buyer')
	const db = getDb()
	const [detail, options] = await Promise.all([
		getContract(db, { contractId: params.contractId ?? '' }),
		listTermOptions(db),
	])
	invariantResponse(detail, 'Not found', { status: 404 })
	return { ...detail, ...options }
}

export async function action({ request, params }: ActionFunctionArgs) {
	const actor = await requireUserWithRole(request, 'buyer')
	const contractId = params.contractId ?? ''
	const db = getDb()
	const [detail, options] = await Promise.all([getContract(db, { contractId }), listTermOptions(db)])
	invariantResponse(detail, 'Not found', { status: 404 })
	const schema = buildBuyerContractActionSchema(termPoliciesOf(options.classes), {
		categoryIds: new Set(options.categories.map((c) => c.id)),
	})
	const submission = await parseSubmission(request, schema)
	if (!submission.success)
		return data(contractActionFailure(submission.errors, submission.values), { status: 400 })
	try {
		const appUrl = process.env.APP_URL ?? new URL(request.url).origin
		const toast = await applyBuyerContractAction(actor, contractId, submission.data, appUrl)
		return redirectWithToast(`/buyer/contracts/${contractId}`, toast)
	} catch (error) {
		if (!isAppError(error)) throw error
		invariantResponse(error.code !== 'NOT_FOUND', 'Not found', { status: 404 })
		const failure = contractActionFailureFromAppError(error, submission.values)
		return data(failure, { status: statusForAppError(error.code) })
	}
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
