import { expect, test } from 'vitest'
import { checkRegionsStillServed } from './profile-regions.ts'

test('a region still served by capabilities cannot leave the profile', () => {
	const capabilities = [{ regions: ['EU-West', 'EU-Central'] }, { regions: ['EU-West'] }]
	expect(checkRegionsStillServed(['EU-West', 'EU-Central', 'Nordics'], capabilities)).toBeNull()
	expect(checkRegionsStillServed(['EU-Central'], capabilities)).toBe(
		'Your capabilities still serve EU-West (2 capabilities). Take the region off them first.',
	)
	expect(checkRegionsStillServed(['APAC'], capabilities)).toBe(
		'Your capabilities still serve EU-West (2 capabilities), EU-Central (1 capability). Take the region off them first.',
	)
	expect(checkRegionsStillServed([], [])).toBeNull()
})
