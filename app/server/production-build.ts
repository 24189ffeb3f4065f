import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'

function newestMtime(dir: string): number {
	let newest = 0
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name)
		newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs)
	}
	return newest
}

/**
 * The production server bundle under `root`, built first when it is missing or
 * older than the sources. Used by `npm start` and by the process-level fault
 * tests, which build once before they start servers.
 */
export function ensureProductionBuild(root: string, log: (line: string) => void) {
	const serverBundle = path.join(root, 'build/server/index.js')
	const sources = ['app', 'emails', 'db/schema'].map((d) => newestMtime(path.join(root, d)))
	if (existsSync(serverBundle) && statSync(serverBundle).mtimeMs >= Math.max(...sources)) return serverBundle
	log('Building the app (first start or sources changed)…')
	// Under vitest (the fault tests' setup) VITEST=true would switch the Remix plugin off in vite.config.ts.
	const env = Object.fromEntries(
		Object.entries(process.env).filter(
			([key]) => !key.startsWith('VITEST') && key !== 'TEST' && key !== 'MODE',
		),
	)
	const result = spawnSync(path.join(root, 'node_modules/.bin/remix'), ['vite:build'], {
		cwd: root,
		env: { ...env, NODE_ENV: 'production' },
		stdio: 'inherit',
	})
	if (result.status !== 0) throw new Error('The build failed; see the output above.')
	return serverBundle
}
