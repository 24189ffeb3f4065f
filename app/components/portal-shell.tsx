import { Form, NavLink, Outlet, useLoaderData } from '@remix-run/react'
import { type ReactNode } from 'react'
import { GeneralErrorBoundary } from './error-boundary.tsx'

export type NavItem = { to: string; label: string; end?: boolean }

const ROLE_LABELS: Record<string, string> = {
	admin: 'Admin',
	buyer: 'Buyer',
	supplier: 'Supplier',
	auditor: 'Auditor',
}

/** Header, navigation landmark and main landmark shared by the four portals. */
export function PortalShell({
	portalName,
	nav,
	user,
	children,
}: {
	portalName: string
	nav: NavItem[]
	user: { name: string; role: string; organisation?: string | null }
	children: ReactNode
}) {
	return (
		<>
			<header className="app-header">
				<div className="app-header-inner">
					<a className="brand" href="/">
						Procura <span className="muted" style={{ color: '#b9c9da', fontWeight: 400 }}>· {portalName}</span>
					</a>
					<nav className="portal-nav" aria-label={`${portalName} navigation`}>
						<ul>
							{nav.map((item) => (
								<li key={item.to}>
									<NavLink to={item.to} end={item.end ?? false} prefetch="intent">
										{item.label}
									</NavLink>
								</li>
							))}
						</ul>
					</nav>
					<div className="user-menu">
						<span>
							{user.name}
							{user.organisation ? ` · ${user.organisation}` : ''}
						</span>
						<span className="role">{ROLE_LABELS[user.role] ?? user.role}</span>
						<Form method="post" action="/logout">
							<button type="submit">Log out</button>
						</Form>
					</div>
				</div>
			</header>
			<main id="main" tabIndex={-1}>
				{children}
			</main>
		</>
	)
}

export function StatList({ stats }: { stats: { label: string; value: number | string; hint?: string }[] }) {
	return (
		<dl className="stats">
			{stats.map((s) => (
				<div className="stat" key={s.label}>
					<dt>{s.label}</dt>
					<dd>{s.value}</dd>
					{s.hint ? <dd className="hint">{s.hint}</dd> : null}
				</div>
			))}
		</dl>
	)
}

/** The body of every portal's `_layout.tsx`: the shell around the child route. */
export function PortalLayout({ portalName, nav }: { portalName: string; nav: NavItem[] }) {
	const { user } = useLoaderData<{ user: { name: string; role: string } }>()
	return (
		<PortalShell portalName={portalName} nav={nav} user={user}>
			<Outlet />
		</PortalShell>
	)
}

export function PortalErrorBoundary() {
	return (
		<main id="main">
			<GeneralErrorBoundary />
		</main>
	)
}
