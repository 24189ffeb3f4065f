import { zodResolver } from '@hookform/resolvers/zod'
import { type FieldErrors, type FieldValues } from 'react-hook-form'
import { type z } from 'zod'

/**
 * Validates values read from a posted form with the schema the browser form
 * uses, giving react-hook-form's error shape (`rows.2.weeklyCapacity`) so the
 * messages land next to the same fields on the page.
 */
export async function validateValues<S extends z.ZodType<FieldValues, FieldValues>>(
	schema: S,
	values: Record<string, unknown>,
): Promise<{ success: true; data: z.output<S> } | { success: false; errors: FieldErrors }> {
	const resolver = zodResolver(schema as z.ZodType<FieldValues, FieldValues>)
	const result = await resolver(values, undefined, { fields: {}, shouldUseNativeValidation: false })
	if (Object.keys(result.errors).length > 0) return { success: false, errors: result.errors }
	return { success: true, data: result.values as z.output<S> }
}
