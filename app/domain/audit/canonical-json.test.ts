import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { canonicalJson, normalizeJson, type JsonValue } from './canonical-json.ts'

// fast-check types object members as optional; JSON.parse never yields undefined ones.
const jsonValue = fc.jsonValue({ stringUnit: 'binary' }).map((value) => value as JsonValue)

describe('canonicalJson', () => {
	test('sorts keys recursively and writes no whitespace', () => {
		expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe(
			'{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}',
		)
	})

	test('sorts keys by UTF-16 code units, not by locale', () => {
		expect(canonicalJson({ b: 1, B: 2, é: 3, a: 4, '10': 5, '9': 6 })).toBe(
			'{"10":5,"9":6,"B":2,"a":4,"b":1,"é":3}',
		)
	})

	test('writes Dates as ISO strings and drops undefined properties', () => {
		const at = new Date('2026-03-01T08:30:00.250Z')
		expect(canonicalJson({ at, gone: undefined, kept: null })).toBe(
			'{"at":"2026-03-01T08:30:00.250Z","kept":null}',
		)
	})

	test('writes undefined array items as null so indices keep their meaning', () => {
		expect(canonicalJson([1, undefined, 3])).toBe('[1,null,3]')
	})

	test('writes numbers in their shortest round-trip form', () => {
		expect(canonicalJson([1.0, -0, 0.1, 1e21, 1e-7, 123456789012])).toBe('[1,0,0.1,1e+21,1e-7,123456789012]')
	})

	test('keeps a "__proto__" key as data', () => {
		const value = JSON.parse('{"__proto__":{"x":1},"a":2}') as JsonValue
		expect(canonicalJson(value)).toBe('{"__proto__":{"x":1},"a":2}')
		expect(normalizeJson(value)).toEqual(value)
	})

	test('allows the same object twice when it is not its own ancestor', () => {
		const shared = { a: 1 }
		expect(canonicalJson({ x: shared, y: [shared] })).toBe('{"x":{"a":1},"y":[{"a":1}]}')
	})

	test.each([
		['NaN', Number.NaN],
		['Infinity', Number.POSITIVE_INFINITY],
		['-Infinity', { n: Number.NEGATIVE_INFINITY }],
		['a bigint', 1n],
		['a function', { f: () => 1 }],
		['a symbol', [Symbol('s')]],
		['a Map', new Map([['a', 1]])],
		['a class instance', new (class Money {})()],
		['undefined at the top', undefined],
	])('rejects %s', (_label, value) => {
		expect(() => canonicalJson(value)).toThrow(TypeError)
	})

	test('rejects cycles', () => {
		const cyclic: Record<string, unknown> = { a: 1 }
		cyclic.self = { back: cyclic }
		expect(() => canonicalJson(cyclic)).toThrow(/cyclic/)
	})

	test('rejects an invalid Date', () => {
		expect(() => canonicalJson({ at: new Date(Number.NaN) })).toThrow(RangeError)
	})

	test('property: key order does not change the output', () => {
		fc.assert(
			fc.property(jsonValue, fc.integer(), (value, seed) => {
				expect(canonicalJson(shuffleKeys(value, seed))).toBe(canonicalJson(value))
			}),
		)
	})

	test('property: parsing the output gives back the value', () => {
		fc.assert(
			fc.property(jsonValue, (value) => {
				// JSON has no -0: like JSON.stringify, canonical JSON writes it as 0.
				expect(JSON.parse(canonicalJson(value))).toEqual(withoutNegativeZero(value))
			}),
		)
	})

	test('property: canonical JSON of a parsed canonical text is the same text', () => {
		fc.assert(
			fc.property(jsonValue, (value) => {
				const text = canonicalJson(value)
				expect(canonicalJson(normalizeJson(value))).toBe(text)
			}),
		)
	})
})

/** Rebuilds every object with its keys in a seed-dependent order. */
function shuffleKeys(value: JsonValue, seed: number): JsonValue {
	if (Array.isArray(value)) return value.map((item, index) => shuffleKeys(item, seed + index))
	if (value === null || typeof value !== 'object') return value
	const entries = Object.entries(value).map(
		([key, member], index) => [key, shuffleKeys(member as JsonValue, seed ^ index)] as const,
	)
	let state = seed >>> 0
	for (let i = entries.length - 1; i > 0; i--) {
		state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0
		const j = state % (i + 1)
		;[entries[i], entries[j]] = [entries[j]!, entries[i]!]
	}
	// Object.fromEntries defines properties, so a "__proto__" key stays an own key.
	return Object.fromEntries(entries)
}

function withoutNegativeZero(value: JsonValue): JsonValue {
	if (Object.is(value, -0)) return 0
	if (Array.isArray(value)) return value.map(withoutNegativeZero)
	if (value === null || typeof value !== 'object') return value
	return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutNegativeZero(v as JsonValue)]))
}
