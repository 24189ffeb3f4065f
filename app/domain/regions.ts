/**
 * The regions suppliers serve and orders are placed in. A fixed list, so a
 * capability's region and an order's region match exactly (routing compares them).
 */
export const REGIONS = ['EU-West', 'EU-Central', 'Nordics', 'North America', 'LATAM', 'APAC', 'Middle East & Africa'] as const

export type Region = (typeof REGIONS)[number]

export function isRegion(value: string): value is Region {
	return (REGIONS as readonly string[]).includes(value)
}
