// The whole app as Remix serves it, built in the test process from the same route
// convention the Vite plugin uses (remix.config.js), with the real root, route
// modules and entry.server: loaders, actions, guards, error boundaries and
// server rendering all run, only the browser bundle is a stand-in.
import path from 'node:path'
import { UNSAFE_defineRoutes as defineRoutes, type UNSAFE_RouteManifest } from '@remix-run/dev'
import { createRequestHandler, type ServerBuild } from '@remix-run/node'
import remixConfig from '../../remix.config.js'

const APP_DIR = path.resolve(import.meta.dirname, '../../app')

export type AppRoute = {
	id: string
	parentId: string | undefined
	/** The route file under app/, e.g. `routes/buyer+/orders.$orderId.tsx`. */
	file: string
	path: string | undefined
	index: boolean
	/** The whole URL pattern, parents' paths included, e.g. `/buyer/orders/:orderId`. */
	pattern: string
}

/** Every route of the app, as remix.config.js's flat-routes convention resolves app/routes. */
export async function listAppRoutes(): Promise<AppRoute[]> {
	if (!remixConfig.routes) throw new Error('remix.config.js defines no routes function')
	const manifest: UNSAFE_RouteManifest = await remixConfig.routes(defineRoutes)
	const patternOf = (id: string | undefined): string[] => {
		const route = id ? manifest[id] : undefined
		return route ? [...patternOf(route.parentId), ...(route.path ? [route.path] : [])] : []
	}
	return Object.values(manifest).map((r) => ({
		id: r.id,
		parentId: r.parentId,
		file: r.file,
		path: r.path,
		index: r.index === true,
		pattern: `/${patternOf(r.id).join('/')}`,
	}))
}

type RouteModule = ServerBuild['routes'][string]['module']

/** Imports every route module (and the root) through Vite, as the dev server would. */
export async function loadRouteModules(routes: AppRoute[]): Promise<Record<string, RouteModule>> {
	const entries = await Promise.all(
		[{ id: 'root', file: 'root.tsx' }, ...routes].map(
			async (r) =>
				[r.id, (await import(/* @vite-ignore */ path.join(APP_DIR, r.file))) as RouteModule] as const,
		),
	)
	return Object.fromEntries(entries)
}

/** The server build: real modules, and an assets manifest whose URLs point nowhere (no browser runs). */
export async function createTestBuild(): Promise<{ build: ServerBuild; routes: AppRoute[] }> {
	const routes = await listAppRoutes()
	const modules = await loadRouteModules(routes)
	const entryModule = (await import('#app/entry.server.tsx')) as ServerBuild['entry']['module']
	const all = [{ id: 'root', parentId: undefined, path: '', index: false }, ...routes]
	const serverRoutes: ServerBuild['routes'] = Object.fromEntries(
		all.map((r) => [
			r.id,
			{ id: r.id, parentId: r.parentId, path: r.path, index: r.index || undefined, module: modules[r.id]! },
		]),
	)
	const assetRoutes: ServerBuild['assets']['routes'] = Object.fromEntries(
		all.map((r) => {
			const module = modules[r.id]!
			return [
				r.id,
				{
					id: r.id,
					parentId: r.parentId,
					path: r.path,
					index: r.index || undefined,
					module: `/assets/${r.id}.js`,
					imports: [],
					hasAction: 'action' in module,
					hasLoader: 'loader' in module,
					hasClientAction: false,
					hasClientLoader: false,
					hasErrorBoundary: 'ErrorBoundary' in module,
				},
			]
		}),
	)
	const build: ServerBuild = {
		mode: 'production',
		entry: { module: entryModule },
		routes: serverRoutes,
		assets: {
			entry: { module: '/assets/entry.client.js', imports: [] },
			routes: assetRoutes,
			url: '/assets/manifest.js',
			version: 'test',
		},
		publicPath: '/',
		assetsBuildDirectory: 'build/client',
		future: {
			v3_fetcherPersist: true,
			v3_relativeSplatPath: true,
			v3_throwAbortReason: true,
			v3_lazyRouteDiscovery: true,
			v3_singleFetch: true,
		},
		isSpaMode: false,
	}
	return { build, routes }
}

/** A request handler over the test build, taking the load context the HTTP front would give. */
export async function createTestHandler() {
	const { build, routes } = await createTestBuild()
	const handle = createRequestHandler(build, 'production')
	return {
		build,
		routes,
		handle: (request: Request) => handle(request, { cspNonce: 'test-nonce', clientIp: '127.0.0.1' }),
	}
}
