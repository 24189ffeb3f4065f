import { createCookieSessionStorage, redirect } from '@remix-run/node'
import { z } from 'zod'

export const ToastSchema = z.object({
	id: z.string().default(() => crypto.randomUUID()),
	type: z.enum(['success', 'error', 'message']).default('message'),
	title: z.string().optional(),
	description: z.string(),
})

export type Toast = z.infer<typeof ToastSchema>
export type ToastInput = z.input<typeof ToastSchema>

const TOAST_KEY = 'toast'

// A flash cookie: set on a redirect, read (and cleared) once by the root loader.
const toastSessionStorage = createCookieSessionStorage({
	cookie: {
		name: 'en_toast',
		sameSite: 'lax',
		path: '/',
		httpOnly: true,
		secrets: [process.env.SESSION_SECRET ?? 'procura-development-secret'],
		secure: process.env.NODE_ENV === 'production' && process.env.COOKIE_SECURE !== 'false',
	},
})

/** Redirects and shows `toast` on the next page. */
export async function redirectWithToast(url: string, toast: ToastInput, init?: ResponseInit) {
	const headers = new Headers(init?.headers)
	headers.append('set-cookie', await createToastCookie(toast))
	return redirect(url, { ...init, headers })
}

export async function createToastHeaders(toast: ToastInput) {
	return new Headers({ 'set-cookie': await createToastCookie(toast) })
}

async function createToastCookie(toastInput: ToastInput) {
	const session = await toastSessionStorage.getSession()
	session.flash(TOAST_KEY, ToastSchema.parse(toastInput))
	return toastSessionStorage.commitSession(session)
}

export async function getToast(request: Request) {
	const session = await toastSessionStorage.getSession(request.headers.get('cookie'))
	const parsed = ToastSchema.safeParse(session.get(TOAST_KEY))
	return {
		toast: parsed.success ? parsed.data : null,
		headers: parsed.success
			? new Headers({ 'set-cookie': await toastSessionStorage.destroySession(session) })
			: null,
	}
}
