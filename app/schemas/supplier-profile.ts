// The supplier profile form's schema, shared by the form (zodResolver) and its action.
import { z } from 'zod'
import { isIanaTimeZone } from '#app/domain/time-zone.ts'
import { isRegion, REGIONS } from '#app/domain/regions.ts'
import { EmailSchema } from './auth.ts'

// Digits with the separators people write; 5 to 30 characters.
const PHONE = /^\+?[0-9][0-9 ()./-]{3,28}[0-9]$/

export const SupplierProfileSchema = z.object({
	name: z
		.string({ error: "Enter your organisation's name." })
		.trim()
		.min(1, "Enter your organisation's name.")
		.max(200, 'Use at most 200 characters.'),
	contactEmail: EmailSchema,
	contactPhone: z
		.string()
		.trim()
		.max(30, 'Use at most 30 characters.')
		.refine((p) => p === '' || PHONE.test(p), 'Enter a phone number, like +44 20 7946 0101.')
		.optional()
		.transform((p) => p || null),
	regions: z
		.array(z.string().max(64), { error: 'Choose at least one region.' })
		.min(1, 'Choose at least one region.')
		.max(REGIONS.length * 2, 'Choose regions from the list.')
		.refine((chosen) => chosen.every(isRegion), 'Choose regions from the list.')
		// Stored in the fixed list's order and without repeats.
		.transform((chosen) => REGIONS.filter((r) => chosen.includes(r))),
	timeZone: z
		.string({ error: 'Choose a time zone.' })
		.trim()
		.min(1, 'Choose a time zone.')
		.refine(isIanaTimeZone, 'Choose a time zone from the list, like Europe/Berlin.'),
	// supplierProfileValuesFrom turns a posted checkbox ("on" or absent) into this boolean.
	available24x7: z.boolean({ error: 'Tick the box or leave it empty.' }),
})
export type SupplierProfileForm = z.input<typeof SupplierProfileSchema>
export type SupplierProfile = z.output<typeof SupplierProfileSchema>

/** A posted profile form as the schema reads it: repeated `regions` checkboxes become a list. */
export function supplierProfileValuesFrom(formData: FormData): Record<string, unknown> {
	const text = (key: string) => {
		const value = formData.get(key)
		return typeof value === 'string' ? value : undefined
	}
	return {
		name: text('name'),
		contactEmail: text('contactEmail'),
		contactPhone: text('contactPhone'),
		regions: formData.getAll('regions').filter((r) => typeof r === 'string'),
		timeZone: text('timeZone'),
		available24x7: text('available24x7') === 'on' || text('available24x7') === 'true',
	}
}
