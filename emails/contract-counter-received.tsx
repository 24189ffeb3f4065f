import { EmailLayout } from './components/layout.tsx'
import {
	ChangeList,
	ContractHeading,
	type ContractEmailFacts,
	Greeting,
	NoteQuote,
	OpenContract,
	Paragraph,
} from './contract-parts.tsx'

export type ContractCounterReceivedEmailProps = ContractEmailFacts & {
	/** The person who countered, and the organisation they answered for. */
	counterName: string
	counterOrganisation: string
	versionNumber: number
	note: string
	changes: readonly string[]
}

export function getContractCounterReceivedSubject({
	contractNumber,
	contractTitle,
}: Pick<ContractEmailFacts, 'contractNumber' | 'contractTitle'>) {
	return `Counter-proposal on ${contractNumber}: ${contractTitle}`
}

/** To the side whose proposal was just countered. */
export function ContractCounterReceivedEmail({
	recipientName,
	contractNumber,
	contractTitle,
	url,
	counterName,
	counterOrganisation,
	versionNumber,
	note,
	changes,
}: ContractCounterReceivedEmailProps) {
	return (
		<EmailLayout preview={`${counterOrganisation} answered ${contractNumber} with a counter-proposal`}>
			<ContractHeading>Counter-proposal received</ContractHeading>
			<Greeting name={recipientName} />
			<Paragraph>
				{counterName} ({counterOrganisation}) answered contract {contractNumber} “{contractTitle}” with a
				counter-proposal, version {versionNumber}. It is now waiting for your answer.
			</Paragraph>
			<NoteQuote author={counterName} note={note} />
			<ChangeList changes={changes} />
			<OpenContract url={url} label="Review the counter-proposal" />
		</EmailLayout>
	)
}
