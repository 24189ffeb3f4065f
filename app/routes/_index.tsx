import { redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { portalForRole } from '#app/domain/permissions.ts'
import { getOptionalUser } from '#app/utils/auth.server.ts'

// `/` has no page of its own: each role goes to its portal, anonymous visitors to the login.
export async function loader({ request }: LoaderFunctionArgs) {
	const user = await getOptionalUser(request)
	throw redirect(user ? portalForRole(user.role) : '/login')
}

export const meta: MetaFunction = () => [{ title: 'Procura' }]

export default function Index() {
	return null
}

export { GeneralErrorBoundary as ErrorBoundary } from '#app/components/error-boundary.tsx'
