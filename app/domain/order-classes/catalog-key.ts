// Keys of order classes and categories: stable slugs that code and data refer to ("emergency", "hr-services").

export const KEY_MAX_LENGTH = 40

/** Lowercase letters and digits in groups joined by single hyphens. */
export const KEY_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

export function isValidKey(key: string): boolean {
	return key.length >= 2 && key.length <= KEY_MAX_LENGTH && KEY_PATTERN.test(key)
}

/**
 * A key made from a name: "HR Services (EU)" → "hr-services-eu", "Café Relève" → "cafe-releve".
 * Empty when the name has no Latin letters or digits to build one from.
 */
export function keyFromName(name: string): string {
	const slug = name
		.normalize('NFKD')
		// Accents become separate marks after NFKD; drop them so "é" keys as "e".
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
	return slug.slice(0, KEY_MAX_LENGTH).replace(/-+$/, '')
}
