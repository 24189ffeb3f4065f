/**
 * The Node flags the production server runs with; package.json's `start` script passes the same
 * (`tsx --max-old-space-size=256 app/server/start.ts`), and the processes the HTTP benchmark and the
 * fault tests start use this list. A 256 MB old space keeps the server's RSS under 400 MB with 50
 * connections rendering the largest pages (unbounded, V8 let it reach 515–709 MB in the HTTP
 * benchmark) for ~5–15 % of their throughput, spent in garbage collection. A 32 MB semi-space (V8's
 * young generation; the default is 16 MB at most) lets a request's short-lived garbage die young
 * instead of being copied and promoted: +5–19 % requests/s across the three pages for ~40 MB more
 * peak RSS (309–315 MB); 64 MB gained nothing more and took it to 393 MB.
 */
export const SERVER_NODE_FLAGS = ['--max-old-space-size=256', '--max-semi-space-size=32']
