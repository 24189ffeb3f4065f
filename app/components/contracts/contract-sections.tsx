import {
	formatMoment,
	formatPeriod,
	SIDE_LABELS,
	ContractStatusBadge,
	termLabel,
} from './contract-format.tsx'
import { type ContractActionFailure, type ContractStatus } from '#app/schemas/contract.ts'
import { termToFormValues } from '#app/schemas/contract-term-values.ts'
import { IntentForm } from './negotiation-actions.tsx'
import { PricePreview } from './price-preview.tsx'
import { type CategoryOption, type ClassOption } from './term-fields.tsx'
import { TermsForm } from './terms-form.tsx'
import { TermsTable, type TermRow } from './terms-table.tsx'
import { type ThreadVersion } from './version-thread.tsx'

type Side = 'buyer' | 'supplier'

export type ContractSummary = {
	number: string
	title: string
	status: ContractStatus
	startsOn: string
	endsOn: string
	currency: string
	terminatedAt?: string | Date | null
	terminationReason?: string | null
}

/** Number, title, status and period; says when the viewer has a proposal to answer. */
export function ContractHeader({
	contract,
	partyLabel,
	partyName,
	waitingForViewer,
}: {
	contract: ContractSummary
	partyLabel: string
	partyName: string
	waitingForViewer: boolean
}) {
	return (
		<header className="stack">
			<h1>
				{contract.number} · {contract.title}
			</h1>
			<p className="toolbar">
				<ContractStatusBadge status={contract.status} />
				{waitingForViewer ? <span className="badge warn">A proposal is waiting for your answer</span> : null}
			</p>
			<dl className="facts">
				<div>
					<dt>{partyLabel}</dt>
					<dd>{partyName}</dd>
				</div>
				<div>
					<dt>Period</dt>
					<dd>{formatPeriod(contract.startsOn, contract.endsOn)}</dd>
				</div>
				<div>
					<dt>Currency</dt>
					<dd>{contract.currency}</dd>
				</div>
			</dl>
			{contract.status === 'terminated' ? (
				<p className="form-error">
					Terminated {formatMoment(contract.terminatedAt)}
					{contract.terminationReason ? `: ${contract.terminationReason}` : ''}
				</p>
			) : null}
		</header>
	)
}

function previewOptions(terms: readonly TermRow[], currency: string, classes: readonly ClassOption[]) {
	return terms.map((t) => ({
		label: termLabel(t),
		term: {
			currency,
			unitPriceMinor: t.unitPriceMinor,
			priceTiers: t.priceTiers,
			prioritySurchargeBps: t.prioritySurchargeBps,
		},
		pricingClass: {
			name: t.orderClassName,
			minQuantity: classes.find((c) => c.id === t.orderClassId)?.policy.minQuantity ?? null,
		},
	}))
}

/** The terms both sides are bound by now, with a price preview over them. */
export function BindingTerms({
	binding,
	currency,
	classes,
}: {
	binding: ThreadVersion | null
	currency: string
	classes: readonly ClassOption[]
}) {
	return (
		<section aria-labelledby="binding-heading" className="stack">
			<h2 id="binding-heading">Binding terms{binding ? ` (version ${binding.number})` : ''}</h2>
			{binding ? (
				<>
					<TermsTable terms={binding.terms} currency={currency} caption="Binding terms" />
					<PricePreview
						options={previewOptions(binding.terms, currency, classes)}
						heading="Price preview (binding terms)"
					/>
				</>
			) : (
				<p className="empty">No terms are binding yet: nothing has been accepted.</p>
			)}
		</section>
	)
}

/** The other side's proposal: accept it as it is, or counter it with changed terms and a note. */
export function ProposalToAnswer({
	pending,
	viewer,
	lockVersion,
	currency,
	classes,
	categories,
	failure,
}: {
	pending: ThreadVersion
	viewer: Side
	lockVersion: number
	currency: string
	classes: readonly ClassOption[]
	categories: readonly CategoryOption[]
	failure: ContractActionFailure | null | undefined
}) {
	const from = `${SIDE_LABELS[pending.proposedBy].toLowerCase()}${pending.proposedByName ? ` (${pending.proposedByName})` : ''}`
	const other = viewer === 'buyer' ? 'supplier' : 'buyer'
	return (
		<section aria-labelledby="answer-heading" className="card stack attention">
			<h2 id="answer-heading">Version {pending.number} is waiting for your answer</h2>
			<p>
				Proposed by the {from} · {formatMoment(pending.proposedAt)}
			</p>
			{pending.note ? <blockquote className="version-note">{pending.note}</blockquote> : null}
			{pending.changes.length > 0 ? (
				<ul className="changes" aria-label="What changed">
					{pending.changes.map((c) => (
						<li key={c}>{c}</li>
					))}
				</ul>
			) : null}
			<TermsTable
				terms={pending.terms}
				currency={currency}
				caption={`Proposed terms, version ${pending.number}`}
			/>
			<IntentForm
				intent="accept"
				lockVersion={lockVersion}
				versionId={pending.id}
				label={`Accept version ${pending.number}`}
				failure={failure}
			/>
			<details className="counter" open={failure?.intent === 'counter' || undefined}>
				<summary>Counter with different terms</summary>
				<TermsForm
					intent="counter"
					lockVersion={lockVersion}
					basedOnVersionId={pending.id}
					initialTerms={pending.terms.map(termToFormValues)}
					failure={failure}
					classes={classes}
					categories={categories}
					currency={currency}
					noteLabel={`Note to the ${other}: what you changed and why (required)`}
					submitLabel="Send counter-proposal"
				/>
			</details>
		</section>
	)
}

/** The viewer's own proposal, waiting for the other side: it can be withdrawn. */
export function OwnProposal({
	pending,
	lockVersion,
	otherName,
	failure,
}: {
	pending: ThreadVersion
	lockVersion: number
	otherName: string
	failure: ContractActionFailure | null | undefined
}) {
	return (
		<section aria-labelledby="own-pending-heading" className="card stack">
			<h2 id="own-pending-heading">
				Version {pending.number} is waiting for {otherName}
			</h2>
			<p className="muted">
				Sent {formatMoment(pending.proposedAt)}. You can take it back until they answer.
			</p>
			<IntentForm
				intent="withdraw"
				lockVersion={lockVersion}
				versionId={pending.id}
				label={`Withdraw version ${pending.number}`}
				className="secondary"
				confirm={`Withdraw version ${pending.number}? ${otherName} can no longer accept it.`}
				failure={failure}
			/>
		</section>
	)
}
