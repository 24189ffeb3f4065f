/**
 * Money is an integer count of minor units (cents) plus an ISO currency code.
 * Formatting goes through a decimal string, so no float ever holds an amount.
 */
export function formatMoney(minor: number, currency: string, locale = 'en-GB') {
	if (!Number.isSafeInteger(minor)) throw new RangeError(`Not an amount in minor units: ${minor}`)
	const digits = Math.abs(minor).toString().padStart(3, '0')
	const decimal = `${minor < 0 ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`
	// Intl.NumberFormat formats decimal strings exactly (no binary rounding).
	return currencyFormat(locale, currency).format(decimal as unknown as number)
}

// Building a NumberFormat costs far more than using one; routing prices every candidate.
const formats = new Map<string, Intl.NumberFormat>()

function currencyFormat(locale: string, currency: string) {
	const key = `${locale}|${currency}`
	let format = formats.get(key)
	if (!format) {
		format = new Intl.NumberFormat(locale, { style: 'currency', currency })
		formats.set(key, format)
	}
	return format
}

const countFormat = new Intl.NumberFormat('en-GB')

/** A whole number with thousands separators: 12500 → "12,500". */
export function formatQuantity(n: number) {
	return countFormat.format(n)
}

/** Parses "1,234.5" or "1234.50" typed by a person into minor units; null when it is not an amount. */
export function parseMoney(text: string): number | null {
	const cleaned = text.trim().replace(/[\s,]/g, '')
	const match = /^(\d{1,13})(?:\.(\d{1,2}))?$/.exec(cleaned)
	if (!match) return null
	const minor = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'))
	return Number.isSafeInteger(minor) ? minor : null
}

/** Basis points as a percentage string for people: 1250 → "12.5 %". */
export function formatBasisPoints(bps: number) {
	const whole = Math.trunc(bps / 100)
	const fraction = Math.abs(bps % 100)
	const text = fraction === 0 ? `${whole}` : `${whole}.${String(fraction).padStart(2, '0').replace(/0$/, '')}`
	return `${text} %`
}
