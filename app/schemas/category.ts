// Shared by the category forms (react-hook-form + zodResolver) and their actions.
import { z } from 'zod'
import { keyFromName } from '#app/domain/order-classes/catalog-key.ts'
import { OptionalKey, resolveKey } from './order-class.ts'

export const CategoryDetailsSchema = z.object({
	name: z
		.string({ error: 'Enter a name.' })
		.trim()
		.min(1, 'Enter a name.')
		.max(80, 'Use at most 80 characters.'),
	description: z
		.string()
		.trim()
		.max(500, 'Use at most 500 characters.')
		.optional()
		.transform((d) => d ?? ''),
})
export type CategoryDetails = z.infer<typeof CategoryDetailsSchema>
export type CategoryDetailsInput = z.input<typeof CategoryDetailsSchema>

export const NewCategorySchema = z
	.object({ ...CategoryDetailsSchema.shape, key: OptionalKey })
	.superRefine((data, ctx) => void resolveKey(data, ctx))
	.transform(({ key, ...data }) => ({ ...data, key: key || keyFromName(data.name) }))
export type NewCategory = z.output<typeof NewCategorySchema>
export type NewCategoryInput = z.input<typeof NewCategorySchema>

/** The forms on a category's page. */
export const CategoryPageActionSchema = z.discriminatedUnion('intent', [
	CategoryDetailsSchema.extend({ intent: z.literal('details') }),
	z.object({ intent: z.literal('retire') }),
	z.object({ intent: z.literal('reinstate') }),
])

/** The retire/reinstate buttons of the list: one form field `intent` selects the mutation. */
export const CategoryListActionSchema = z.discriminatedUnion('intent', [
	z.object({ intent: z.literal('retire'), categoryId: z.uuid() }),
	z.object({ intent: z.literal('reinstate'), categoryId: z.uuid() }),
])
export type CategoryListAction = z.infer<typeof CategoryListActionSchema>
