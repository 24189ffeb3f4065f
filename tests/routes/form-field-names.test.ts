// Field names that do not describe one nested value (found by tests/security/hostile-input.test.ts):
// remix-hook-form threw a TypeError on them (a 500), or built a sparse array as long as the index.
import { expect, test } from 'vitest'
import { z } from 'zod'
import { buildBuyerContractActionSchema } from '#app/schemas/contract.ts'
import { isNestableFieldSet, MAX_FIELD_INDEX, parseSubmission } from '#app/utils/form.server.ts'

const Schema = z.object({ name: z.string(), rows: z.array(z.object({ x: z.string() })).optional() })

function post(body: URLSearchParams) {
	return new Request('http://localhost/x', { method: 'POST', body })
}

test.each([
	[
		'a value and a container',
		[
			['name', 'Ada'],
			['name.first', 'A'],
		],
	],
	[
		'a container and then a value',
		[
			['name.first', 'A'],
			['name', 'Ada'],
		],
	],
	[
		'a list and an object',
		[
			['rows.0.x', '1'],
			['rows.y', '2'],
		],
	],
	[
		'an object and then an index',
		[
			['rows.y', '2'],
			['rows.0', '1'],
		],
	],
	['a top-level index', [['0', 'x']]],
	[
		'a value and a pushed list',
		[
			['name', 'Ada'],
			['name[]', 'B'],
		],
	],
	[
		'a value inside a value in a list',
		[
			['rows.0', 'x'],
			['rows.0.x', 'y'],
		],
	],
	['an index beyond the limit', [[`rows.${MAX_FIELD_INDEX + 1}.x`, 'x']]],
	['a huge index', [['rows.100000000.x', 'x']]],
	['a huge pushed index', [['rows[100000000]', 'x']]],
] as const)('%s: the form is unreadable, not a 500', async (_what, entries) => {
	const names = entries.map(([name]) => name)
	expect(isNestableFieldSet(names)).toBe(false)
	const submission = await parseSubmission(post(new URLSearchParams(entries.map((e) => [...e]))), Schema)
	expect(submission).toMatchObject({ success: false, errors: { root: { message: expect.any(String) } } })
})

test('the names the app’s forms post are nestable', () => {
	expect(
		isNestableFieldSet([
			'intent',
			'terms.0.orderClassId',
			'terms.0.priceTiers.0.minQuantity',
			'terms.0.priceTiers.1.unitPriceMinor',
			`terms.${MAX_FIELD_INDEX}.note`,
			'regions[]',
			'regions[]',
			'rows.0.regions',
			'rows.0.regions',
			'weightsByClassKey.standard.response',
			'standings.0.consequences.excludedClassKeys',
		]),
	).toBe(true)
})

test('a contract form with the highest index is answered with field errors', async () => {
	const body = new URLSearchParams({
		intent: 'save-draft',
		expectedLockVersion: '1',
		[`terms.${MAX_FIELD_INDEX}.orderClassId`]: 'x',
	})
	const submission = await parseSubmission(post(body), buildBuyerContractActionSchema({}))
	expect(submission.success).toBe(false)
})
