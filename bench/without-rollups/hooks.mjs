// Resolves app/models/scorecard/rollups.server.ts to ./rollups.ts everywhere but in ./rollups.ts itself.
const REAL = '/app/models/scorecard/rollups.server.ts'
const STUB = new URL('./rollups.ts', import.meta.url).href

export async function resolve(specifier, context, nextResolve) {
	const result = await nextResolve(specifier, context)
	const isReal = new URL(result.url).pathname.endsWith(REAL)
	const fromStub =
		context.parentURL !== undefined &&
		new URL(context.parentURL).pathname.endsWith('/without-rollups/rollups.ts')
	return isReal && !fromStub ? { ...result, url: STUB } : result
}
