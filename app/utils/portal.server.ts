import { requireUserWithRole } from '#app/utils/auth.server.ts'

type PortalRole = 'admin' | 'buyer' | 'supplier' | 'auditor'

/**
 * The loader of every portal's `_layout.tsx`. It only shapes the UI: loaders
 * run in parallel, so each child loader and action calls its own guard too.
 */
export async function loadPortalUser(request: Request, role: PortalRole) {
	const user = await requireUserWithRole(request, role)
	return { user: { name: user.name, role: user.role } }
}
