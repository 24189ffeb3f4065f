import { expect, test } from 'vitest'
import { safeRedirect } from './safe-redirect.ts'

test('keeps same-site relative paths with their query and hash', () => {
	expect(safeRedirect('/buyer/contracts?status=active#top', '/x')).toBe('/buyer/contracts?status=active#top')
	expect(safeRedirect('/', '/x')).toBe('/')
})

test.each([
	['//evil.example'],
	['/\\evil.example'],
	['/\\/evil.example'],
	['\\\\evil.example'],
	['https://evil.example/'],
	['http:evil.example'],
	['javascript:alert(1)'],
	['evil.example'],
	['/\t/evil.example'],
	['/\n/evil.example'],
	[''],
])('rejects %j', (target) => {
	expect(safeRedirect(target, '/buyer')).toBe('/buyer')
})

test('non-strings fall back, with / as the default fallback', () => {
	expect(safeRedirect(null)).toBe('/')
	expect(safeRedirect(undefined, '/audit')).toBe('/audit')
	expect(safeRedirect(42, '/audit')).toBe('/audit')
})
