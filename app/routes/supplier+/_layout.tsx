import { type LoaderFunctionArgs } from '@remix-run/node'
import { PortalLayout, type NavItem } from '#app/components/portal-shell.tsx'
import { loadPortalUser } from '#app/utils/portal.server.ts'

const NAV: NavItem[] = [
	{ to: '/supplier', label: 'Dashboard', end: true },
	{ to: '/supplier/orders', label: 'Orders' },
	{ to: '/supplier/profile', label: 'Profile' },
	{ to: '/supplier/capabilities', label: 'Capabilities' },
	{ to: '/supplier/contracts', label: 'Contracts' },
	{ to: '/supplier/scorecard', label: 'Scorecard' },
]

export async function loader({ request }: LoaderFunctionArgs) {
	return loadPortalUser(request, 'supplier')
}

export default function SupplierLayout() {
	return <PortalLayout portalName="Supplier" nav={NAV} />
}

export { PortalErrorBoundary as ErrorBoundary } from '#app/components/portal-shell.tsx'
