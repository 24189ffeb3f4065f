import crypto from 'node:crypto'
import path from 'node:path'
import { createRequestHandler } from '@remix-run/express'
import { type ServerBuild } from '@remix-run/node'
import express from 'express'
import { contentSecurityPolicy, isCrossSiteRequest } from '#app/utils/request-guards.ts'
import { mapDatabaseOutagesTo503 } from './database-outage.ts'

declare module '@remix-run/node' {
	// What every loader and action receives as `context` from this HTTP front.
	interface AppLoadContext {
		cspNonce: string
		clientIp: string | null
	}
}

export type HttpAppOptions = {
	mode: 'production' | 'development'
	/** The production build's server bundle, or a loader of it (Vite dev server). */
	build: ServerBuild | (() => Promise<ServerBuild>)
	clientDir?: string
	/** Vite's dev middleware, in development. */
	devMiddleware?: express.RequestHandler
}

/** The HTTP front: security headers, request ids, the cross-site POST check, static files, then Remix. */
export function createHttpApp({ mode, build, clientDir, devMiddleware }: HttpAppOptions) {
	const app = express()
	app.disable('x-powered-by')
	app.set('trust proxy', 'loopback')

	app.use((req, res, next) => {
		const requestId = crypto.randomUUID()
		// Remix sees it as a request header, so handleError and error pages can quote it.
		req.headers['x-request-id'] = requestId
		res.setHeader('X-Request-Id', requestId)
		res.locals.cspNonce = crypto.randomBytes(16).toString('base64')
		res.setHeader('Content-Security-Policy', contentSecurityPolicy({ nonce: res.locals.cspNonce, isDevelopment: mode === 'development' }))
		res.setHeader('X-Content-Type-Options', 'nosniff')
		res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin')
		res.setHeader('X-Frame-Options', 'DENY')
		res.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
		if (mode === 'production') res.setHeader('Strict-Transport-Security', 'max-age=15552000')
		next()
	})

	app.use((req, res, next) => {
		if (isCrossSiteRequest({ method: req.method, origin: req.headers.origin, host: req.headers.host })) {
			res.status(403).type('text/plain').send('Cross-site requests are not allowed.')
			return
		}
		next()
	})

	if (devMiddleware) {
		app.use(devMiddleware)
	} else if (clientDir) {
		// Fingerprinted assets never change; everything else is revalidated.
		app.use('/assets', express.static(path.join(clientDir, 'assets'), { immutable: true, maxAge: '1y', index: false }))
		app.use(express.static(clientDir, { maxAge: '1h', index: false }))
	}

	app.all(
		'*',
		(_req, res, next) => {
			// Pages and data carry personal and commercial data: never store them in a shared cache.
			res.setHeader('Cache-Control', 'no-store')
			next()
		},
		createRequestHandler({
			// A database outage answers 503 with Retry-After, not 500: see database-outage.ts.
			build:
				typeof build === 'function'
					? async () => mapDatabaseOutagesTo503(await build())
					: mapDatabaseOutagesTo503(build),
			mode,
			getLoadContext: (req, res) => ({ cspNonce: res.locals.cspNonce as string, clientIp: req.ip ?? null }),
		}),
	)
	return app
}
