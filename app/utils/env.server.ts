import { z } from 'zod'

const EnvSchema = z.object({
	NODE_ENV: z.enum(['production', 'development', 'test']).default('development'),
	DATABASE_URL: z.string().url(),
	SESSION_SECRET: z.string().min(16, 'SESSION_SECRET must be at least 16 characters'),
	SMTP_URL: z.string().url().optional(),
	MAIL_FROM: z.string().default('Procura <no-reply@procura.test>'),
	APP_URL: z.string().url().optional(),
})

export type Env = z.infer<typeof EnvSchema>

declare global {
	// eslint-disable-next-line @typescript-eslint/no-namespace
	namespace NodeJS {
		interface ProcessEnv {
			DATABASE_URL?: string
			SESSION_SECRET?: string
			SMTP_URL?: string
			MAIL_FROM?: string
			APP_URL?: string
			PORT?: string
		}
	}
}

/** Fails fast at start-up with every problem in the environment listed at once. */
export function init() {
	const parsed = EnvSchema.safeParse(setVariables())
	if (!parsed.success) {
		const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')
		throw new Error(`Invalid environment:\n${problems}`)
	}
}

export function getEnv() {
	return EnvSchema.parse(setVariables())
}

// An empty variable (SMTP_URL= in a shell or .env) means "not set", not "invalid".
function setVariables() {
	return Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== ''))
}
