// Who may use each route of the app, and what everyone else gets: the table the access matrix
// (access-matrix.test.ts) checks and the escaping test (stored-xss.test.ts) walks. Every route of
// the manifest needs an entry here.
import { type Role } from '#app/domain/permissions.ts'
import { type Actor, type SecurityWorld } from './world.ts'

export type Method = 'GET' | 'POST'
/** `refused`: the caller is turned away (login, 403, 404, 405) rather than let in to be answered. */
export type Outcome = { status: number; location?: string; refused: boolean }
/** What decides an answer besides the caller: the URL, and whether a POST reaches a layout's loader. */
export type Target = {
	path: string
	/**
	 * A POST to this URL runs no layout loader: a resource route, or an index route without a path
	 * of its own (its URL posts to the layout). A missing action then answers 405 before any guard
	 * could redirect.
	 */
	bare: boolean
}
export type Rule = {
	/** The URL to request; ids in it are supplier B's where the route shows a supplier's own data. */
	path: (w: SecurityWorld) => string
	outcome: (actor: Actor, method: Method, target: Target) => Outcome
	/**
	 * The form every refused caller sends: one that would change something if the action let it
	 * through. Callers allowed in send an empty form, which must be refused as bad input.
	 */
	form?: (w: SecurityWorld) => Record<string, string>
	/** A layout has no URL of its own: only its loader alone is asked (and it must have no action). */
	layout?: boolean
	/** Each request gets a session of its own (logging out ends the one it carries). */
	ownSession?: boolean
	/** Tables the route may change for the callers it accepts, and why. */
	mayChange?: string[]
}

/** The action is missing: Remix answers a POST with 405 Method Not Allowed. */
const NO_ACTION = 'no action' as const

const PORTAL: Record<Exclude<Actor, 'anonymous'>, string> = {
	admin: '/admin',
	buyer: '/buyer',
	supplierA: '/supplier',
	supplierB: '/supplier',
	auditor: '/audit',
}

function roleOf(actor: Actor): Role | null {
	if (actor === 'anonymous') return null
	return actor === 'supplierA' || actor === 'supplierB' ? 'supplier' : actor
}

function toLogin(path: string): Outcome {
	return { status: 302, location: `/login?${new URLSearchParams({ redirectTo: path })}`, refused: true }
}

/**
 * A portal route: `allowed` roles get `get` (and `post` for an empty form), others 403 (405 when
 * there is no action), anonymous callers a redirect to the login. With `ownedByB`, the path names
 * supplier B's data: supplier A gets 404, for GET and POST alike.
 */
function guarded(
	allowed: readonly Role[],
	path: Rule['path'],
	{
		get = 200,
		post,
		form,
		ownedByB = false,
		supplierA,
	}: {
		get?: number
		post: number | typeof NO_ACTION
		form?: Rule['form']
		ownedByB?: boolean
		/** What supplier A gets when the form (not the path) names B's data. */
		supplierA?: Partial<Record<Method, number>>
	},
): Rule {
	return {
		path,
		form,
		outcome(actor, method, target) {
			const role = roleOf(actor)
			const noAction = post === NO_ACTION
			if (method === 'POST' && noAction && (role !== null || target.bare))
				return { status: 405, refused: true }
			if (role === null) return toLogin(target.path)
			if (!allowed.includes(role)) return { status: 403, refused: true }
			if (actor === 'supplierA' && ownedByB) return { status: 404, refused: true }
			const forA = actor === 'supplierA' ? supplierA?.[method] : undefined
			if (forA !== undefined) return { status: forA, refused: true }
			return { status: method === 'GET' ? get : (post as number), refused: false }
		},
	}
}

function layout(allowed: readonly Role[], url: string): Rule {
	const rule = guarded(allowed, () => url, { post: NO_ACTION })
	// A layout has no URL of its own: its loader is called directly, and it has no action.
	return {
		...rule,
		layout: true,
		outcome: (actor, method, target) => rule.outcome(actor, method, { ...target, bare: true }),
	}
}

/** A page for visitors who are not logged in; everyone else is sent to their portal. */
function anonymousOnly(path: Rule['path'], anonymous: Record<Method, number>): Rule {
	return {
		path,
		outcome: (actor, method) =>
			actor === 'anonymous'
				? { status: anonymous[method], refused: false }
				: { status: 302, location: PORTAL[actor], refused: true },
	}
}

const BUYERS = ['buyer', 'admin'] as const
const ADMIN = ['admin'] as const
const AUDITOR = ['auditor'] as const
const SUPPLIER = ['supplier'] as const

