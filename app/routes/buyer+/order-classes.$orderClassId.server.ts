// The class page's action: one schema for its forms (details, policy, retire, reinstate), one model call each.
import { invariantResponse } from '@epic-web/invariant'
import { data } from '@remix-run/node'
import { changeOrderClassPolicy } from '#app/models/order-class/change-policy.server.ts'
import { type OrderClassActor } from '#app/models/order-class/create-order-class.server.ts'
import { getOrderClass } from '#app/models/order-class/order-class-page.server.ts'
import {
	setOrderClassRetired,
	updateOrderClassDetails,
} from '#app/models/order-class/update-order-class.server.ts'
import {
	orderClassPageActionSchema,
	POLICY_TEXT_FIELDS,
	refillValues,
	toPolicyValues,
	type OrderClassPageAction,
} from '#app/schemas/order-class.ts'
import { getDb } from '#app/utils/db.server.ts'
import { parseSubmission, pickValues, type FormValues } from '#app/utils/form.server.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'
import { formFailure } from './__order-classes.form.server.ts'

const DETAILS_FIELDS = ['name', 'description', 'priorityRank']

/** What a failed form gets back, for the form it came from. */
function echo(values: FormValues) {
	const intent = typeof values.intent === 'string' ? values.intent : null
	const basedOn = Number(values.basedOnVersion)
	return {
		intent,
		defaultValues:
			intent === 'policy'
				? refillValues(values, [...POLICY_TEXT_FIELDS, 'changeNote'])
				: pickValues(values, DETAILS_FIELDS),
		basedOnVersion: Number.isInteger(basedOn) ? basedOn : null,
	}
}

export async function handleOrderClassAction(
	request: Request,
	{ actor, orderClassId }: { actor: OrderClassActor; orderClassId: string },
) {
	const orderClass = await getOrderClass(getDb(), { orderClassId })
	invariantResponse(orderClass, 'Not found', { status: 404 })
	const submission = await parseSubmission(request, orderClassPageActionSchema(orderClass.key))
	const { defaultValues, ...context } = echo(submission.values)
	if (!submission.success) {
		return data({ ...context, errors: submission.errors, defaultValues, conflict: false }, { status: 400 })
	}
	try {
		const done = await apply(actor, orderClass.id, submission.data)
		return redirectWithToast(`/buyer/order-classes/${orderClass.id}`, { type: 'success', ...done })
	} catch (error) {
		return formFailure(error, defaultValues, context)
	}
}

async function apply(
	actor: OrderClassActor,
	orderClassId: string,
	action: OrderClassPageAction,
): Promise<{ title: string; description: string }> {
	const db = getDb()
	switch (action.intent) {
		case 'details': {
			const { changed } = await updateOrderClassDetails(db, { actor, orderClassId, details: action })
			return changed
				? { title: 'Details saved', description: `${action.name} is updated.` }
				: { title: 'Nothing changed', description: 'The name, description and rank were already these.' }
		}
		case 'policy': {
			const { version } = await changeOrderClassPolicy(db, {
				actor,
				orderClassId,
				basedOnVersion: action.basedOnVersion,
				policy: toPolicyValues(action),
				changeNote: action.changeNote,
			})
			return {
				title: `Policy version ${version} saved`,
				description: 'New orders of this class use it from now on.',
			}
		}
		case 'retire':
		case 'reinstate': {
			const retired = action.intent === 'retire'
			const { name, changed } = await setOrderClassRetired(db, { actor, orderClassId, retired })
			if (!changed)
				return {
					title: 'Nothing changed',
					description: `${name} was already ${retired ? 'retired' : 'in use'}.`,
				}
			return retired
				? { title: 'Class retired', description: `${name} is no longer offered for new orders.` }
				: { title: 'Class reinstated', description: `${name} is in use again.` }
		}
	}
}
