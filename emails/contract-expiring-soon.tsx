import { EmailLayout } from './components/layout.tsx'
import {
	ContractHeading,
	type ContractEmailFacts,
	formatContractDate,
	Greeting,
	OpenContract,
	Paragraph,
} from './contract-parts.tsx'

export type ContractExpiringSoonEmailProps = ContractEmailFacts & { endsOn: string; daysLeft: number }

export function getContractExpiringSoonSubject({
	contractNumber,
	contractTitle,
	endsOn,
}: Pick<ContractEmailFacts, 'contractNumber' | 'contractTitle'> & { endsOn: string }) {
	return `Contract ${contractNumber} ends on ${formatContractDate(endsOn)}: ${contractTitle}`
}

/** To both sides, once, when an active contract is 30 days or less from its end. */
export function ContractExpiringSoonEmail({
	recipientName,
	contractNumber,
	contractTitle,
	supplierName,
	url,
	endsOn,
	daysLeft,
}: ContractExpiringSoonEmailProps) {
	const when = daysLeft <= 0 ? 'today' : `in ${daysLeft} ${daysLeft === 1 ? 'day' : 'days'}`
	return (
		<EmailLayout preview={`Contract ${contractNumber} with ${supplierName} ends ${when}`}>
			<ContractHeading>Contract ending soon</ContractHeading>
			<Greeting name={recipientName} />
			<Paragraph>
				Contract {contractNumber} “{contractTitle}” with {supplierName} ends on {formatContractDate(endsOn)} (
				{when}). After that day its terms no longer apply. To continue, agree a new contract before then.
			</Paragraph>
			<OpenContract url={url} label="View the contract" />
		</EmailLayout>
	)
}
