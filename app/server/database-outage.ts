import { type ActionFunctionArgs, type LoaderFunctionArgs, type ServerBuild } from '@remix-run/node'
import { databaseErrorCode, isDatabaseUnavailableError } from '#app/utils/database-errors.ts'
import { logEvent } from '#app/utils/log.server.ts'

/** What a client is told to wait before trying again; the pool reconnects on the next query. */
export const DATABASE_RETRY_AFTER_SECONDS = 5

export const DATABASE_UNAVAILABLE_MESSAGE =
	'The database is unavailable at the moment. Try again in a moment.'

/** The 503 a request gets when the database cannot be reached; Remix renders it in the error boundary. */
export function databaseUnavailableResponse() {
	return new Response(DATABASE_UNAVAILABLE_MESSAGE, {
		status: 503,
		statusText: 'Service Unavailable',
		headers: {
			'Content-Type': 'text/plain; charset=utf-8',
			'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS),
			'Cache-Control': 'no-store',
		},
	})
}

// Request ids already logged. Remix hands each loader its own copy of the Request, so the id (set
// by the HTTP front) is what ties the loaders of one page together; the oldest are forgotten.
const loggedRequestIds = new Set<string>()
const LOGGED_IDS_KEPT = 1_000

function isFirstFailureOf(request: Request) {
	const id = request.headers.get('x-request-id')
	if (!id) return true
	if (loggedRequestIds.has(id)) return false
	loggedRequestIds.add(id)
	if (loggedRequestIds.size > LOGGED_IDS_KEPT)
		loggedRequestIds.delete(loggedRequestIds.values().next().value!)
	return true
}

function rethrowOutagesAs503<A extends LoaderFunctionArgs | ActionFunctionArgs, R>(
	fn: (args: A) => R,
	routeId: string,
): (args: A) => Promise<R> {
	return async (args) => {
		try {
			return (await fn(args)) as R
		} catch (error) {
			if (!isDatabaseUnavailableError(error)) throw error
			// The loaders of one page (root, layout, leaf) share the request and all fail: log it once.
			if (isFirstFailureOf(args.request))
				logEvent('request.database_unavailable', {
					level: 'warn',
					requestId: args.request.headers.get('x-request-id'),
					method: args.request.method,
					path: new URL(args.request.url).pathname,
					routeId,
					code: databaseErrorCode(error),
				})
			throw databaseUnavailableResponse()
		}
	}
}

const mapped = new WeakMap<ServerBuild, ServerBuild>()

/**
 * The one place where "the database is down" becomes a 503 instead of a 500.
 *
 * Why here, around the build's loaders and actions, and not elsewhere:
 * - `handleError` in entry.server.tsx sees the error but cannot change the status;
 * - an Express error layer around the Remix handler never sees it: Remix catches
 *   every loader and action error itself and answers 500;
 * - the root ErrorBoundary only gets a sanitized "Unexpected Server Error" in
 *   production, so it cannot tell an outage from a bug — unless the failure
 *   reaches Remix as a thrown Response, which Remix then treats natively;
 * - `getLoadContext` runs before the loaders, so it could only guess (and would
 *   cost a probe query per request).
 * Wrapping every route's loader and action once, where the HTTP front hands the
 * build to Remix, turns a connection-level error into a thrown 503 Response for
 * documents, single-fetch data requests and resource routes alike; routes stay
 * unaware of it, and the error boundaries render the 503 like any thrown status.
 */
export function mapDatabaseOutagesTo503(build: ServerBuild): ServerBuild {
	const known = mapped.get(build)
	if (known) return known
	const routes = Object.fromEntries(
		Object.entries(build.routes).map(([id, route]) => {
			const { loader, action } = route.module
			const module = {
				...route.module,
				...(loader ? { loader: rethrowOutagesAs503(loader, id) } : {}),
				...(action ? { action: rethrowOutagesAs503(action, id) } : {}),
			}
			return [id, { ...route, module }]
		}),
	)
	const result: ServerBuild = { ...build, routes }
	mapped.set(build, result)
	return result
}
