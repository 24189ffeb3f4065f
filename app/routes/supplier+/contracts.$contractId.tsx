import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import {
	BindingTerms,
	ContractHeader,
	OwnProposal,
	ProposalToAnswer,
} from '#app/components/contracts/contract-sections.tsx'
import { VersionThread } from '#app/components/contracts/version-thread.tsx'
import { FormError } from '#app/components/forms/error-list.tsx'
import { buildSupplierContractActionSchema, type ContractActionFailure } from '#app/schemas/contract.ts'
import { requireSupplierUser } from '#app/utils/auth.server.ts'
import { loadContractPage, runContractAction } from '#app/routes/__contract-page.server.ts'
import { applySupplierContractAction } from './contracts.$contractId.server.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
	const user = await requireSupplierUser(request)
	return loadContractPage({ contractId: params.contractId ?? '', supplierId: user.supplierId })
}

export async function action({ request, params }: ActionFunctionArgs) {
	const user = await requireSupplierUser(request)
	const contractId = params.contractId ?? ''
	return runContractAction({
		request,
		contractId,
		supplierId: user.supplierId,
		buildSchema: buildSupplierContractActionSchema,
		apply: (intent, appUrl) => applySupplierContractAction(user, contractId, intent, appUrl),
		redirectTo: `/supplier/contracts/${contractId}`,
	})
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
