import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig, devices } from '@playwright/test'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const PORT = Number(process.env.E2E_PORT ?? 3199)
const baseURL = `http://localhost:${PORT}`

// `npx playwright install` cannot download here: use Debian's Chromium when present.
const executablePath =
	process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined)

export default defineConfig({
	testDir: './e2e',
	outputDir: path.join(root, 'test-results'),
	fullyParallel: true,
	forbidOnly: !!process.env.CI,
	// A flaky test is a bug to fix, not to retry.
	retries: 0,
	workers: 2,
	// Each test is a whole journey (two browsers, several axe scans): on a 2-core CI machine
	// with two workers the longest take 25-35 s, so 30 s left no margin.
	timeout: 90_000,
	expect: { timeout: 10_000 },
	reporter: [['list']],
	use: {
		baseURL,
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath,
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run',
				'--disable-quic',
			],
		},
	},
	projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
	webServer: {
		// The production build on its own embedded database, recreated for every run.
		command: `${path.join(root, 'node_modules/.bin/tsx')} app/server/start.ts --reset-database`,
		cwd: root,
		url: `${baseURL}/resources/healthcheck`,
		reuseExistingServer: false,
		timeout: 180_000,
		stdout: 'ignore',
		stderr: 'pipe',
		env: {
			PORT: String(PORT),
			DATABASE_URL: '',
			SMTP_URL: '',
			PROCURA_DATA_DIR: path.join(root, `.data/e2e-postgres-${PORT}`),
			NODE_ENV: 'production',
		},
	},
})
