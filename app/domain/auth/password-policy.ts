// Password policy (NIST 800-63B style): length is what counts; no composition rules.

export const PASSWORD_MIN_LENGTH = 12
// Bounds hashing work per request and keeps pasted garbage out.
export const PASSWORD_MAX_LENGTH = 128

/** Length in characters as a person counts them (code points, so emoji count once). */
export function passwordLength(password: string): number {
	return [...password].length
}

/** Problems with `password`, as messages for the form; empty when it is acceptable. */
export function passwordProblems(password: string): string[] {
	const length = passwordLength(password)
	if (length < PASSWORD_MIN_LENGTH) return [`Use at least ${PASSWORD_MIN_LENGTH} characters.`]
	if (length > PASSWORD_MAX_LENGTH) return [`Use at most ${PASSWORD_MAX_LENGTH} characters.`]
	if (password.trim().length === 0) return ['The password cannot be only spaces.']
	return []
}
