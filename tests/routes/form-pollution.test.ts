import { expect, test } from 'vitest'
import { z } from 'zod'
import { action as loginAction } from '#app/routes/_auth+/login.tsx'
import { isDangerousFieldName, parseSubmission } from '#app/utils/form.server.ts'
import { buildRequest, callRoute } from '#tests/utils/route.ts'

const Schema = z.object({ name: z.string() })

test.each(['__proto__.polluted', 'constructor.prototype.polluted', 'a[__proto__][polluted]', 'x.constructor'])(
	'a form field named %s is refused before it can touch Object.prototype',
	async (fieldName) => {
		const body = new URLSearchParams({ name: 'ok', [fieldName]: 'yes' })
		const request = new Request('http://localhost/x', { method: 'POST', body })
		const submission = await parseSubmission(request, Schema)
		expect(submission.success).toBe(false)
		expect(({} as Record<string, unknown>).polluted).toBeUndefined()
		expect(isDangerousFieldName(fieldName)).toBe(true)
	},
)

test('ordinary nested names pass', async () => {
	expect(isDangerousFieldName('terms.0.priceTiers.1.unitPriceMinor')).toBe(false)
	const request = new Request('http://localhost/x', { method: 'POST', body: new URLSearchParams({ name: 'Ada' }) })
	expect(await parseSubmission(request, Schema)).toMatchObject({ success: true, data: { name: 'Ada' } })
})

test('the login form answers 400 to a polluting field and the prototype stays clean', async () => {
	const result = await callRoute(
		loginAction,
		buildRequest('/login', { method: 'POST', form: { email: 'a@b.test', password: 'x', '__proto__.isAdmin': 'true' } }),
	)
	expect(result.status).toBe(400)
	expect(({} as Record<string, unknown>).isAdmin).toBeUndefined()
})
