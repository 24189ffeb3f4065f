// The operations dashboard's URL: ?days=30|90&orderClassId=<uuid>. A value that cannot be read is
// ignored with a message; the page never fails on its URL.
import { z } from 'zod'
import { WINDOW_DAYS, type WindowDays } from './window.ts'

export const DEFAULT_WINDOW_DAYS: WindowDays = 30

const DaysSchema = z.enum(WINDOW_DAYS.map(String) as ['30', '90']).transform((d) => Number(d) as WindowDays)
const ClassIdSchema = z.uuid()

export type OperationsQuery = {
	days: WindowDays
	orderClassId: string | null
	/** What was ignored, in words. */
	messages: string[]
}

export const UNKNOWN_CLASS_MESSAGE = 'The order class in the address was not found, so all classes are shown.'

export function parseOperationsQuery(searchParams: URLSearchParams): OperationsQuery {
	const messages: string[] = []
	const rawDays = searchParams.get('days')?.trim() || null
	const days = rawDays === null ? null : DaysSchema.safeParse(rawDays)
	if (days && !days.success) {
		messages.push(
			`“${truncate(rawDays!)}” is not a period this page shows (30 or 90 days), so the last ${DEFAULT_WINDOW_DAYS} days are shown.`,
		)
	}
	const rawClass = searchParams.get('orderClassId')?.trim() || null
	const orderClassId = rawClass === null ? null : ClassIdSchema.safeParse(rawClass)
	if (orderClassId && !orderClassId.success) messages.push(UNKNOWN_CLASS_MESSAGE)
	return {
		days: days?.success ? days.data : DEFAULT_WINDOW_DAYS,
		orderClassId: orderClassId?.success ? orderClassId.data : null,
		messages,
	}
}

function truncate(text: string) {
	return text.length > 20 ? `${text.slice(0, 20)}…` : text
}
