/**
 * The bare reference server of `npm run bench -- http`: Node's http server doing one postgres.js
 * primary-key lookup per request (a supplier by id, drawn round-robin from all of them), with the
 * app's pool size. Run as a child process: PORT and DATABASE_URL from the environment.
 */
import { createServer } from 'node:http'
import postgres from 'postgres'

const sql = postgres(process.env.DATABASE_URL!, { max: 10, onnotice: () => {} })
const ids = (await sql<{ id: string }[]>`select id from suppliers order by id`).map((r) => r.id)
let next = 0

const server = createServer((_req, res) => {
	const id = ids[next++ % ids.length]!
	sql<{ id: string; name: string; status: string }[]>`select id, name, status from suppliers where id = ${id}`
		.then(([row]) => {
			res.writeHead(200, { 'Content-Type': 'application/json' })
			res.end(JSON.stringify(row))
		})
		.catch((error: unknown) => {
			res.writeHead(500)
			res.end(String(error))
		})
})
server.listen(Number(process.env.PORT), () => console.log('bare server listening'))
process.on('SIGTERM', () => {
	server.close()
	void sql.end().then(() => process.exit(0))
})
