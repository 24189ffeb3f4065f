/**
 * The Node flags the production server runs with; package.json's `start` script passes the same
 * (`tsx --max-old-space-size=256 app/server/start.ts`), and the processes the HTTP benchmark and the
 * fault tests start use this list. A 256 MB old space keeps the server's RSS under 400 MB with 50
 * connections rendering the largest pages (unbounded, V8 let it reach 515–709 MB in the HTTP
 * benchmark) for ~5–15 % of their throughput, spent in garbage collection.
 */
export const SERVER_NODE_FLAGS = ['--max-old-space-size=256']
