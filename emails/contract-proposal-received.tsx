import { EmailLayout } from './components/layout.tsx'
import {
	ChangeList,
	ContractHeading,
	type ContractEmailFacts,
	formatContractDate,
	Greeting,
	NoteQuote,
	OpenContract,
	Paragraph,
} from './contract-parts.tsx'

export type ContractProposalReceivedEmailProps = ContractEmailFacts & {
	proposerName: string
	startsOn: string
	endsOn: string
	termCount: number
	note: string
	/** Differences from the terms in force, when this proposal revises an agreed contract. */
	changes: readonly string[]
}

export function getContractProposalReceivedSubject({
	contractNumber,
	contractTitle,
}: Pick<ContractEmailFacts, 'contractNumber' | 'contractTitle'>) {
	return `New contract proposal ${contractNumber}: ${contractTitle}`
}

/** To every user of the supplier when the buyer sends a proposal. */
export function ContractProposalReceivedEmail({
	recipientName,
	contractNumber,
	contractTitle,
	supplierName,
	url,
	proposerName,
	startsOn,
	endsOn,
	termCount,
	note,
	changes,
}: ContractProposalReceivedEmailProps) {
	const terms = `${termCount} ${termCount === 1 ? 'term' : 'terms'}`
	return (
		<EmailLayout preview={`${proposerName} proposed contract ${contractNumber} to ${supplierName}`}>
			<ContractHeading>New contract proposal</ContractHeading>
			<Greeting name={recipientName} />
			<Paragraph>
				{proposerName} proposed contract {contractNumber} “{contractTitle}” to {supplierName}, valid from{' '}
				{formatContractDate(startsOn)} to {formatContractDate(endsOn)}, with {terms}. Review it, then accept
				it or answer with a counter-proposal.
			</Paragraph>
			<NoteQuote author={proposerName} note={note} />
			<ChangeList changes={changes} />
			<OpenContract url={url} label="Review the proposal" />
		</EmailLayout>
	)
}
