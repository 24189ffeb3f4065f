// The Remix options live here (the design card asks for this file); vite.config.ts
// hands them to the Remix Vite plugin so each setting has exactly one home.
import { flatRoutes } from 'remix-flat-routes'

/** @type {import('@remix-run/dev').VitePluginConfig} */
export default {
	ignoredRouteFiles: ['**/*'],
	serverModuleFormat: 'esm',
	future: {
		v3_fetcherPersist: true,
		v3_relativeSplatPath: true,
		v3_throwAbortReason: true,
		v3_lazyRouteDiscovery: true,
		v3_singleFetch: true,
		v3_routeConfig: false,
	},
	routes: async (defineRoutes) =>
		flatRoutes('routes', defineRoutes, {
			ignoredRouteFiles: [
				'.*',
				'**/*.css',
				'**/*.test.{js,jsx,ts,tsx}',
				'**/__*.*',
				'**/*.server.*',
				'**/*.client.*',
			],
		}),
}
