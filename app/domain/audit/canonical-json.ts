export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue }

/**
 * Deterministic JSON text for hashing: object keys sorted recursively (by UTF-16
 * code units, as RFC 8785 does), no whitespace, Dates as ISO strings, undefined
 * object properties dropped. Numbers and strings are written by JSON.stringify,
 * whose shortest round-trip number form is what RFC 8785 prescribes too.
 *
 * Throws a TypeError for anything JSON cannot carry faithfully (non-finite
 * numbers, bigints, functions, symbols, cycles, Maps and other class instances)
 * rather than letting JSON.stringify silently drop or mangle it: a value that
 * cannot be hashed exactly has no place in the audit trail.
 */
export function canonicalJson(value: unknown): string {
	if (value === undefined) throw new TypeError('undefined is not a JSON value')
	return write(value, new Set())
}

/**
 * The JSON value that `canonicalJson(value)` describes: what a jsonb column (or any
 * JSON parser) returns for it. Hash this, not the original, so the stored row verifies.
 */
export function normalizeJson(value: unknown): JsonValue {
	return JSON.parse(canonicalJson(value)) as JsonValue
}

function write(value: unknown, ancestors: Set<object>): string {
	if (value === null) return 'null'
	switch (typeof value) {
		case 'boolean':
		case 'string':
			return JSON.stringify(value)
		case 'number':
			if (!Number.isFinite(value)) throw new TypeError(`${value} is not a JSON number`)
			return JSON.stringify(value)
		case 'object':
			break
		default:
			throw new TypeError(`a ${typeof value} is not a JSON value`)
	}
	if (value instanceof Date) return JSON.stringify(value.toISOString())
	if (ancestors.has(value)) throw new TypeError('a cyclic structure is not a JSON value')
	ancestors.add(value)
	try {
		if (Array.isArray(value)) {
			// undefined in an array becomes null, as JSON.stringify does: dropping it would shift the indices.
			return `[${value.map((item) => (item === undefined ? 'null' : write(item, ancestors))).join(',')}]`
		}
		if (!isPlainObject(value)) {
			throw new TypeError(`a ${value.constructor?.name ?? 'non-plain'} object is not a JSON value`)
		}
		const record = value as Record<string, unknown>
		const members: string[] = []
		for (const key of Object.keys(record).sort()) {
			const member = record[key]
			if (member === undefined) continue
			members.push(`${JSON.stringify(key)}:${write(member, ancestors)}`)
		}
		return `{${members.join(',')}}`
	} finally {
		// Only ancestors count as cycles: the same object may appear twice side by side.
		ancestors.delete(value)
	}
}

function isPlainObject(value: object) {
	const prototype: unknown = Object.getPrototypeOf(value)
	return prototype === Object.prototype || prototype === null
}
