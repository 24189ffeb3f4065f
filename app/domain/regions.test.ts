import { expect, test } from 'vitest'
import { isRegion, REGIONS } from './regions.ts'

test('regions are unique and recognised exactly', () => {
	expect(new Set(REGIONS).size).toBe(REGIONS.length)
	expect(isRegion('EU-West')).toBe(true)
	expect(isRegion('eu-west')).toBe(false)
	expect(isRegion('Atlantis')).toBe(false)
})
