// The rollups module with addToScorecardRollups doing nothing (see ./register.mjs); the rest is the real one.
export * from '../../app/models/scorecard/rollups.server.ts'

/** Switched off: order transitions write no rollup rows. */
export async function addToScorecardRollups(): Promise<void> {}
