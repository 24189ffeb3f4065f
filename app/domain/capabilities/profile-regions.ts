import { formatCount } from './capability-rules.ts'

/**
 * A region can leave the organisation's profile only when no capability still
 * serves it; otherwise capabilities would claim regions the supplier dropped
 * (and the capability form, which offers only the profile's regions, could not
 * take them off). Returns the message for the regions field, or null.
 */
export function checkRegionsStillServed(
	newRegions: readonly string[],
	capabilities: ReadonlyArray<{ regions: readonly string[] }>,
): string | null {
	const dropped = new Map<string, number>()
	for (const capability of capabilities) {
		for (const region of capability.regions) {
			if (!newRegions.includes(region)) dropped.set(region, (dropped.get(region) ?? 0) + 1)
		}
	}
	if (dropped.size === 0) return null
	const parts = [...dropped].map(
		([region, n]) => `${region} (${formatCount(n)} ${n === 1 ? 'capability' : 'capabilities'})`,
	)
	return `Your capabilities still serve ${parts.join(', ')}. Take the region off them first.`
}
