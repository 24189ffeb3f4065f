import { describe, expect, test } from 'vitest'
import { databaseErrorCode, isDatabaseUnavailableError } from './database-errors.ts'

const withCode = (code: string, message = code) => Object.assign(new Error(message), { code })

describe('isDatabaseUnavailableError', () => {
	test.each([
		'ECONNREFUSED',
		'ECONNRESET',
		'CONNECTION_CLOSED',
		'CONNECTION_ENDED',
		'CONNECTION_DESTROYED',
		'CONNECT_TIMEOUT',
		'57P01',
		'57P02',
		'57P03',
		'08006',
		'08001',
		'08P01',
	])('%s means the database is unavailable', (code) => {
		expect(isDatabaseUnavailableError(withCode(code))).toBe(true)
	})

	test.each(['23505', '40001', '42P01', '57014', '22P02', 'ERR_INVALID_ARG_TYPE'])(
		'%s is a failure of the request, not of the database connection',
		(code) => {
			expect(isDatabaseUnavailableError(withCode(code))).toBe(false)
		},
	)

	test('looks through drizzle’s wrapper and through an AggregateError of several addresses', () => {
		const drizzleError = Object.assign(new Error('Failed query: select 1'), {
			cause: withCode('CONNECTION_CLOSED'),
		})
		const aggregate = Object.assign(new AggregateError([withCode('ECONNREFUSED')], 'connect failed'), {})
		expect(isDatabaseUnavailableError(drizzleError)).toBe(true)
		expect(isDatabaseUnavailableError(aggregate)).toBe(true)
		expect(databaseErrorCode(drizzleError)).toBe('CONNECTION_CLOSED')
	})

	test('plain errors, thrown responses and non-errors are not outages', () => {
		const cyclic: { cause?: unknown } = {}
		cyclic.cause = cyclic
		expect(isDatabaseUnavailableError(new Error('connection refused'))).toBe(false)
		expect(isDatabaseUnavailableError(new Response('Not found', { status: 404 }))).toBe(false)
		expect(isDatabaseUnavailableError(undefined)).toBe(false)
		expect(isDatabaseUnavailableError('ECONNREFUSED')).toBe(false)
		expect(isDatabaseUnavailableError(cyclic)).toBe(false)
	})
})
