import { invariantResponse } from '@epic-web/invariant'
import { data } from '@remix-run/node'
import { type FieldValues } from 'react-hook-form'
import { type z } from 'zod'
import { getContract } from '#app/models/contract/contracts.server.ts'
import { listTermOptions } from '#app/models/contract/term-options.server.ts'
import { type TermPolicies, termPoliciesOf } from '#app/schemas/contract-terms.ts'
import { contractActionFailure, contractActionFailureFromAppError } from '#app/schemas/contract-failure.ts'
import { isAppError, statusForAppError } from '#app/utils/app-error.ts'
import { getDb } from '#app/utils/db.server.ts'
import { parseSubmission } from '#app/utils/form.server.ts'
import { redirectWithToast, type ToastInput } from '#app/utils/toast.server.ts'

// Shared by the buyer's and the supplier's contract page (each calls its own guard first).

/**
 * The contract as the viewer may see it (`supplierId` scopes it for a supplier:
 * another supplier's contract is as absent as a made-up id) and the term options.
 */
export async function loadContractPage({
	contractId,
	supplierId,
}: {
	contractId: string
	supplierId?: string
}) {
	const db = getDb()
	const [detail, options] = await Promise.all([
		getContract(db, { contractId, supplierId }),
		listTermOptions(db),
	])
	invariantResponse(detail, 'Not found', { status: 404 })
	return { ...detail, ...options }
}

/**
 * One negotiation step posted from a contract page: the contract must be
 * visible to the viewer (404 first, whatever the body), the intent is parsed
 * with the side's schema, applied, and answered with a toast, a 400 with the
 * typed values, or the rule's status.
 */
export async function runContractAction<S extends z.ZodType<FieldValues, FieldValues>>({
	request,
	contractId,
	supplierId,
	buildSchema,
	apply,
	redirectTo,
}: {
	request: Request
	contractId: string
	supplierId?: string
	buildSchema: (policies: TermPolicies, options: { categoryIds: ReadonlySet<string> }) => S
	apply: (intent: z.output<S>, appUrl: string) => Promise<ToastInput>
	redirectTo: string
}) {
	const page = await loadContractPage({ contractId, supplierId })
	const schema = buildSchema(termPoliciesOf(page.classes), {
		categoryIds: new Set(page.categories.map((c) => c.id)),
	})
	const submission = await parseSubmission(request, schema)
	if (!submission.success)
		return data(contractActionFailure(submission.errors, submission.values), { status: 400 })
	try {
		const appUrl = process.env.APP_URL ?? new URL(request.url).origin
		return redirectWithToast(redirectTo, await apply(submission.data, appUrl))
	} catch (error) {
		if (!isAppError(error)) throw error
		invariantResponse(error.code !== 'NOT_FOUND', 'Not found', { status: 404 })
		const failure = contractActionFailureFromAppError(error, submission.values)
		return data(failure, { status: statusForAppError(error.code) })
	}
}
