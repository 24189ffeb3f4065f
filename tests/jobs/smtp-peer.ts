import { once } from 'node:events'
import net, { type AddressInfo } from 'node:net'
import { type ParsedMail, simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'

export type SmtpPeer = {
	url: string
	received(to: string): ParsedMail[]
	/** Every message accepted so far, in order of arrival. */
	all(): ParsedMail[]
	close(): Promise<void>
}

/** A real SMTP server on 127.0.0.1 that parses every message it accepts. */
export async function startSmtpPeer(): Promise<SmtpPeer> {
	const messages: ParsedMail[] = []
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onData(stream, _session, callback) {
			simpleParser(stream).then(
				(mail) => {
					messages.push(mail)
					callback()
				},
				(error: Error) => callback(error),
			)
		},
	})
	const listener = server.listen(0, '127.0.0.1')
	await once(listener, 'listening')
	const { port } = listener.address() as AddressInfo
	return {
		url: `smtp://127.0.0.1:${port}`,
		received: (to) => messages.filter((m) => addressesOf(m).includes(to)),
		all: () => [...messages],
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	}
}

function addressesOf(mail: ParsedMail) {
	const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []
	return to.flatMap((group) => group.value.map((a) => a.address))
}

/** A port on which nothing listens, so connecting fails the way a down SMTP server does. */
export async function closedPort() {
	const probe = net.createServer().listen(0, '127.0.0.1')
	await once(probe, 'listening')
	const { port } = probe.address() as AddressInfo
	await new Promise((resolve) => probe.close(resolve))
	return port
}
