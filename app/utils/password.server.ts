import { hash, verify, type Options } from '@node-rs/argon2'

/**
 * argon2id with OWASP's minimum parameters (19 MiB, 2 passes, 1 lane). The
 * library's default algorithm is argon2id; the parameters go into each hash
 * string, so raising them later still verifies existing hashes.
 */
export const PASSWORD_HASH_OPTIONS: Readonly<Options> = Object.freeze({
	memoryCost: 19456,
	timeCost: 2,
	parallelism: 1,
})

let hashOptions: Readonly<Options> = PASSWORD_HASH_OPTIONS
let dummyHash: Promise<string> | undefined

/**
 * Tests only: cheaper hashing so factories can create many users quickly.
 * Refuses to run outside NODE_ENV=test so production can never be weakened.
 */
export function enableFastPasswordHashingForTests() {
	if (process.env.NODE_ENV !== 'test') throw new Error('Fast password hashing is only for tests')
	hashOptions = Object.freeze({ memoryCost: 1024, timeCost: 1, parallelism: 1 })
	dummyHash = undefined
}

export async function hashPassword(password: string): Promise<string> {
	return hash(password, hashOptions)
}

/**
 * Verifies `password` against `passwordHash`. With no hash (unknown user, or
 * an account that never set a password) it verifies against a dummy hash and
 * returns false, so the response time does not reveal whether the account exists.
 */
export async function verifyPassword(
	passwordHash: string | null | undefined,
	password: string,
): Promise<boolean> {
	if (!passwordHash) {
		dummyHash ??= hash('procura-dummy-password-for-equal-timing', hashOptions)
		await verify(await dummyHash, password).catch(() => false)
		return false
	}
	try {
		return await verify(passwordHash, password)
	} catch {
		// A malformed stored hash is a failed login, not a server error.
		return false
	}
}
