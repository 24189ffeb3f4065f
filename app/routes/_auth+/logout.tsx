import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { logout } from '#app/utils/auth.server.ts'

// Logging out changes state, so it is POST only; a GET (a link, a prefetch) must not end a session.
export async function loader() {
	return redirect('/')
}

// No guard on purpose: logging out works for anyone, and an anonymous request just lands on /login.
export async function action({ request }: ActionFunctionArgs) {
	return logout(request)
}

export { GeneralErrorBoundary as ErrorBoundary } from '#app/components/error-boundary.tsx'
