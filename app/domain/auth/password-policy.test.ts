import fc from 'fast-check'
import { expect, test } from 'vitest'
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblems } from './password-policy.ts'

test('at least 12 and at most 128 characters', () => {
	expect(passwordProblems('short')).toEqual(['Use at least 12 characters.'])
	expect(passwordProblems('a'.repeat(11))).toHaveLength(1)
	expect(passwordProblems('a'.repeat(12))).toEqual([])
	expect(passwordProblems('a'.repeat(128))).toEqual([])
	expect(passwordProblems('a'.repeat(129))).toEqual(['Use at most 128 characters.'])
})

test('only spaces is not a password', () => {
	expect(passwordProblems(' '.repeat(20))).toEqual(['The password cannot be only spaces.'])
})

test('characters are counted as people count them', () => {
	// Six emoji are twelve UTF-16 units but six characters.
	expect(passwordProblems('🔑'.repeat(6))).toHaveLength(1)
	expect(passwordProblems('🔑'.repeat(12))).toEqual([])
})

test('property: any non-blank password of allowed length passes', () => {
	fc.assert(
		fc.property(
			fc.string({ unit: 'grapheme-ascii', minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH }),
			(password) => {
				fc.pre(password.trim().length > 0)
				expect(passwordProblems(password)).toEqual([])
			},
		),
	)
})
