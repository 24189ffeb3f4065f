import path from 'node:path'
import { ensureProductionBuild } from '#app/server/production-build.ts'

/**
 * The fault tests start the production server as child processes: build it
 * once here (when stale), so that no child builds it and none builds it twice.
 */
export default function setup() {
	ensureProductionBuild(path.resolve(import.meta.dirname, '../..'), (line) => console.log(`[faults] ${line}`))
}
