import { type LoaderFunctionArgs } from '@remix-run/node'
import { PortalLayout, type NavItem } from '#app/components/portal-shell.tsx'
import { loadPortalUser } from '#app/utils/portal.server.ts'

const NAV: NavItem[] = [
	{ to: '/admin', label: 'Dashboard', end: true },
	{ to: '/admin/users', label: 'Users' },
	{ to: '/admin/mailbox', label: 'Mailbox' },
	{ to: '/admin/scorecard-policy', label: 'Scorecard policy' },
	{ to: '/buyer', label: 'Buyer portal' },
]

export async function loader({ request }: LoaderFunctionArgs) {
	return loadPortalUser(request, 'admin')
}

export default function AdminLayout() {
	return <PortalLayout portalName="Admin" nav={NAV} />
}

export { PortalErrorBoundary as ErrorBoundary } from '#app/components/portal-shell.tsx'
