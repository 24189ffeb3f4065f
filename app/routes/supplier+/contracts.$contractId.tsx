import { invariantResponse } from '@epic-web/invariant'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import {
	BindingTerms,
	ContractHeader,
	OwnProposal,
	ProposalToAnswer,
} from '#app/components/contracts/contract-sections.tsx'
import { VersionThread } from '#app/components/contracts/version-thread.tsx'
import { FormError } from '#app/components/forms/error-list.tsx'
import { getContract } from '#app/models/contract/contracts.server.ts'
import { listTermOptions } from '#app/models/contract/term-options.server.ts'
import { buildSupplierContractActionSchema, type ContractActionFailure } from '#app/schemas/contract.ts'
import { contractActionFailure, contractActionFailureFromAppError } from '#app/schemas/contract-failure.ts'
import { termPoliciesOf } from '#app/schemas/contract-terms.ts'
import { isAppError, statusForAppError } from '#app/utils/app-error.ts'
import { requireSupplierUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { parseSubmission } from '#app/utils/form.server.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'
import { applySupplierContractAction } from './contracts.$contractId.server.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
	const user = await requireSupplierUser(request)
	const db = getDb()
	// Scoped by the session's supplier: another supplier's contract is exactly as absent as a made-up id.
	const [detail, options] = await Promise.all([
		getContract(db, { contractId: params.contractId ?? '', supplierId: user.supplierId }),
		listTermOptions(db),
	])
	invariantResponse(detail, 'Not found', { status: 404 })
	return { ...detail, ...options }
}

export async function action({ request, params }: ActionFunctionArgs) {
	const user = await requireSupplierUser(request)
	const contractId = params.contractId ?? ''
	const db = getDb()
	const [detail, options] = await Promise.all([
		getContract(db, { contractId, supplierId: user.supplierId }),
		listTermOptions(db),
	])
	invariantResponse(detail, 'Not found', { status: 404 })
	const schema = buildSupplierContractActionSchema(termPoliciesOf(options.classes), {
		categoryIds: new Set(options.categories.map((c) => c.id)),
	})
	const submission = await parseSubmission(request, schema)
	if (!submission.success)
		return data(contractActionFailure(submission.errors, submission.values), { status: 400 })
	try {
		const appUrl = process.env.APP_URL ?? new URL(request.url).origin
		const toast = await applySupplierContractAction(user, contractId, submission.data, appUrl)
		return redirectWithToast(`/supplier/contracts/${contractId}`, toast)
	} catch (error) {
		if (!isAppError(error)) throw error
		invariantResponse(error.code !== 'NOT_FOUND', 'Not found', { status: 404 })
		const failure = contractActionFailureFromAppError(error, submission.values)
		return data(failure, { status: statusForAppError(error.code) })
	}
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
	{ title: `${data?.contract.number ?? 'Contract'} · Supplier · Procura` },
]

export default function SupplierContract() {
	const { contract, versions, bindingVersion, pendingVersion, classes, categories } =
		useLoaderData<typeof loader>()
	const failure = useActionData<typeof action>() as ContractActionFailure | undefined
	const isOpen =
		contract.status === 'draft' || contract.status === 'negotiating' || contract.status === 'active'
	const waitingForSupplier = pendingVersion?.proposedBy === 'buyer'

	return (
		<div className="stack contract-page">
			<p>
				<Link to="/supplier/contracts">← Contracts</Link>
			</p>
			<ContractHeader
				contract={contract}
				partyLabel="Buyer"
				partyName="The buying team"
				waitingForViewer={waitingForSupplier && isOpen}
			/>
			<FormError message={failure?.intent === null ? failure.message : undefined} />
			<BindingTerms binding={bindingVersion} currency={contract.currency} classes={classes} />
			{pendingVersion && waitingForSupplier && isOpen ? (
				<ProposalToAnswer
					key={contract.lockVersion}
					pending={pendingVersion}
					viewer="supplier"
					lockVersion={contract.lockVersion}
					currency={contract.currency}
					classes={classes}
					categories={categories}
					failure={failure}
				/>
			) : null}
			{pendingVersion && !waitingForSupplier && isOpen ? (
				<OwnProposal
					pending={pendingVersion}
					lockVersion={contract.lockVersion}
					otherName="the buyer"
					failure={failure}
				/>
			) : null}
			<VersionThread versions={versions} currency={contract.currency} />
		</div>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '#app/components/error-boundary.tsx'