export const RULES: Record<string, Rule> = {
	// Public and session routes.
	'routes/_auth+/login': anonymousOnly(() => '/login', { GET: 200, POST: 400 }),
	'routes/_auth+/invitations.$token': anonymousOnly(() => '/invitations/no-such-token', {
		GET: 404,
		POST: 400,
	}),
	'routes/_auth+/logout': {
		path: () => '/logout',
		// A GET must never end a session (links and prefetches); the POST ends it for anyone.
		outcome: (_actor, method) =>
			method === 'GET'
				? { status: 302, location: '/', refused: false }
				: { status: 302, location: '/login', refused: false },
		ownSession: true,
		// Each logout is recorded in the audit trail.
		mayChange: ['audit_events'],
	},
	'routes/_index': {
		path: () => '/',
		outcome: (actor, method) =>
			method === 'POST'
				? { status: 405, refused: true }
				: { status: 302, location: actor === 'anonymous' ? '/login' : PORTAL[actor], refused: false },
	},
	'routes/resources+/healthcheck': {
		path: () => '/resources/healthcheck',
		outcome: (_actor, method) =>
			method === 'GET' ? { status: 200, refused: false } : { status: 405, refused: true },
	},

	// Admin portal.
	'routes/admin+/_layout': layout(ADMIN, '/admin'),
	'routes/admin+/_index': guarded(ADMIN, () => '/admin', { post: NO_ACTION }),
	'routes/admin+/mailbox._index': guarded(ADMIN, () => '/admin/mailbox', { post: NO_ACTION }),
	'routes/admin+/mailbox.$messageId': guarded(ADMIN, (w) => `/admin/mailbox/${w.emailId}`, {
		post: NO_ACTION,
	}),
	'routes/admin+/mailbox.$messageId.html': guarded(ADMIN, (w) => `/admin/mailbox/${w.emailId}/html`, {
		post: NO_ACTION,
	}),
	'routes/admin+/scorecard-policy': guarded(ADMIN, () => '/admin/scorecard-policy', { post: 400 }),
	'routes/admin+/users._index': guarded(ADMIN, () => '/admin/users', {
		post: 400,
		form: (w) => ({ intent: 'disable', userId: w.userOfB.id }),
	}),
	'routes/admin+/users.new': guarded(ADMIN, () => '/admin/users/new', {
		post: 400,
		form: () => ({ email: 'intruder@procura.test', name: 'Intruder', role: 'admin' }),
	}),

	// Auditor portal: read only, no action anywhere.
	'routes/audit+/_layout': layout(AUDITOR, '/audit'),
	'routes/audit+/_index': guarded(AUDITOR, () => '/audit', { post: NO_ACTION }),
	'routes/audit+/audit-trail': guarded(AUDITOR, () => '/audit/audit-trail', { post: NO_ACTION }),
	'routes/audit+/audit-trail[.csv]': guarded(AUDITOR, () => '/audit/audit-trail.csv', { post: NO_ACTION }),
	'routes/audit+/disputes': guarded(AUDITOR, () => '/audit/disputes', { post: NO_ACTION }),
	'routes/audit+/scorecards._index': guarded(AUDITOR, () => '/audit/scorecards', { post: NO_ACTION }),
	'routes/audit+/scorecards[.csv]': guarded(AUDITOR, () => '/audit/scorecards.csv', { post: NO_ACTION }),
	'routes/audit+/scorecards.$supplierId._index': guarded(
		AUDITOR,
		(w) => `/audit/scorecards/${w.supplierB.id}`,
		{
			post: NO_ACTION,
		},
	),
	'routes/audit+/scorecards.$supplierId.evidence': guarded(
		AUDITOR,
		(w) =>
			`/audit/scorecards/${w.supplierB.id}/evidence?class=${w.cls.id}&month=${w.month}&metric=onTimeRate`,
		{ post: NO_ACTION },
	),
	'routes/audit+/scorecards.$supplierId.evidence[.csv]': guarded(
		AUDITOR,
		(w) =>
			`/audit/scorecards/${w.supplierB.id}/evidence.csv?class=${w.cls.id}&month=${w.month}&metric=onTimeRate`,
		{ post: NO_ACTION },
	),
	'routes/audit+/scorecards.$supplierId.recompute': guarded(
		AUDITOR,
		(w) => `/audit/scorecards/${w.supplierB.id}/recompute?class=${w.cls.id}&month=${w.month}`,
		{ post: NO_ACTION },
	),
	'routes/audit+/orders.$orderId': guarded(AUDITOR, (w) => `/audit/orders/${w.orderId}`, { post: NO_ACTION }),
	'routes/audit+/verify': guarded(AUDITOR, () => '/audit/verify', { post: NO_ACTION }),

	// Buyer portal (admins can do everything buyers can).
	'routes/buyer+/_layout': layout(BUYERS, '/buyer'),
	'routes/buyer+/_index': guarded(BUYERS, () => '/buyer', { post: NO_ACTION }),
	'routes/buyer+/categories._index': guarded(BUYERS, () => '/buyer/categories', {
		post: 400,
		form: (w) => ({ intent: 'retire', categoryId: w.category.id }),
	}),
	'routes/buyer+/categories.new': guarded(BUYERS, () => '/buyer/categories/new', {
		post: 400,
		form: () => ({ name: 'Intruder category', key: 'intruder', description: '' }),
	}),
	'routes/buyer+/categories.$categoryId': guarded(BUYERS, (w) => `/buyer/categories/${w.category.id}`, {
		post: 400,
		form: () => ({ intent: 'retire' }),
	}),
	'routes/buyer+/contracts._index': guarded(BUYERS, () => '/buyer/contracts', { post: NO_ACTION }),
	'routes/buyer+/contracts.new': guarded(BUYERS, () => '/buyer/contracts/new', { post: 400 }),
	'routes/buyer+/contracts.$contractId': guarded(BUYERS, (w) => `/buyer/contracts/${w.contract.id}`, {
		post: 400,
		form: (w) => ({
			intent: 'withdraw',
			expectedLockVersion: String(w.contract.lockVersion),
			versionId: w.contractVersionId,
		}),
	}),
	'routes/buyer+/coverage': guarded(BUYERS, () => '/buyer/coverage', { post: NO_ACTION }),
	'routes/buyer+/disputes._index': guarded(BUYERS, () => '/buyer/disputes', { post: 400 }),
	'routes/buyer+/exceptions': guarded(BUYERS, () => '/buyer/exceptions', { post: 400 }),
	'routes/buyer+/operations': guarded(BUYERS, () => '/buyer/operations', { post: NO_ACTION }),
	'routes/buyer+/order-classes._index': guarded(BUYERS, () => '/buyer/order-classes', { post: NO_ACTION }),
	'routes/buyer+/order-classes.new': guarded(BUYERS, () => '/buyer/order-classes/new', { post: 400 }),
	'routes/buyer+/order-classes.$orderClassId': guarded(BUYERS, (w) => `/buyer/order-classes/${w.cls.id}`, {
		post: 400,
	}),
	'routes/buyer+/orders._index': guarded(BUYERS, () => '/buyer/orders', { post: NO_ACTION }),
	'routes/buyer+/orders.new': guarded(BUYERS, () => '/buyer/orders/new', { post: 400 }),
	'routes/buyer+/orders.preview': guarded(BUYERS, () => '/buyer/orders/preview', { post: NO_ACTION }),
	'routes/buyer+/orders.$orderId': guarded(BUYERS, (w) => `/buyer/orders/${w.orderId}`, {
		post: 400,
		form: () => ({ intent: 'cancel', expectedVersion: '1', reason: 'Not yours to cancel' }),
	}),
	'routes/buyer+/suppliers._index': guarded(BUYERS, () => '/buyer/suppliers', { post: NO_ACTION }),
	'routes/buyer+/suppliers.new': guarded(BUYERS, () => '/buyer/suppliers/new', { post: 400 }),
	'routes/buyer+/suppliers.$supplierId': guarded(BUYERS, (w) => `/buyer/suppliers/${w.supplierB.id}`, {
		post: 400,
		form: () => ({ toStatus: 'blocked', reason: 'Blocked by someone who may not block' }),
	}),

	// Supplier portal: everything is the session's supplier's; B's ids are not found for A.
	'routes/supplier+/_layout': layout(SUPPLIER, '/supplier'),
	'routes/supplier+/_index': guarded(SUPPLIER, () => '/supplier', { post: NO_ACTION }),
	'routes/supplier+/capabilities': guarded(SUPPLIER, () => '/supplier/capabilities', { post: 400 }),
	'routes/supplier+/contracts._index': guarded(SUPPLIER, () => '/supplier/contracts', { post: NO_ACTION }),
	'routes/supplier+/contracts.$contractId': guarded(SUPPLIER, (w) => `/supplier/contracts/${w.contract.id}`, {
		post: 400,
		ownedByB: true,
		form: (w) => ({
			intent: 'accept',
			expectedLockVersion: String(w.contract.lockVersion),
			versionId: w.contractVersionId,
		}),
	}),
	'routes/supplier+/orders._index': guarded(SUPPLIER, () => '/supplier/orders', {
		post: 400,
		// The inbox's accept names the offer in the form: B's offer is not found for A.
		supplierA: { POST: 404 },
		form: (w) => ({ intent: 'accept', expectedVersion: '1', offerId: w.offerId }),
	}),
	'routes/supplier+/orders.$orderId': guarded(SUPPLIER, (w) => `/supplier/orders/${w.orderId}`, {
		post: 400,
		ownedByB: true,
		form: (w) => ({ intent: 'accept', expectedVersion: '1', offerId: w.offerId }),
	}),
	'routes/supplier+/profile': guarded(SUPPLIER, () => '/supplier/profile', { post: 400 }),
	'routes/supplier+/scorecard._index': guarded(SUPPLIER, () => '/supplier/scorecard', {
		post: 400,
		// A dispute naming B's order gets the field error a made-up order gets (tests/security/foreign-ids.test.ts).
		supplierA: { POST: 400 },
		form: (w) => ({
			intent: 'dispute',
			orderClassId: w.cls.id,
			month: w.month,
			metric: 'responseRate',
			orderId: w.orderId,
			comment: 'Not my order, but let us see',
		}),
	}),
	'routes/supplier+/scorecard.evidence': guarded(
		SUPPLIER,
		(w) => `/supplier/scorecard/evidence?class=${w.cls.id}&month=${w.month}`,
		{ post: NO_ACTION },
	),
	'routes/supplier+/team.$userId': guarded(SUPPLIER, (w) => `/supplier/team/${w.colleagueOfB.id}`, {
		post: NO_ACTION,
		ownedByB: true,
	}),
}
