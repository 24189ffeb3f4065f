import { type LoaderFunctionArgs } from '@remix-run/node'
import { PortalLayout, type NavItem } from '#app/components/portal-shell.tsx'
import { loadPortalUser } from '#app/utils/portal.server.ts'

const NAV: NavItem[] = [
	{ to: '/buyer', label: 'Dashboard', end: true },
	{ to: '/buyer/orders', label: 'Orders' },
	{ to: '/buyer/operations', label: 'Operations' },
	{ to: '/buyer/order-classes', label: 'Order classes' },
	{ to: '/buyer/categories', label: 'Categories' },
	{ to: '/buyer/suppliers', label: 'Suppliers' },
	{ to: '/buyer/contracts', label: 'Contracts' },
	{ to: '/buyer/coverage', label: 'Coverage' },
	{ to: '/buyer/disputes', label: 'Disputes' },
]

export async function loader({ request }: LoaderFunctionArgs) {
	return loadPortalUser(request, 'buyer')
}

export default function BuyerLayout() {
	return <PortalLayout portalName="Buyer" nav={NAV} />
}

export { PortalErrorBoundary as ErrorBoundary } from '#app/components/portal-shell.tsx'
