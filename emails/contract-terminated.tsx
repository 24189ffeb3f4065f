import { EmailLayout } from './components/layout.tsx'
import {
	ContractHeading,
	type ContractEmailFacts,
	formatUtcInstant,
	Greeting,
	NoteQuote,
	OpenContract,
	Paragraph,
} from './contract-parts.tsx'

export type ContractTerminatedEmailProps = ContractEmailFacts & {
	terminatedByName: string
	terminatedAt: Date
	reason: string
}

export function getContractTerminatedSubject({
	contractNumber,
	contractTitle,
}: Pick<ContractEmailFacts, 'contractNumber' | 'contractTitle'>) {
	return `Contract ${contractNumber} terminated: ${contractTitle}`
}

/** To every user of the supplier when the buyer terminates a contract. */
export function ContractTerminatedEmail({
	recipientName,
	contractNumber,
	contractTitle,
	supplierName,
	url,
	terminatedByName,
	terminatedAt,
	reason,
}: ContractTerminatedEmailProps) {
	return (
		<EmailLayout preview={`Contract ${contractNumber} with ${supplierName} was terminated`}>
			<ContractHeading>Contract terminated</ContractHeading>
			<Greeting name={recipientName} />
			<Paragraph>
				{terminatedByName} terminated contract {contractNumber} “{contractTitle}” with {supplierName} on{' '}
				{formatUtcInstant(terminatedAt)}. Its terms no longer apply to new orders.
			</Paragraph>
			<NoteQuote author="The reason given" note={reason} />
			<OpenContract url={url} label="View the contract" />
		</EmailLayout>
	)
}
