import { PassThrough } from 'node:stream'
import {
	createReadableStreamFromReadable,
	type ActionFunctionArgs,
	type EntryContext,
	type HandleDocumentRequestFunction,
	type LoaderFunctionArgs,
} from '@remix-run/node'
import { isRouteErrorResponse, RemixServer } from '@remix-run/react'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import { DATABASE_RETRY_AFTER_SECONDS } from '#app/server/database-outage.ts'
import { init } from '#app/utils/env.server.ts'
import { logError, logEvent } from '#app/utils/log.server.ts'
import { NonceProvider } from '#app/utils/nonce-provider.ts'

init()

export const streamTimeout = 5_000

type LoadContext = { cspNonce?: string; clientIp?: string | null }

export default function handleRequest(
	request: Request,
	responseStatusCode: number,
	responseHeaders: Headers,
	remixContext: EntryContext,
	loadContext: LoadContext,
): ReturnType<HandleDocumentRequestFunction> {
	const nonce = loadContext.cspNonce ?? ''
	// Remix keeps only a route's own headers on an error page: a 503 (database unavailable) says when to retry.
	if (responseStatusCode === 503) responseHeaders.set('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS))
	const callback = isbot(request.headers.get('user-agent')) ? 'onAllReady' : 'onShellReady'
	return new Promise((resolve, reject) => {
		let didError = false
		const { pipe, abort } = renderToPipeableStream(
			<NonceProvider value={nonce}>
				<RemixServer context={remixContext} url={request.url} nonce={nonce} />
			</NonceProvider>,
			{
				[callback]: () => {
					const body = new PassThrough()
					responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
					resolve(
						new Response(createReadableStreamFromReadable(body), {
							headers: responseHeaders,
							status: didError ? 500 : responseStatusCode,
						}),
					)
					pipe(body)
				},
				onShellError: reject,
				onError: (error: unknown) => {
					didError = true
					logError('render.failed', error, { requestId: request.headers.get('x-request-id') })
				},
				nonce,
			},
		)
		setTimeout(abort, streamTimeout + 1_000)
	})
}

/** Single-fetch data requests: a 503 (database unavailable) says when to retry, as the page does. */
export function handleDataRequest(response: Response) {
	if (response.status === 503 && !response.headers.has('Retry-After'))
		response.headers.set('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS))
	return response
}

export function handleError(error: unknown, { request }: LoaderFunctionArgs | ActionFunctionArgs) {
	// Aborted requests (the user navigated away) are not errors worth a log line.
	if (request.signal.aborted) return
	const fields = {
		requestId: request.headers.get('x-request-id'),
		method: request.method,
		path: new URL(request.url).pathname,
	}
	// Remix's own 4xx answers (a POST to a page without an action, a data request for no route) are
	// the client's mistake, not a failure: one line with the status, not an error with "[object Object]".
	if (isRouteErrorResponse(error) && error.status < 500) {
		logEvent('request.rejected', { ...fields, status: error.status, statusText: error.statusText })
		return
	}
	logError('request.failed', error, fields)
}
