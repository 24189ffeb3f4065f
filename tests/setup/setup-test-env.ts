import { afterEach, beforeEach, vi } from 'vitest'

process.env.NODE_ENV ??= 'test'
process.env.SESSION_SECRET ??= 'test-session-secret-at-least-32-characters'

// A test that logs console.error fails: unnoticed errors hide real bugs. A test
// that expects one says so with `vi.mocked(console.error).mockImplementation(() => {})`.
beforeEach(() => {
	const originalConsoleError = console.error
	vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
		originalConsoleError(...args)
		throw new Error(
			'console.error was called. If the test expects it, call vi.mocked(console.error).mockImplementation(() => {}).',
		)
	})
})
afterEach(() => {
	vi.restoreAllMocks()
})
