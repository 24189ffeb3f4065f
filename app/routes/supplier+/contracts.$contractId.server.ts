// The supplier contract page's mutations, always for the session's own supplier.
import { acceptProposal, counterProposal, withdrawProposal } from '#app/models/contract/contracts.server.ts'
import { type SupplierContractAction } from '#app/schemas/contract.ts'
import { type SupplierSessionUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { type ToastInput } from '#app/utils/toast.server.ts'

/** Applies one supplier intent and says what happened, for the toast. */
export async function applySupplierContractAction(
	user: SupplierSessionUser,
	contractId: string,
	intent: SupplierContractAction,
	appUrl: string,
): Promise<ToastInput> {
	const db = getDb()
	const scope = {
		actor: user,
		side: 'supplier' as const,
		supplierId: user.supplierId,
		contractId,
		expectedLockVersion: intent.expectedLockVersion,
	}
	switch (intent.intent) {
		case 'accept':
			await acceptProposal(db, { ...scope, versionId: intent.versionId, appUrl })
			return { type: 'success', title: 'Proposal accepted', description: 'Its terms are now binding.' }
		case 'counter':
			await counterProposal(db, {
				...scope,
				basedOnVersionId: intent.basedOnVersionId,
				terms: intent.terms,
				note: intent.note,
				appUrl,
			})
			return { type: 'success', title: 'Counter-proposal sent', description: 'The buyer has been emailed.' }
		case 'withdraw':
			await withdrawProposal(db, { ...scope, versionId: intent.versionId })
			return {
				type: 'success',
				title: 'Counter-proposal withdrawn',
				description: 'The buyer can no longer accept it.',
			}
	}
}
