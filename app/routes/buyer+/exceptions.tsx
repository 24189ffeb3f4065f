import { invariantResponse } from '@epic-web/invariant'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { ExceptionQueue } from '#app/components/orders/exception-queue.tsx'
import { Pager } from '#app/components/pager.tsx'
import {
	assignException,
	countOpenExceptions,
	listOpenExceptions,
	resolveException,
} from '#app/models/order/exceptions.server.ts'
import { listActiveBuyers } from '#app/models/order/ui-options.server.ts'
import {
	actionFailure,
	actionFailureFromAppError,
	EXCEPTION_INTENTS,
	ExceptionActionSchema,
	type ActionFailure,
} from '#app/schemas/order-actions.ts'
import { isAppError, statusForAppError } from '#app/utils/app-error.ts'
import { requireUserWithRole } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { parseSubmission } from '#app/utils/form.server.ts'
import { getPaging } from '#app/utils/paging.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'

const FIELDS = ['ownerUserId', 'resolution']

export async function loader({ request }: LoaderFunctionArgs) {
	await requireUserWithRole(request, 'buyer')
	const paging = getPaging(new URL(request.url))
	const db = getDb()
	const [rows, total, buyers] = await Promise.all([
		listOpenExceptions(db, { limit: paging.limit, offset: paging.offset }),
		countOpenExceptions(db),
		listActiveBuyers(db),
	])
	return { rows, total, buyers, paging }
}

export async function action({ request }: ActionFunctionArgs) {
	const actor = await requireUserWithRole(request, 'buyer')
	const submission = await parseSubmission(request, ExceptionActionSchema)
	if (!submission.success) {
		return data(actionFailure(EXCEPTION_INTENTS, submission.errors, submission.values, FIELDS), {
			status: 400,
		})
	}
	const a = submission.data
	try {
		if (a.intent === 'assign') {
			await assignException(getDb(), { actor, exceptionId: a.exceptionId, ownerUserId: a.ownerUserId })
			return redirectWithToast('/buyer/exceptions', {
				type: 'success',
				title: 'Owner assigned',
				description: 'They have been emailed.',
			})
		}
		await resolveException(getDb(), { actor, exceptionId: a.exceptionId, resolution: a.resolution })
		return redirectWithToast('/buyer/exceptions', {
			type: 'success',
			title: 'Exception resolved',
			description: a.resolution,
		})
	} catch (error) {
		if (!isAppError(error)) throw error
		invariantResponse(error.code !== 'NOT_FOUND' || error.field, 'Not found', { status: 404 })
		const failure = actionFailureFromAppError(EXCEPTION_INTENTS, error, submission.values, FIELDS)
		return data(failure, { status: statusForAppError(error.code) })
	}
}

export const meta: MetaFunction = () => [{ title: 'Exceptions · Buyer · Procura' }]

export default function Exceptions() {
	const { rows, total, buyers, paging } = useLoaderData<typeof loader>()
	const failure = (useActionData<typeof action>() as ActionFailure | undefined) ?? null
	return (
		<div className="stack">
			<h1>Exceptions</h1>
			<p className="muted">
				Orders that need a person: large values waiting for review, orders no supplier could take, deadlines
				breached, disputes and missing information. Oldest first.
			</p>
			{failure && !failure.targetId && failure.message ? (
				<p className="form-error" role="alert">
					{failure.message}
				</p>
			) : null}
			<section aria-labelledby="queue-heading">
				<h2 id="queue-heading">
					{total} open {total === 1 ? 'exception' : 'exceptions'}
				</h2>
				<ExceptionQueue rows={rows} buyers={buyers} failure={failure} />
				<Pager page={paging.page} pageSize={paging.pageSize} total={total} />
			</section>
		</div>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '#app/components/error-boundary.tsx'
