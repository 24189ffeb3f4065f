import { once } from 'node:events'
import net, { type AddressInfo } from 'node:net'

export type TcpProxy = {
	port: number
	/** Drops every open connection and refuses new ones, as a database that went down does. */
	cut(): Promise<void>
	/** Accepts connections again on the same port. */
	restore(): Promise<void>
	close(): Promise<void>
}

/**
 * A TCP relay on 127.0.0.1 in front of `target`, so a test can take "the
 * database" away from a connection pool and give it back without stopping the
 * server other tests use.
 */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
	const sockets = new Set<net.Socket>()
	let server: net.Server | undefined
	let port = 0

	async function listen() {
		server = net.createServer((client) => {
			const upstream = net.connect(target.port, target.host)
			for (const socket of [client, upstream]) {
				sockets.add(socket)
				socket.once('close', () => sockets.delete(socket))
				// Either side going away ends the pair; errors are the expected way of that here.
				socket.on('error', () => {
					client.destroy()
					upstream.destroy()
				})
			}
			client.pipe(upstream).pipe(client)
		})
		server.listen(port, '127.0.0.1')
		await once(server, 'listening')
		port = (server.address() as AddressInfo).port
	}

	async function stopListening() {
		const closing = server
		server = undefined
		for (const socket of sockets) socket.destroy()
		if (closing) await new Promise((resolve) => closing.close(resolve))
	}

	await listen()
	return {
		get port() {
			return port
		},
		cut: stopListening,
		restore: listen,
		close: stopListening,
	}
}
