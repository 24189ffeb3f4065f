import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useLoaderData } from '@remix-run/react'
import { type ReactNode } from 'react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Toaster } from '#app/components/toaster.tsx'
import appStylesHref from '#app/styles/app.css?url'
import { getOptionalUser } from '#app/utils/auth.server.ts'
import { useNonce } from '#app/utils/nonce-provider.ts'
import { getToast } from '#app/utils/toast.server.ts'

export const links: LinksFunction = () => [
	{ rel: 'stylesheet', href: appStylesHref },
	{ rel: 'icon', href: 'data:,' },
]

export async function loader({ request }: LoaderFunctionArgs) {
	const [user, { toast, headers }] = await Promise.all([getOptionalUser(request), getToast(request)])
	return data(
		{
			user,
			toast,
			// Shown on error pages so a person can quote it; matches the server log line.
			requestId: request.headers.get('x-request-id'),
		},
		{ headers: headers ?? undefined },
	)
}

export const meta: MetaFunction = () => [
	{ title: 'Procura' },
	{ name: 'description', content: 'Supplier portal and procurement contract management' },
]

export function Layout({ children }: { children: ReactNode }) {
	const nonce = useNonce()
	return (
		<html lang="en">
			<head>
				<meta charSet="utf-8" />
				<meta name="viewport" content="width=device-width, initial-scale=1" />
				<Meta />
				<Links />
			</head>
			<body>
				<a className="skip-link" href="#main">
					Skip to content
				</a>
				{children}
				<ScrollRestoration nonce={nonce} />
				<Scripts nonce={nonce} />
			</body>
		</html>
	)
}

export default function App() {
	const { toast } = useLoaderData<typeof loader>()
	return (
		<>
			<Outlet />
			<Toaster toast={toast} />
		</>
	)
}

export function ErrorBoundary() {
	return (
		<main id="main">
			<GeneralErrorBoundary />
		</main>
	)
}
