// Calling Remix loaders and actions directly with real Requests, as the server would.
import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { enableFastPasswordHashingForTests } from '#app/utils/password.server.ts'

// Argon2 at production cost would make factories slow; production keeps the real parameters.
enableFastPasswordHashingForTests()

export const BASE_URL = 'http://localhost:3000'

export function buildRequest(
	path: string,
	{
		method = 'GET',
		cookie,
		form,
		body,
		headers,
	}: {
		method?: string
		cookie?: string | null
		form?: Record<string, string>
		body?: BodyInit
		headers?: Record<string, string>
	} = {},
): Request {
	const h = new Headers(headers)
	if (cookie) h.set('cookie', cookie)
	let requestBody = body
	if (form) {
		requestBody = new URLSearchParams(form)
		h.set('content-type', 'application/x-www-form-urlencoded')
	}
	return new Request(new URL(path, BASE_URL), { method, headers: h, body: requestBody })
}

type RouteFn<A> = (args: A) => unknown
type Args = LoaderFunctionArgs & ActionFunctionArgs

/** Runs a loader or action, returning what it returned or threw (guards throw Responses). */
export async function callRoute(
	fn: RouteFn<Args>,
	request: Request,
	{ params = {}, context = {} }: { params?: Record<string, string>; context?: Record<string, unknown> } = {},
): Promise<RouteResult> {
	let value: unknown
	try {
		value = await fn({ request, params, context } as Args)
	} catch (thrown) {
		if (thrown instanceof Response || isDataWithInit(thrown)) return toResult(thrown, true)
		throw thrown
	}
	return toResult(value, false)
}

export type RouteResult = {
	status: number
	headers: Headers
	/** The data of `data(...)`, a JSON body, or the plain returned value. */
	data: unknown
	thrown: boolean
	location: string | null
	setCookie: string | null
}

type DataWithInit = { type: 'DataWithResponseInit'; data: unknown; init: ResponseInit | null }

function isDataWithInit(value: unknown): value is DataWithInit {
	return (
		typeof value === 'object' &&
		value !== null &&
		(value as { type?: unknown }).type === 'DataWithResponseInit'
	)
}

async function toResult(value: unknown, thrown: boolean): Promise<RouteResult> {
	if (value instanceof Response) {
		const isJson = value.headers.get('content-type')?.includes('json')
		return {
			status: value.status,
			headers: value.headers,
			data: isJson ? await value.json() : await value.text(),
			thrown,
			location: value.headers.get('location'),
			setCookie: value.headers.get('set-cookie'),
		}
	}
	if (isDataWithInit(value)) {
		const headers = new Headers(value.init?.headers)
		return {
			status: value.init?.status ?? 200,
			headers,
			data: value.data,
			thrown,
			location: headers.get('location'),
			setCookie: headers.get('set-cookie'),
		}
	}
	return { status: 200, headers: new Headers(), data: value, thrown, location: null, setCookie: null }
}

/** A unique email for this test, so files sharing a worker database never collide. */
export function uniqueEmail(label = 'user') {
	return `${label}-${crypto.randomUUID()}@procura.test`
}

/** A unique client address for throttling tests. */
export function uniqueIp() {
	const hex = crypto.randomUUID().replaceAll('-', '')
	// An address in the IPv6 documentation range, different for every call.
	return `2001:db8:${hex.slice(0, 4)}:${hex.slice(4, 8)}:${hex.slice(8, 12)}:${hex.slice(12, 16)}::1`
}
