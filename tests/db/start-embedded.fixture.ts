// Run as a child process by embedded.test.ts: starts the embedded server, prints
// its port and pid, then waits to be killed with SIGKILL (a crash, no clean stop).
import { startEmbeddedPostgres } from '#db/embedded.ts'

const dataDir = process.argv[2]!
const server = await startEmbeddedPostgres({ dataDir, database: 'procura' })
console.log(JSON.stringify({ port: server.port, pid: process.pid }))
setInterval(() => {}, 1000)
