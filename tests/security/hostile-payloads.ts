// Random and malformed form bodies for an action, built from the fields its schema reads
// (schema-fields.ts): each field gets a value its schema accepts, a hostile one, none, or two;
// names are sometimes garbage, nested the wrong way or indexed absurdly; the body is urlencoded,
// multipart (with files), or JSON sent with a content type that does not say so.
import fc from 'fast-check'
import { buildRequest } from '#tests/utils/route.ts'
import { INDEX, KEY, type FieldSpec, type FormVariant } from './schema-fields.ts'

export type FileValue = { file: string; name: string; type: string }
export type FieldValue = string | FileValue
export type Entry = readonly [name: string, value: FieldValue]
export type Encoding = 'urlencoded' | 'multipart' | 'json'
export type Payload = { entries: Entry[]; encoding: Encoding; contentType?: string }

/** Values accepted by field name, from the world: real ids, the current month, versions. */
export type KnownValues = Record<string, readonly string[]>

const HUGE = [
	'x'.repeat(100_000),
	'😀'.repeat(50_000),
	'9'.repeat(100_000),
	`${'a\u0000'.repeat(500)}`,
	JSON.stringify(Array.from({ length: 5000 }, () => 'EU-West')),
]

const NUMBERS = [
	'-1',
	'0',
	'-0',
	'1e308',
	'-1e308',
	'1e-308',
	'9'.repeat(400),
	'NaN',
	'Infinity',
	'-Infinity',
	'0x1F',
	'1_000',
	'1.5',
	'+1',
	' 1 ',
	'1,000.50',
	'2147483648',
	'9007199254740993',
	'١٢٣',
	'１２',
]

const SHAPES = [
	'',
	' ',
	'\t\r\n',
	'null',
	'undefined',
	'true',
	'false',
	'on',
	'[]',
	'{}',
	'[object Object]',
	'{"a":1}',
	'["EU-West","EU-West"]',
	'["\\u0000"]',
	'["\\ud800"]',
	'[{"orderClassId":"\\u0000","priceTiers":{"length":1e9}}]',
	'{"__proto__":{"polluted":true}}',
	'[1,2,3]',
]

const TEXT = [
	'\u0000',
	'a\u0000b',
	'\uD800',
	'x\uDFFFy',
	'😀𝌆',
	'\u202Eevil\u202C',
	'مرحبا',
	'שלום עולם',
	'Z\u0351\u036B\u0343\u036A\u0302\u036B\u033D\u034F\u0334\u0319A',
	'\uFEFF',
	'\u200B',
	'e\u0301',
	'--boundary\r\nContent-Disposition: form-data; name="intent"\r\n\r\nx',
	'%00',
	'%',
	'\\',
	"'; drop table users; --",
	'<script>alert(1)</script>',
	'${7*7}{{7*7}}',
	'../../etc/passwd',
	'http://evil.example/',
	'//evil.example',
	'2024-02-30',
	'0000-00-00',
	'0000-01-01',
	'-000001-01-01',
	'+275760-09-13T00:00:00.000Z',
	'2024-13-01',
	'1970-01-01T00:00',
	'9999-12-31T23:59:59.999Z',
	'2024-01-01T25:00',
	'00000000-0000-0000-0000-000000000000',
	'ffffffff-ffff-ffff-ffff-ffffffffffff',
	'@',
	'a@b',
	'"a"@b.c',
]

/** A value no form should ever send: wrong type, absurd size, odd unicode, numbers at the edges. */
export const hostileValue: fc.Arbitrary<string> = fc.oneof(
	{ weight: 6, arbitrary: fc.constantFrom(...NUMBERS, ...SHAPES, ...TEXT) },
	{ weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
	{ weight: 1, arbitrary: fc.double().map(String) },
	{ weight: 1, arbitrary: fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String) },
	{ weight: 1, arbitrary: fc.uuid().map((id) => `${id} `) },
	{ weight: 1, arbitrary: fc.constantFrom(...HUGE) },
)

