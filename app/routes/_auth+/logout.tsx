import { redirect, type ActionFunctionArgs, type MetaFunction } from '@remix-run/node'
import { logout } from '#app/utils/auth.server.ts'

// Logging out changes state, so it is POST only; a GET (a link, a prefetch) must not end a session.
export async function loader() {
	return redirect('/')
}

// No guard on purpose: logging out works for anyone, and an anonymous request just lands on /login.
export async function action({ request }: ActionFunctionArgs) {
	return logout(request)
}

export const meta: MetaFunction = () => [{ title: 'Log out · Procura' }]

// Never rendered: both the loader and the action redirect.
export default function Logout() {
	return null
}

export { GeneralErrorBoundary as ErrorBoundary } from '#app/components/error-boundary.tsx'
