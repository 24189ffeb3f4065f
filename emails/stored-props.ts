/**
 * Template props as the outbox stores them (jsonb). JSON has no dates, and the
 * templates take Date props, so a Date travels as `{ "$date": "<ISO>" }` and
 * comes back as a Date. Anything JSON would silently change or drop (functions,
 * React elements, class instances, NaN, bigint) is refused at queue time rather
 * than discovered as a broken email at delivery time.
 */
export function encodeEmailProps(value: unknown, path = 'props'): unknown {
	if (value === null || typeof value === 'string' || typeof value === 'boolean') return value
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) throw new TypeError(`${path} is ${value}, which JSON cannot store`)
		return value
	}
	if (value instanceof Date) {
		if (Number.isNaN(value.getTime())) throw new TypeError(`${path} is an invalid Date`)
		return { $date: value.toISOString() }
	}
	if (Array.isArray(value)) return value.map((item, i) => encodeEmailProps(item ?? null, `${path}[${i}]`))
	if (typeof value === 'object' && isPlainObject(value)) {
		// fromEntries, not assignment: a member named __proto__ stays a member.
		return Object.fromEntries(
			Object.entries(value)
				// Absent and undefined read the same in a template; JSON keeps neither.
				.filter(([, member]) => member !== undefined)
				.map(([key, member]) => [key, encodeEmailProps(member, `${path}.${key}`)]),
		)
	}
	throw new TypeError(`${path} (${describe(value)}) cannot be stored with an outbox email`)
}

/** The inverse of encodeEmailProps on what jsonb gives back. */
export function decodeEmailProps(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(decodeEmailProps)
	if (value !== null && typeof value === 'object') {
		const entries = Object.entries(value)
		if (entries.length === 1 && entries[0]![0] === '$date' && typeof entries[0]![1] === 'string') {
			return new Date(entries[0]![1])
		}
		return Object.fromEntries(entries.map(([key, member]) => [key, decodeEmailProps(member)]))
	}
	return value
}

function isPlainObject(value: object) {
	const proto = Object.getPrototypeOf(value)
	// React elements are plain objects too; their $$typeof marks them.
	return (proto === Object.prototype || proto === null) && !('$$typeof' in value)
}

function describe(value: unknown) {
	if (typeof value === 'function') return 'a function'
	if (typeof value === 'object' && value !== null) {
		if ('$$typeof' in value) return 'a React element'
		return `an instance of ${value.constructor?.name ?? 'an unknown class'}`
	}
	return typeof value
}