const fileValue: fc.Arbitrary<FileValue> = fc.record({
	file: fc.constantFrom('', 'plain text', '\u0000\u0001\u0002', 'x'.repeat(10_000)),
	name: fc.constantFrom('evil.txt', '../../passwd', 'a\u0000b.png', '😀.csv'),
	type: fc.constantFrom('text/plain', 'application/octet-stream', 'image/png'),
})

function leafName(field: FieldSpec) {
	return [...field.path].reverse().find((p) => p !== INDEX && p !== KEY) ?? ''
}

/**
 * Values the field's schema (or the world) says are right (`core`), and values its checks accept
 * at their very edges (`edges`: the longest text, astral and RTL characters, year 0000).
 */
export function acceptedValues(field: FieldSpec, known: KnownValues): { core: string[]; edges: string[] } {
	const { leaf } = field
	const core = [...leaf.options, ...(known[leafName(field)] ?? [])]
	const edges: string[] = []
	if (leaf.formats.includes('uuid'))
		edges.push('5b0c3e6e-1f2a-4c3d-8e4f-000000000001', '00000000-0000-0000-0000-000000000000')
	if (leaf.formats.includes('email')) core.push('fuzz@procura.test', ' Fuzz@Procura.TEST ')
	if (leaf.formats.includes('date')) {
		core.push('2030-01-31')
		edges.push('0000-01-01', '9999-12-31', '2028-02-29')
	}
	if (leaf.types.includes('boolean')) core.push('on', 'true', 'false')
	if (leaf.types.includes('number')) core.push('0', '1', '42')
	if (leaf.maxLength !== undefined && leaf.maxLength <= 5000)
		edges.push('v'.repeat(leaf.maxLength), `${'😀'.repeat(Math.floor(leaf.maxLength / 2))}`)
	// Free text takes anything short enough: including what no database or page expects.
	if (leaf.types.includes('string') && leaf.options.length === 0 && leaf.formats.length === 0)
		edges.push('Edge \u0000 nul', 'Edge 😀𝌆 \u202Eright-to-left', '  Edge padded  ', 'Edge <b>&amp;</b>')
	if (leaf.minLength) edges.push(`${'\u202E'}${'w'.repeat(Math.max(leaf.minLength - 1, 0))}`)
	if (core.length === 0) core.push('Hostile input test', '1', '12')
	return { core: [...new Set(core)], edges: [...new Set(edges)] }
}

/** The index and record key a payload uses for all its rows (so its names agree), and odd ones now and then. */
type Slots = { index: string; key: string }

const ODD_INDEXES = ['-1', '00', '1e3', 'x', '999999', '4294967295', '']
const ODD_KEYS = ['', 'no-such-key', '0']

/** The field's posted name: `#` and `*` filled in, rarely with an odd index or key, or in bracket notation. */
function nameArb(field: FieldSpec, slots: Slots): fc.Arbitrary<string> {
	const odd = (usual: string, odds: string[]) =>
		fc.oneof(
			{ weight: 30, arbitrary: fc.constant(usual) },
			{ weight: 1, arbitrary: fc.constantFrom(...odds) },
		)
	const parts = field.path.map((p) =>
		p === INDEX ? odd(slots.index, ODD_INDEXES) : p === KEY ? odd(slots.key, ODD_KEYS) : fc.constant(p),
	)
	return fc.tuple(fc.tuple(...parts), fc.nat(39)).map(([segments, style]) => {
		const name = segments.join('.')
		if (style === 0) return segments.map((s, i) => (i === 0 ? s : `[${s}]`)).join('')
		if (style < 4 && field.repeated) return `${name}[]`
		return name
	})
}

/** How a field is filled: as its schema wants, wrongly, or either way at random. */
type Flavour = 'good' | 'bad' | 'any'

