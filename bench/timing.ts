import { readdirSync, readFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'

export type Timing = {
	runs: number
	p50: number
	p99: number
	mean: number
	/** CPU per run of this Node process and (when known) of the database server: the work, whatever the load. */
	nodeCpuMs: number
	serverCpuMs: number | null
}

/**
 * Times `fn` `runs` times one after the other, after `warmup` untimed calls (plans cached,
 * pages in memory). Percentiles are nearest-rank: with 50 runs the p99 is the slowest run.
 */
export async function timeRuns(
	fn: () => Promise<unknown>,
	{
		runs = 50,
		warmup = 5,
		serverCpu = () => null,
	}: { runs?: number; warmup?: number; serverCpu?: () => number | null } = {},
): Promise<Timing> {
	for (let i = 0; i < warmup; i++) await fn()
	const ms: number[] = []
	const node = process.cpuUsage()
	const server = serverCpu()
	for (let i = 0; i < runs; i++) {
		const t = performance.now()
		await fn()
		ms.push(performance.now() - t)
	}
	const { user, system } = process.cpuUsage(node)
	const serverAfter = serverCpu()
	ms.sort((a, b) => a - b)
	const at = (p: number) => ms[Math.max(1, Math.ceil(p * ms.length)) - 1]!
	return {
		runs,
		p50: at(0.5),
		p99: at(0.99),
		mean: ms.reduce((a, b) => a + b, 0) / ms.length,
		nodeCpuMs: (user + system) / 1000 / runs,
		serverCpuMs: server === null || serverAfter === null ? null : ((serverAfter - server) * 1000) / runs,
	}
}

/** The 1-minute load average over the cores, for the record next to figures taken on a shared machine. */
export function machineLoad() {
	const [one] = loadavg()
	return `load average ${one!.toFixed(2)} (1 min) on 2 cores`
}

export const ms = (x: number) => Number(x.toFixed(1))

const TICKS_PER_SECOND = 100

/**
 * CPU seconds used so far by the PostgreSQL server whose data directory is `dataDir` (the postmaster,
 * its live processes and the ones it has reaped), or null when it is not a local embedded server.
 */
export function serverCpuSeconds(dataDir: string | undefined): number | null {
	if (!dataDir) return null
	try {
		const postmaster = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0])
		let ticks = 0
		for (const entry of readdirSync('/proc')) {
			if (!/^\d+$/.test(entry)) continue
			const fields = statFields(entry)
			if (!fields) continue
			const [ppid, utime, stime, cutime, cstime] = [3, 13, 14, 15, 16].map((i) => Number(fields[i]))
			if (Number(entry) === postmaster) ticks += utime! + stime! + cutime! + cstime!
			else if (ppid === postmaster) ticks += utime! + stime!
		}
		return ticks / TICKS_PER_SECOND
	} catch {
		return null
	}
}

// /proc/<pid>/stat, split after the command name (which may contain spaces): index 0 is the state.
function statFields(pid: string) {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
		return ['', '', ...stat.slice(stat.lastIndexOf(')') + 2).split(' ')]
	} catch {
		return null
	}
}
