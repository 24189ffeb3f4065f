import { readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test } from 'vitest'
import { SERVER_NODE_FLAGS } from './node-flags.ts'

test('npm start runs the server with the same Node flags as the benchmark and the fault tests', () => {
	const pkg = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8')) as {
		scripts: Record<string, string>
	}
	expect(pkg.scripts.start).toBe(`tsx ${SERVER_NODE_FLAGS.join(' ')} app/server/start.ts`)
})