function valueArb(field: FieldSpec, known: KnownValues, flavour: Flavour): fc.Arbitrary<FieldValue> {
	const { core, edges } = acceptedValues(field, known)
	const accepted = edges.length
		? fc.oneof(
				{ weight: 5, arbitrary: fc.constantFrom(...core) },
				{ weight: 1, arbitrary: fc.constantFrom(...edges) },
			)
		: fc.constantFrom(...core)
	if (flavour === 'good') return accepted
	const hostile = fc.oneof({ weight: 4, arbitrary: hostileValue }, { weight: 1, arbitrary: fileValue })
	return flavour === 'bad'
		? hostile
		: fc.oneof({ weight: 6, arbitrary: accepted }, { weight: 5, arbitrary: hostile })
}

/** One field's entries: usually one value; a bad field may also be missing or sent twice. */
function fieldEntries(field: FieldSpec, known: KnownValues, slots: Slots, flavour: Flavour) {
	const value = valueArb(field, known, flavour)
	return fc.tuple(nameArb(field, slots), fc.nat(9)).chain(([name, mode]): fc.Arbitrary<Entry[]> => {
		if (flavour !== 'good' && mode < 2) return fc.constant([])
		if (flavour !== 'good' && mode < 4) {
			// The same name twice: a valid value and a hostile one, in either order.
			const pair = fc.tuple(valueArb(field, known, 'good'), valueArb(field, known, 'bad'), fc.boolean())
			return pair.map(([good, bad, badLast]) =>
				(badLast ? [good, bad] : [bad, good]).map((v): Entry => [name, v]),
			)
		}
		if (field.repeated)
			return fc.array(value, { minLength: 1, maxLength: 3 }).map((vs) => vs.map((v): Entry => [name, v]))
		return value.map((v): Entry[] => [[name, v]])
	})
}

/** Per field: all at random, all valid but one (which reaches the checks behind the schema), or all valid. */
function flavoursArb(count: number): fc.Arbitrary<Flavour[]> {
	const all = (f: Flavour) => fc.constant(Array.from({ length: count }, () => f))
	if (count === 0) return all('any')
	return fc.oneof(
		{ weight: 3, arbitrary: all('any') },
		{
			weight: 4,
			arbitrary: fc
				.nat(count - 1)
				.map((k) => Array.from({ length: count }, (_, i) => (i === k ? 'bad' : 'good'))),
		},
		{ weight: 1, arbitrary: all('good') },
	)
}

/** Names that no schema declares: garbage, numeric, or a declared path used as a container or a value. */
function strayEntries(fields: FieldSpec[]): fc.Arbitrary<Entry[]> {
	const prefixes = [
		...new Set(fields.flatMap((f) => f.path.slice(0, -1).map((_, i) => f.path.slice(0, i + 1).join('.')))),
	].map((p) => p.replaceAll(INDEX, '0'))
	const declared = fields.map((f) => f.path.join('.').replaceAll(INDEX, '0'))
	const name = fc.oneof(
		fc.constantFrom('0', '1', '.', '..', 'a..b', '[]', '[0]', 'x[', '\u0000', '😀', ' intent', 'INTENT'),
		fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 12 }),
		...(prefixes.length ? [fc.constantFrom(...prefixes)] : []),
		...(declared.length ? [fc.constantFrom(...declared).map((d) => `${d}.0`)] : []),
		...(declared.length ? [fc.constantFrom(...declared).map((d) => `${d}.extra`)] : []),
	)
	return fc.array(fc.tuple(name, fc.oneof(hostileValue, fc.constant('1'))), { maxLength: 3 })
}

/** Intents no form of this action sends (the action's own ones are also sent with another form's fields). */
const UNKNOWN_INTENTS = ['', 'delete', 'DROP TABLE', 'accept ', 'Accept', '__proto__', 'toString', 'intent']

/**
 * A body for one of the action's forms (or for no form at all): its intent most of the time, a
 * wrong one sometimes, each field valid, hostile, missing or doubled, plus stray names.
 */
