// The scorecard policy page after a refused save, rendered by Remix as a browser without
// JavaScript gets it (found by tests/security/hostile-input.test.ts): one ticked class
// checkbox comes back as a single string, "Flag in routing" as "on"; both show ticked, and
// React renders no input with both a value and a defaultValue.
import { beforeAll, expect, test } from 'vitest'
import { getDb } from '#app/utils/db.server.ts'
import { orderClasses } from '#db/schema/index.ts'
import { insertUser } from '#tests/factories/users.ts'
import { buildRequest } from '#tests/utils/route.ts'
import { sessionCookieFor } from '#tests/utils/session.ts'
import { createTestHandler } from '../security/app-build.ts'

let handle: (request: Request) => Promise<Response>
let cookie: string

beforeAll(async () => {
	handle = (await createTestHandler()).handle
	cookie = await sessionCookieFor((await insertUser(getDb(), { role: 'admin' })).id)
})

/** The checkbox inputs of the page whose value is `value`, as rendered. */
function checkboxes(html: string, name: string, value?: string) {
	return [...html.matchAll(/<input[^>]*type="checkbox"[^>]*>/g)]
		.map((m) => m[0])
		.filter(
			(tag) => tag.includes(`name="${name}"`) && (value === undefined || tag.includes(`value="${value}"`)),
		)
}

test('a refused save shows the boxes as they were ticked', async () => {
	const [cls] = await getDb().select({ key: orderClasses.key }).from(orderClasses).limit(1)
	expect(cls).toBeDefined()
	const page = await handle(buildRequest('/admin/scorecard-policy', { cookie }))
	expect(page.status).toBe(200)
	await page.text()

	const refused = await handle(
		buildRequest('/admin/scorecard-policy', {
			method: 'POST',
			cookie,
			// No change note: refused, and the form comes back with what was sent.
			form: {
				expectedVersion: '1',
				changeNote: '',
				'standings.0.consequences.excludedClassKeys': cls!.key,
				'standings.0.consequences.flagInRouting': 'on',
			},
		}),
	)
	expect(refused.status).toBe(400)
	const html = await refused.text()
	const excluded = checkboxes(html, 'standings.0.consequences.excludedClassKeys', cls!.key)
	expect(excluded).toHaveLength(1)
	expect(excluded[0]).toMatch(/\schecked=""/)
	const flag = checkboxes(html, 'standings.0.consequences.flagInRouting')
	expect(flag).toHaveLength(1)
	expect(flag[0]).toMatch(/\schecked=""/)
	expect(checkboxes(html, 'standings.1.consequences.flagInRouting')[0]).not.toMatch(/\schecked=""/)
})
