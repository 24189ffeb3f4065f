import { invariantResponse } from '@epic-web/invariant'
import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { getMailboxMessage } from '#app/models/mailbox.server.ts'
import { requireUserWithRole } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
	await requireUserWithRole(request, 'admin')
	const message = await getMailboxMessage(getDb(), { id: params.messageId ?? '' })
	invariantResponse(message, 'Not found', { status: 404 })
	const { html: _html, ...rest } = message
	return { message: rest }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
	{ title: `${data?.message.subject ?? 'Email'} · Mailbox · Procura` },
]

export default function MailboxMessage() {
	const { message } = useLoaderData<typeof loader>()
	return (
		<div className="stack">
			<p>
				<Link to="..">← Mailbox</Link>
			</p>
			<h1>{message.subject}</h1>
			<dl>
				<dt>To</dt>
				<dd>{message.toAddress}</dd>
				<dt>Created (UTC)</dt>
				<dd>{new Date(message.createdAt).toISOString().replace('T', ' ').slice(0, 19)}</dd>
				<dt>Delivery</dt>
				<dd>
					{message.status}
					{message.deliveredVia ? ` via ${message.deliveredVia}` : ''}
					{message.attempts > 1 ? ` after ${message.attempts} attempts` : ''}
					{message.lastError ? ` — last error: ${message.lastError}` : ''}
				</dd>
			</dl>
			<h2>Message</h2>
			<div className="mail-body">{message.text}</div>
			<p>
				<a href={`/admin/mailbox/${message.id}/html`} target="_blank" rel="noreferrer">
					View as HTML
				</a>
			</p>
		</div>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '#app/components/error-boundary.tsx'
