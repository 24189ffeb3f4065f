// Resource route for the intake form's live preview: what placing the order would find right now.
import { type LoaderFunctionArgs } from '@remix-run/node'
import { previewOrder } from '#app/models/order/place-order.server.ts'
import { buildPreviewQuerySchema } from '#app/schemas/order.ts'
import { isAppError } from '#app/utils/app-error.ts'
import { requireUserWithRole } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	await requireUserWithRole(request, 'buyer')
	const query = buildPreviewQuerySchema().parse(Object.fromEntries(new URL(request.url).searchParams))
	if (!query.orderClassId || !query.categoryId) return { preview: null }
	const { orderClassId, categoryId, ...rest } = query
	const input = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined))
	try {
		return { preview: await previewOrder(getDb(), { input: { orderClassId, categoryId, ...input } }) }
	} catch (error) {
		// An unknown class or category is the preview's answer, not a failure.
		if (!isAppError(error, 'RULE_VIOLATION') && !isAppError(error, 'NOT_FOUND')) throw error
		const issues = [{ field: error.field ?? 'orderClassId', message: error.message }]
		return {
			preview: { estimate: null, capableSupplierCount: 0, shortestLeadTimeHours: null, warnings: [], issues },
		}
	}
}
