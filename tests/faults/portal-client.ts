// A person using the portals over HTTP, without a browser: logs in through the login form, then
// sends the same form posts the pages send (no JavaScript: plain document requests).
import { DEMO_PASSWORD } from '#db/seed-data.ts'

export type Answer = { status: number; location: string | null; body: string; retryAfter: string | null }

export class PortalClient {
	private cookie = ''

	constructor(
		readonly origin: string,
		readonly email: string,
	) {}

	/** Logs in with the demo password; throws unless the login form redirects with a session. */
	async login() {
		const response = await fetch(`${this.origin}/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ email: this.email, password: DEMO_PASSWORD, redirectTo: '' }),
			redirect: 'manual',
		})
		const session = response.headers.getSetCookie().find((c) => c.startsWith('procura_session='))
		if (response.status !== 302 || !session)
			throw new Error(`Login of ${this.email} answered ${response.status}: ${await response.text()}`)
		this.cookie = session.split(';')[0]!
		return this
	}

	async get(path: string, signal?: AbortSignal): Promise<Answer> {
		return this.send(path, { signal })
	}

	async post(path: string, fields: Record<string, string>, signal?: AbortSignal): Promise<Answer> {
		return this.send(path, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams(fields),
			signal,
		})
	}

	private async send(path: string, init: RequestInit): Promise<Answer> {
		const response = await fetch(`${this.origin}${path}`, {
			...init,
			headers: { ...(init.headers as Record<string, string> | undefined), cookie: this.cookie },
			redirect: 'manual',
		})
		return {
			status: response.status,
			location: response.headers.get('location'),
			body: await response.text(),
			retryAfter: response.headers.get('retry-after'),
		}
	}
}
