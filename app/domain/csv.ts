/**
 * CSV text as RFC 4180 describes it, for files opened in spreadsheets: fields
 * separated by commas, records ended by CRLF, a field quoted when it holds a
 * comma, a quote, CR or LF, and quotes inside it doubled.
 */

/** Excel reads a file without it as the local ANSI code page and mangles every é. */
export const CSV_BOM = '\uFEFF'

export const CSV_LINE_END = '\r\n'

// A spreadsheet runs a cell that starts with one of these as a formula ("CSV
// injection"): `=HYPERLINK(...)` in an exported email field could send an
// auditor's data elsewhere. Tab and CR are on OWASP's list too, because some
// spreadsheets skip them before looking for a formula.
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r'])

const NEEDS_QUOTES = /[",\r\n]/

/**
 * The text of one cell before quoting: null and undefined are empty, Dates are
 * ISO 8601 in UTC, plain objects and arrays are JSON. Text that a spreadsheet
 * would run as a formula gets a leading `'`, which spreadsheets show as text
 * and do not evaluate. Numbers are left alone: `-5` is data, not a formula.
 */
export function csvCellText(value: unknown): string {
	if (value === null || value === undefined) return ''
	if (value instanceof Date) return value.toISOString()
	switch (typeof value) {
		case 'string':
			return hardenAgainstFormulas(value)
		case 'number':
		case 'bigint':
		case 'boolean':
			return String(value)
		case 'object':
			return hardenAgainstFormulas(JSON.stringify(value))
		default:
			return hardenAgainstFormulas(String(value))
	}
}

/** `'` before text that starts like a formula; any other text unchanged. */
export function hardenAgainstFormulas(text: string): string {
	return FORMULA_TRIGGERS.has(text.charAt(0)) ? `'${text}` : text
}

/** One field, quoted (quotes doubled) when RFC 4180 requires it. */
export function csvField(value: unknown): string {
	const text = csvCellText(value)
	return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** One record with its CRLF. */
export function csvRecord(values: readonly unknown[]): string {
	return values.map(csvField).join(',') + CSV_LINE_END
}

/**
 * A file name safe inside `Content-Disposition: attachment; filename="…"`:
 * ASCII letters, digits, `.`, `_` and `-` only (no quotes, slashes or header
 * breaks), at most 100 characters, always ending in `.csv`.
 */
export function safeCsvFilename(name: string): string {
	const base = name
		.replace(/\.csv$/i, '')
		.replace(/[^A-Za-z0-9._-]+/g, '-')
		.slice(0, 96)
		.replace(/^[.-]+|[.-]+$/g, '')
	return `${base || 'export'}.csv`
}
