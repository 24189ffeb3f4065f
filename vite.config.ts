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
					exclude: ['tests/e2e/**', 'node_modules/**'],
					globalSetup: ['./tests/setup/global-setup.ts'],
					setupFiles: ['./tests/setup/db-setup.ts', './tests/setup/setup-test-env.ts'],
					testTimeout: 30_000,
					hookTimeout: 60_000,
				},
			},
		],
	},
})
