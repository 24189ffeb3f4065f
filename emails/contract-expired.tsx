import { EmailLayout } from './components/layout.tsx'
import {
	ContractHeading,
	type ContractEmailFacts,
	formatContractDate,
	Greeting,
	OpenContract,
	Paragraph,
} from './contract-parts.tsx'

export type ContractExpiredEmailProps = ContractEmailFacts & { endsOn: string }

export function getContractExpiredSubject({
	contractNumber,
	contractTitle,
}: Pick<ContractEmailFacts, 'contractNumber' | 'contractTitle'>) {
	return `Contract ${contractNumber} has expired: ${contractTitle}`
}

/** To both sides when the expiry job closes a contract after its end date. */
export function ContractExpiredEmail({
	recipientName,
	contractNumber,
	contractTitle,
	supplierName,
	url,
	endsOn,
}: ContractExpiredEmailProps) {
	return (
		<EmailLayout preview={`Contract ${contractNumber} with ${supplierName} has expired`}>
			<ContractHeading>Contract expired</ContractHeading>
			<Greeting name={recipientName} />
			<Paragraph>
				Contract {contractNumber} “{contractTitle}” with {supplierName} ended on {formatContractDate(endsOn)}{' '}
				and is now expired. Its terms no longer apply to new orders.
			</Paragraph>
			<OpenContract url={url} label="View the contract" />
		</EmailLayout>
	)
}
