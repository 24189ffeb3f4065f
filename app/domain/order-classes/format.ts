// How policy numbers read to a person: durations in human units, money from integer minor units.

const MINUTES_PER_HOUR = 60
const MINUTES_PER_DAY = 24 * MINUTES_PER_HOUR

const GROUPED = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 })

/** A whole number with thousands separators: 10000 → "10,000". */
export function formatCount(n: number): string {
	return GROUPED.format(n)
}

/**
 * A duration given in minutes, in the largest unit that reads exactly:
 * 30 → "30 min", 90 → "1 h 30 min", 1440 → "24 h", 2880 → "2 days".
 * Days start at two, so a day-long deadline still reads as "24 h".
 */
export function formatMinutes(minutes: number): string {
	if (minutes < MINUTES_PER_HOUR) return `${minutes} min`
	if (minutes % MINUTES_PER_DAY === 0 && minutes >= 2 * MINUTES_PER_DAY) {
		return `${formatCount(minutes / MINUTES_PER_DAY)} days`
	}
	const hours = Math.floor(minutes / MINUTES_PER_HOUR)
	const rest = minutes % MINUTES_PER_HOUR
	return rest === 0 ? `${formatCount(hours)} h` : `${formatCount(hours)} h ${rest} min`
}

/** A duration given in hours: 8 → "8 h", 120 → "5 days". */
export function formatHours(hours: number): string {
	return formatMinutes(hours * MINUTES_PER_HOUR)
}

/** Currencies a policy may be expressed in; all have two minor digits (cents, pence, øre, grosze). */
export const SUPPORTED_CURRENCIES = ['EUR', 'GBP', 'USD', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN'] as const
export type Currency = (typeof SUPPORTED_CURRENCIES)[number]

export function isSupportedCurrency(value: string): value is Currency {
	return (SUPPORTED_CURRENCIES as readonly string[]).includes(value)
}

const MINOR_DIGITS = 2
const MINOR_PER_MAJOR = 10 ** MINOR_DIGITS

/** Money in minor units with its currency code: 1000000, 'EUR' → "EUR 10,000.00". */
export function formatMoneyMinor(minor: number, currency: string): string {
	const sign = minor < 0 ? '-' : ''
	const abs = Math.abs(minor)
	const major = Math.floor(abs / MINOR_PER_MAJOR)
	const cents = String(abs % MINOR_PER_MAJOR).padStart(MINOR_DIGITS, '0')
	return `${currency} ${sign}${formatCount(major)}.${cents}`
}

/** Minor units as a person would type them back: 1000000 → "10000", 1000050 → "10000.50". */
export function minorToInput(minor: number): string {
	const major = Math.trunc(minor / MINOR_PER_MAJOR)
	const cents = Math.abs(minor % MINOR_PER_MAJOR)
	return cents === 0 ? String(major) : `${major}.${String(cents).padStart(MINOR_DIGITS, '0')}`
}

export type ParsedMoney =
	| { ok: true; minor: number }
	| { ok: false; reason: 'format' | 'negative' | 'too_large' }

/** The largest amount a policy stores (PostgreSQL integer). */
export const MAX_MINOR = 2_147_483_647

/**
 * Reads an amount typed in major units ("10000", "10,000.50", "10 000") into
 * integer minor units with string arithmetic, so no float ever rounds a cent.
 */
export function parseMoneyToMinor(text: string): ParsedMoney {
	const compact = text.trim().replace(/[\s,]/g, '')
	if (compact.startsWith('-')) return { ok: false, reason: 'negative' }
	const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(compact)
	if (!match) return { ok: false, reason: 'format' }
	const majorDigits = match[1]!.replace(/^0+(?=\d)/, '')
	// More digits than any allowed amount has: refuse before Number() loses precision.
	if (majorDigits.length > 10) return { ok: false, reason: 'too_large' }
	const minor = Number(majorDigits) * MINOR_PER_MAJOR + Number((match[2] ?? '').padEnd(MINOR_DIGITS, '0'))
	if (minor > MAX_MINOR) return { ok: false, reason: 'too_large' }
	return { ok: true, minor }
}
