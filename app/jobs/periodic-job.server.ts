import { logError } from '#app/utils/log.server.ts'

export type PeriodicJob = { stop(): Promise<void> }

/**
 * Runs `run` now and then `intervalMs` after each run finishes, so a job never
 * overlaps itself. Jobs in other server instances are kept apart by the row
 * locks each job takes. `stop()` waits for a run in progress.
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

	function schedule(delayMs: number) {
		if (stopped) return
		timer = setTimeout(() => {
			running = run(() => stopped)
				.catch((error: unknown) => logError(`${name}.run_failed`, error))
				.finally(() => {
					running = undefined
					schedule(intervalMs)
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
