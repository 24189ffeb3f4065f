import { hasPermission, type PermissionString } from '#app/domain/permissions.ts'
import { requireUser, type SessionUser } from '#app/utils/auth.server.ts'
import { logEvent } from '#app/utils/log.server.ts'

// The role guards live beside the session guards; re-exported so either module serves.
export { requireSupplierUser, requireUserWithRole, type SupplierSessionUser } from '#app/utils/auth.server.ts'

/**
 * The logged-in user if their role grants `permission` (e.g. `'update:contract:own'`),
 * else a thrown 403 JSON response naming the permission. An `own` permission
 * still needs a query scoped to the user's organisation: this only checks the role.
 */
export async function requireUserWithPermission(
	request: Request,
	permission: PermissionString,
	options?: { now?: Date },
): Promise<SessionUser> {
	const user = await requireUser(request, options)
	if (hasPermission(user.role, permission)) return user
	logEvent('auth.denied', {
		userId: user.id,
		role: user.role,
		requiredPermission: permission,
		path: new URL(request.url).pathname,
	})
	throw Response.json({ error: 'Forbidden', requiredPermission: permission }, { status: 403 })
}
