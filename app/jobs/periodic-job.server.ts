import { databaseErrorCode, isDatabaseUnavailableError } from '#app/utils/database-errors.ts'
import { logError, logEvent } from '#app/utils/log.server.ts'

export type PeriodicJob = { stop(): Promise<void> }

/** The first retry after a failed run waits this long, doubling per failure up to the job's interval. */
const FIRST_RETRY_MS = 1_000
const MAX_RETRY_MS = 30_000

/** How long to wait after the `failures`-th failed run in a row before the next run. */
export function retryDelayMs(failures: number, intervalMs: number) {
	return Math.min(FIRST_RETRY_MS * 2 ** (failures - 1), MAX_RETRY_MS, intervalMs)
}

/**
 * Runs `run` now and then `intervalMs` after each run finishes, so a job never
 * overlaps itself. Jobs in other server instances are kept apart by the row
 * locks each job takes. `stop()` waits for a run in progress.
 *
 * A failed run never ends the job (nor the process): it is logged and retried
 * sooner than the interval — after 1 s, then 2 s, 4 s … up to the interval
 * (30 s at most) — so an hourly job is not an hour late because the database
 * was restarting. While the database is unreachable each failure is one short
 * `<name>.database_unavailable` line; the first success after failures logs
 * `<name>.recovered`.
 */
export function startPeriodicJob({
	name,
	intervalMs,
	run,
}: {
	name: string
	intervalMs: number
	run: (isStopped: () => boolean) => Promise<void>
}): PeriodicJob {
	let stopped = false
	let timer: NodeJS.Timeout | undefined
	let running: Promise<void> | undefined
	let failures = 0

	async function runOnce() {
		try {
			await run(() => stopped)
			if (failures > 0) logEvent(`${name}.recovered`, { failedRuns: failures })
			failures = 0
		} catch (error) {
			failures++
			const retryInMs = retryDelayMs(failures, intervalMs)
			if (isDatabaseUnavailableError(error))
				logEvent(`${name}.database_unavailable`, {
					level: 'warn',
					code: databaseErrorCode(error),
					failedRuns: failures,
					retryInMs,
				})
			else logError(`${name}.run_failed`, error, { failedRuns: failures, retryInMs })
		}
	}

	function schedule(delayMs: number) {
		if (stopped) return
		timer = setTimeout(() => {
			running = runOnce().finally(() => {
				running = undefined
				schedule(failures > 0 ? retryDelayMs(failures, intervalMs) : intervalMs)
			})
		}, delayMs)
		// Pending work must not keep a shutting-down server alive; it waits in its table.
		timer.unref()
	}

	schedule(0)
	return {
		async stop() {
			stopped = true
			clearTimeout(timer)
			await running
		},
	}
}
