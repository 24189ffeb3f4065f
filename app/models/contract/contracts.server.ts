// The contracts model in one import for routes; each function lives in the file named after its concept.
export { acceptProposal, type AcceptProposalInput } from './accept-proposal.server.ts'
export { CONFLICT_MESSAGE, type ContractActor } from './contract-access.server.ts'
export { counterProposal, type CounterProposalInput } from './counter-proposal.server.ts'
export { createContractDraft, type CreateContractDraftInput } from './create-contract.server.ts'
export { MAX_NOTE_LENGTH, saveDraftTerms, sendProposal, startRevision } from './draft-contract.server.ts'
export {
	type ContractDetail,
	type ContractVersionView,
	getContract,
	type TermView,
} from './get-contract.server.ts'
export { type ContractListFilter, type ContractListRow, listContracts } from './list-contracts.server.ts'
export { terminateContract, type TerminateContractInput } from './terminate-contract.server.ts'
export { withdrawProposal, type WithdrawProposalInput } from './withdraw-proposal.server.ts'
