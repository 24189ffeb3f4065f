import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useLoaderData, useNavigation } from '@remix-run/react'
import { type ChainBreakReason } from '#app/domain/audit/audit-chain.ts'
import { checkAuditChain } from '#app/models/audit-trail.server.ts'
import { requireUserWithRole } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'

// Read-only portal: the check runs on a GET (`?run=1`); it changes nothing, so no action.
export async function loader({ request }: LoaderFunctionArgs) {
	await requireUserWithRole(request, 'auditor')
	if (new URL(request.url).searchParams.get('run') !== '1') return { check: null }
	return { check: await checkAuditChain(getDb()) }
}

export const meta: MetaFunction = () => [{ title: 'Verify the chain · Audit · Procura' }]

const REASONS: Record<ChainBreakReason, string> = {
	seq_gap: 'this event is missing (deleted, or the sequence skips it)',
	seq_out_of_order: 'an earlier event turns up where this one belongs (reordered or duplicated)',
	prev_hash_mismatch: 'this event does not link to the hash of the event before it',
	hash_mismatch: 'this event’s content no longer matches its hash (altered)',
}

const COUNT = new Intl.NumberFormat('en')

export default function VerifyChain() {
	const { check } = useLoaderData<typeof loader>()
	const navigation = useNavigation()
	const running = navigation.state === 'loading' && navigation.location.pathname === '/audit/verify'
	return (
		<div className="stack">
			<h1>Verify the chain</h1>
			<p>
				Every audit event stores <code>hash = sha256(prev_hash ‖ canonical JSON of the event)</code>;
				verifying recomputes each hash from the first event on and checks that every event links to the hash
				before it, with no sequence number missing.
			</p>
			<Form method="get">
				<input type="hidden" name="run" value="1" />
				<button type="submit" disabled={running} aria-busy={running || undefined}>
					{running ? 'Verifying…' : 'Verify the chain'}
				</button>
			</Form>
			{check ? (
				<section aria-labelledby="verify-result" className="card" role="status">
					<h2 id="verify-result">
						{check.ok ? (
							<span className="badge ok">Chain verified</span>
						) : (
							<span className="badge bad">Chain broken</span>
						)}
					</h2>
					<dl className="details">
						<dt>Events checked</dt>
						<dd>{COUNT.format(check.checked)}</dd>
						{check.ok ? (
							<>
								<dt>Head</dt>
								<dd>
									{check.head ? (
										<>
											seq {check.head.seq}, hash <code>{check.head.hash}</code>
										</>
									) : (
										'The trail is empty.'
									)}
								</dd>
							</>
						) : (
							<>
								<dt>First broken link</dt>
								<dd>
									seq {check.brokenAtSeq}: {REASONS[check.reason]}
								</dd>
							</>
						)}
						<dt>Took</dt>
						<dd>{formatDuration(check.durationMs)}</dd>
					</dl>
				</section>
			) : null}
		</div>
	)
}

function formatDuration(ms: number) {
	return ms < 1000 ? `${Math.max(1, Math.round(ms))} ms` : `${(ms / 1000).toFixed(2)} s`
}

export { GeneralErrorBoundary as ErrorBoundary } from '#app/components/error-boundary.tsx'
