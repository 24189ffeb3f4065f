import { afterEach, describe, expect, test, vi } from 'vitest'
import { handleError } from '#app/entry.server.tsx'

const args = (method = 'POST') => ({
	request: new Request('http://localhost/buyer', { method, headers: { 'x-request-id': 'req-1' } }),
	params: {},
	context: { cspNonce: 'nonce', clientIp: '127.0.0.1' },
})

/** The structured lines handleError printed. */
function loggedLines(spy: { mock: { calls: unknown[][] } }) {
	return spy.mock.calls.map(([line]) => JSON.parse(String(line)) as Record<string, unknown>)
}

describe('request errors in the log', () => {
	afterEach(() => vi.restoreAllMocks())

	test("Remix's own 405 is one 'rejected' line with its status, not an error reading [object Object]", () => {
		const spy = vi.spyOn(console, 'log').mockImplementation(() => {})
		const methodNotAllowed = {
			status: 405,
			statusText: 'Method Not Allowed',
			internal: true,
			data: 'No action',
		}
		handleError(methodNotAllowed, args())
		const [line] = loggedLines(spy)
		expect(line).toMatchObject({
			event: 'request.rejected',
			status: 405,
			statusText: 'Method Not Allowed',
			requestId: 'req-1',
			method: 'POST',
			path: '/buyer',
		})
		expect(line).not.toHaveProperty('level', 'error')
	})

	test('a thrown Error is still an error line with its message and stack', () => {
		const spy = vi.spyOn(console, 'log').mockImplementation(() => {})
		handleError(new Error('boom'), args('GET'))
		const [line] = loggedLines(spy)
		expect(line).toMatchObject({ event: 'request.failed', level: 'error', error: 'boom', method: 'GET' })
		expect(String(line!.stack)).toContain('boom')
	})
})
