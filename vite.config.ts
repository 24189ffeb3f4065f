import { vitePlugin as remix } from '@remix-run/dev'
import { defineConfig } from 'vitest/config'
import remixConfig from './remix.config.js'

declare module '@remix-run/node' {
	// Single fetch's loader typings (the v3_singleFetch flag is on in remix.config.js).
	interface Future {
		v3_singleFetch: true
	}
}

// Remix's plugin must stay out of vitest runs (remix-run/remix#9871).
const isVitest = process.env.VITEST === 'true'

// Process-level fault tests (tests/faults): they start the production server as child processes,
// kill it, and stop the PostgreSQL at TEST_DATABASE_URL for seconds at a time. So they exist only
// when TEST_DATABASE_URL names a server they may stop (.ci/run: `npm run test:faults`), run one
// file at a time, and run after every other project, never beside tests that use that server.
const faultsProject = {
	test: {
		name: 'faults',
		environment: 'node',
		include: ['tests/faults/**/*.test.ts'],
		globalSetup: ['./tests/faults/global-setup.ts'],
		setupFiles: ['./tests/setup/setup-test-env.ts'],
		fileParallelism: false,
		sequence: { groupOrder: 1 },
		testTimeout: 240_000,
		hookTimeout: 240_000,
	},
}

export default defineConfig({
	build: { target: 'es2022', sourcemap: false },
	server: { port: 3000 },
	plugins: isVitest ? [] : [remix(remixConfig)],
	test: {
		projects: [
			{
				test: {
					name: 'unit',
					environment: 'node',
					include: ['app/**/*.test.{ts,tsx}', 'emails/**/*.test.{ts,tsx}'],
					exclude: ['app/**/*.server.test.ts', 'node_modules/**'],
					setupFiles: ['./tests/setup/setup-test-env.ts'],
				},
			},
			{
				test: {
					name: 'integration',
					environment: 'node',
					include: ['app/**/*.server.test.ts', 'tests/**/*.test.{ts,tsx}'],
					exclude: ['tests/e2e/**', 'tests/faults/**', 'node_modules/**'],
					globalSetup: ['./tests/setup/global-setup.ts'],
					setupFiles: ['./tests/setup/db-setup.ts', './tests/setup/setup-test-env.ts'],
					testTimeout: 30_000,
					hookTimeout: 60_000,
				},
			},
			...(process.env.TEST_DATABASE_URL ? [faultsProject] : []),
		],
	},
})
