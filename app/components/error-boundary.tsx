import {
	isRouteErrorResponse,
	useParams,
	useRouteError,
	useRouteLoaderData,
	type ErrorResponse,
} from '@remix-run/react'
import { type ReactElement } from 'react'

type StatusHandler = (info: { error: ErrorResponse; params: Record<string, string | undefined> }) => ReactElement | null

const DEFAULT_STATUS_HANDLERS: Record<number, StatusHandler> = {
	403: () => (
		<>
			<h1>Not allowed</h1>
			<p>Your account does not have access to this page. If you think it should, ask your Procura administrator.</p>
		</>
	),
	404: () => (
		<>
			<h1>Not found</h1>
			<p>There is nothing here, or it is not yours to see.</p>
		</>
	),
	// Thrown by the HTTP front when the database cannot be reached (app/server/database-outage.ts).
	503: () => (
		<>
			<h1>The database is unavailable</h1>
			<p>
				Procura cannot reach its database at the moment. Try again in a moment; this page works again as soon as
				the database is back.
			</p>
			<p>If you were saving something, check whether it was saved before you send it again.</p>
		</>
	),
}

/**
 * The error boundary every route exports. Known statuses get a plain
 * explanation; anything else gets a generic page with the request's reference
 * id (never a stack trace), which matches the server's log line.
 */
export function GeneralErrorBoundary({
	statusHandlers,
	unexpectedErrorHandler,
}: {
	statusHandlers?: Record<number, StatusHandler>
	unexpectedErrorHandler?: (error: unknown) => ReactElement | null
} = {}) {
	const error = useRouteError()
	const params = useParams()
	const root = useRouteLoaderData<{ requestId?: string }>('root')
	const handlers = { ...DEFAULT_STATUS_HANDLERS, ...statusHandlers }

	if (isRouteErrorResponse(error)) {
		const handler = handlers[error.status]
		return (
			<div className="error-page card" role="alert">
				{handler ? (
					handler({ error, params })
				) : (
					<>
						<h1>{error.status === 429 ? 'Too many requests' : `Error ${error.status}`}</h1>
						<p>{typeof error.data === 'string' ? error.data : error.statusText}</p>
					</>
				)}
				<p>
					<a href="/">Back to Procura</a>
				</p>
			</div>
		)
	}

	return (
		unexpectedErrorHandler?.(error) ?? (
			<div className="error-page card" role="alert">
				<h1>Something went wrong</h1>
				<p>An unexpected error happened on our side. Nothing you typed is at fault.</p>
				{root?.requestId ? (
					<p>
						Reference: <code>{root.requestId}</code>
					</p>
				) : null}
				<p>
					<a href="/">Back to Procura</a>
				</p>
			</div>
		)
	)
}