export function payloadArb(
	variants: FormVariant[],
	{
		known,
		recordKeys = [],
		extraFields = [],
	}: { known: KnownValues; recordKeys?: readonly string[]; extraFields?: FieldSpec[] },
): fc.Arbitrary<Payload> {
	const allFields = variants.flatMap((v) => v.fields)
	const intents = variants.flatMap((v) => (v.intent ? [v.intent] : []))
	const variant = fc.constantFrom(...(variants.length ? variants : [{ intent: null, fields: [] }]))
	const slots = fc.record({
		index: fc.constantFrom('0', '0', '0', '1'),
		key: recordKeys.length ? fc.constantFrom(...recordKeys) : fc.constant('key'),
	})
	const entries = fc.tuple(variant, slots).chain(([{ fields }, slotsOfPayload]) => {
		const own = [...fields, ...extraFields]
		const wrongIntent: fc.Arbitrary<Entry[]> = fc
			.constantFrom(...UNKNOWN_INTENTS, ...intents)
			.map((intent) => [['intent', intent]])
		const perField = flavoursArb(own.length).chain((flavours) =>
			fc.tuple(...own.map((f, i) => fieldEntries(f, known, slotsOfPayload, flavours[i]!))),
		)
		return fc
			.tuple(
				perField,
				fc.oneof({ weight: 8, arbitrary: fc.constant<Entry[]>([]) }, { weight: 1, arbitrary: wrongIntent }),
				fc.oneof(
					{ weight: 5, arbitrary: fc.constant<Entry[]>([]) },
					{ weight: 1, arbitrary: strayEntries(allFields) },
				),
			)
			.map(([perField, intent, stray]) => [...perField.flat(), ...intent, ...stray])
	})
	return fc.record({
		entries,
		encoding: fc.constantFrom<Encoding>('urlencoded', 'urlencoded', 'multipart', 'multipart', 'json'),
		contentType: fc.constantFrom(
			'application/x-www-form-urlencoded',
			'text/plain',
			'application/json',
			'multipart/form-data',
			'multipart/form-data; boundary=----nothing-here',
		),
	})
}

/** The payload as a POST request; `contentType` is used only for the JSON body, which never says it is JSON form data. */
export function payloadRequest(path: string, cookie: string | null, payload: Payload): Request {
	const text = (v: FieldValue) => (typeof v === 'string' ? v : v.file)
	if (payload.encoding === 'urlencoded') {
		const body = new URLSearchParams()
		for (const [name, value] of payload.entries) body.append(name, text(value))
		return buildRequest(path, { method: 'POST', cookie, body })
	}
	if (payload.encoding === 'multipart') {
		const body = new FormData()
		for (const [name, value] of payload.entries)
			if (typeof value === 'string') body.append(name, value)
			else body.append(name, new Blob([value.file], { type: value.type }), value.name)
		return buildRequest(path, { method: 'POST', cookie, body })
	}
	const json = JSON.stringify(Object.fromEntries(payload.entries.map(([n, v]) => [n, text(v)])))
	return buildRequest(path, {
		method: 'POST',
		cookie,
		body: json,
		headers: { 'content-type': payload.contentType ?? 'text/plain' },
	})
}

/** A short description of a payload for a failure message (huge values cut). */
export function describePayload(payload: Payload): string {
	const cut = (s: string) =>
		s.length > 80 ? `${JSON.stringify(s.slice(0, 60))}…(${s.length} chars)` : JSON.stringify(s)
	const entries = payload.entries.map(
		([n, v]) => `${cut(n)}=${typeof v === 'string' ? cut(v) : `file(${v.name}, ${v.file.length} bytes)`}`,
	)
	const type = payload.encoding === 'json' ? `json as ${payload.contentType}` : payload.encoding
	return `${type}: ${entries.join(' & ') || '(empty)'}`
}
