import { type LoaderFunctionArgs } from '@remix-run/node'
import { PortalLayout, type NavItem } from '#app/components/portal-shell.tsx'
import { loadPortalUser } from '#app/utils/portal.server.ts'

const NAV: NavItem[] = [
	{ to: '/audit', label: 'Dashboard', end: true },
	{ to: '/audit/scorecards', label: 'Scorecards' },
	{ to: '/audit/disputes', label: 'Disputes' },
	{ to: '/audit/audit-trail', label: 'Audit trail' },
	{ to: '/audit/verify', label: 'Verify chain' },
]

export async function loader({ request }: LoaderFunctionArgs) {
	return loadPortalUser(request, 'auditor')
}

export default function AuditLayout() {
	return <PortalLayout portalName="Audit" nav={NAV} />
}

export { PortalErrorBoundary as ErrorBoundary } from '#app/components/portal-shell.tsx'
