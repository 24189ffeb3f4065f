import { type LoaderFunctionArgs } from '@remix-run/node'
import { getMailboxMessage } from '#app/models/mailbox.server.ts'
import { requireUserWithRole } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'

// A resource route: the email's own HTML, sandboxed so nothing in it can script our origin.
export async function loader({ request, params }: LoaderFunctionArgs) {
	await requireUserWithRole(request, 'admin')
	const message = await getMailboxMessage(getDb(), { id: params.messageId ?? '' })
	if (!message) return new Response('Not found', { status: 404 })
	return new Response(message.html, {
		headers: {
			'Content-Type': 'text/html; charset=utf-8',
			'Content-Security-Policy': "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:",
		},
	})
}
