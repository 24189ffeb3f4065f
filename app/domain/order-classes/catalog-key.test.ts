import fc from 'fast-check'
import { expect, test } from 'vitest'
import { isValidKey, KEY_MAX_LENGTH, keyFromName } from './catalog-key.ts'

test.each([
	['HR Services (EU)', 'hr-services-eu'],
	['Café Relève', 'cafe-releve'],
	['  Payroll -- processing  ', 'payroll-processing'],
	['24x7 IT support', '24x7-it-support'],
	['!!!', ''],
	['日本語', ''],
])('%j keys as %j', (name, key) => {
	expect(keyFromName(name)).toBe(key)
})

test('long names are cut without a trailing hyphen', () => {
	const key = keyFromName('Document management and archiving for regulated industries')
	expect(key.length).toBeLessThanOrEqual(KEY_MAX_LENGTH)
	expect(key).toBe('document-management-and-archiving-for-re')
	expect(keyFromName(`${'a'.repeat(39)} b`)).toBe('a'.repeat(39))
})

test('property: a key made from a name is valid, or empty (or a single character)', () => {
	fc.assert(
		fc.property(fc.string({ maxLength: 80 }), (name) => {
			const key = keyFromName(name)
			expect(key === '' || key.length === 1 || isValidKey(key)).toBe(true)
		}),
	)
})

test('isValidKey', () => {
	expect(isValidKey('one-time')).toBe(true)
	expect(isValidKey('x')).toBe(false)
	expect(isValidKey('One-time')).toBe(false)
	expect(isValidKey('one--time')).toBe(false)
	expect(isValidKey('-one')).toBe(false)
	expect(isValidKey('a'.repeat(41))).toBe(false)
})
