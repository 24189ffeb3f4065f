// The buyer contract page's mutations: one per intent, each a single model call.
import { type ToastInput } from '#app/utils/toast.server.ts'
import {
	acceptProposal,
	counterProposal,
	saveDraftTerms,
	sendProposal,
	startRevision,
	terminateContract,
	withdrawProposal,
} from '#app/models/contract/contracts.server.ts'
import { type BuyerContractAction } from '#app/schemas/contract.ts'
import { type SessionUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'

/** Applies one buyer intent and says what happened, for the toast. */
export async function applyBuyerContractAction(
	actor: SessionUser,
	contractId: string,
	intent: BuyerContractAction,
	appUrl: string,
): Promise<ToastInput> {
	const db = getDb()
	const lock = { actor, contractId, expectedLockVersion: intent.expectedLockVersion }
	switch (intent.intent) {
		case 'save-draft':
			await saveDraftTerms(db, { ...lock, terms: intent.terms, note: intent.note })
			return {
				type: 'success',
				title: 'Draft saved',
				description: 'The supplier sees nothing until you send it.',
			}
		case 'send':
			await sendProposal(db, { ...lock, appUrl })
			return {
				type: 'success',
				title: 'Proposal sent',
				description: "The supplier's users have been emailed.",
			}
		case 'accept':
			await acceptProposal(db, { ...lock, side: 'buyer', versionId: intent.versionId, appUrl })
			return { type: 'success', title: 'Proposal accepted', description: 'Its terms are now binding.' }
		case 'counter':
			await counterProposal(db, {
				...lock,
				side: 'buyer',
				basedOnVersionId: intent.basedOnVersionId,
				terms: intent.terms,
				note: intent.note,
				appUrl,
			})
			return {
				type: 'success',
				title: 'Counter-proposal sent',
				description: 'The supplier has been emailed.',
			}
		case 'withdraw': {
			const { draftVersionId } = await withdrawProposal(db, {
				...lock,
				side: 'buyer',
				versionId: intent.versionId,
			})
			const description = draftVersionId
				? 'Its terms are back in a draft for you to edit.'
				: 'The supplier can no longer accept it.'
			return { type: 'success', title: 'Proposal withdrawn', description }
		}
		case 'start-revision':
			await startRevision(db, lock)
			return { type: 'success', title: 'Revision started', description: 'Edit the draft, then send it.' }
		case 'terminate':
			await terminateContract(db, { ...lock, reason: intent.reason, appUrl })
			return { type: 'success', title: 'Contract terminated', description: 'The supplier has been told.' }
	}
}
