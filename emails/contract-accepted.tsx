import { EmailLayout } from './components/layout.tsx'
import {
	ContractHeading,
	type ContractEmailFacts,
	formatContractDate,
	Greeting,
	OpenContract,
	Paragraph,
} from './contract-parts.tsx'

export type ContractAcceptedEmailProps = ContractEmailFacts & {
	acceptorName: string
	acceptorOrganisation: string
	versionNumber: number
	startsOn: string
	endsOn: string
}

export function getContractAcceptedSubject({
	contractNumber,
	contractTitle,
}: Pick<ContractEmailFacts, 'contractNumber' | 'contractTitle'>) {
	return `Contract ${contractNumber} accepted: ${contractTitle}`
}

/** To the side whose proposal was accepted: its terms now bind both sides. */
export function ContractAcceptedEmail({
	recipientName,
	contractNumber,
	contractTitle,
	url,
	acceptorName,
	acceptorOrganisation,
	versionNumber,
	startsOn,
	endsOn,
}: ContractAcceptedEmailProps) {
	return (
		<EmailLayout preview={`${acceptorOrganisation} accepted ${contractNumber}`}>
			<ContractHeading>Contract accepted</ContractHeading>
			<Greeting name={recipientName} />
			<Paragraph>
				{acceptorName} ({acceptorOrganisation}) accepted version {versionNumber} of contract {contractNumber}{' '}
				“{contractTitle}”. Its terms are binding from {formatContractDate(startsOn)} to{' '}
				{formatContractDate(endsOn)}.
			</Paragraph>
			<OpenContract url={url} label="View the contract" />
		</EmailLayout>
	)
}
