// The machine's own PostgreSQL cluster (the one TEST_DATABASE_URL names), stopped and started the
// way .ci/run starts it. Other tests on this machine use it: whoever stops it starts it again.
import { execFile } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { promisify } from 'node:util'

const run = promisify(execFile)

function clusterVersion() {
	const versions = readdirSync('/etc/postgresql').sort((a, b) => Number(a) - Number(b))
	const newest = versions.at(-1)
	if (!newest) throw new Error('No PostgreSQL cluster under /etc/postgresql')
	return newest
}

async function ctl(action: 'start' | 'stop') {
	await run('pg_ctlcluster', ['--skip-systemctl-redirect', clusterVersion(), 'main', action])
}

export async function isAcceptingConnections(url: string) {
	const { hostname, port } = new URL(url)
	try {
		await run('pg_isready', ['-q', '-h', hostname, '-p', port || '5432'])
		return true
	} catch {
		return false
	}
}

/** Stops the cluster (fast shutdown: open sessions are ended, as in a real outage). */
export async function stopMachinePostgres() {
	await ctl('stop')
}

/** Starts the cluster unless it is up, and resolves once it accepts connections. */
export async function startMachinePostgres(url: string) {
	if (await isAcceptingConnections(url)) return
	await ctl('start')
	for (let i = 0; i < 300 && !(await isAcceptingConnections(url)); i++)
		await new Promise((resolve) => setTimeout(resolve, 100))
}
