import {
	formatMoment,
	SIDE_LABELS,
	VERSION_STATUS_BADGES,
	VERSION_STATUS_LABELS,
	type VersionStatus,
} from './contract-format.tsx'
import { TermsTable, type TermRow } from './terms-table.tsx'

/** One version of the negotiation as the thread shows it. */
export type ThreadVersion = {
	id: string
	number: number
	proposedBy: 'buyer' | 'supplier'
	proposedByName: string | null
	status: VersionStatus
	note: string
	proposedAt: string | Date | null
	respondedAt: string | Date | null
	respondedByName: string | null
	terms: readonly TermRow[]
	changes: readonly string[]
}

/** Every proposal of the negotiation, newest first: who, when, what changed, and its terms on demand. */
export function VersionThread({
	versions,
	currency,
}: {
	versions: readonly ThreadVersion[]
	currency: string
}) {
	const shown = [...versions].filter((v) => v.status !== 'draft').sort((a, b) => b.number - a.number)
	return (
		<section aria-labelledby="thread-heading" className="stack">
			<h2 id="thread-heading">Negotiation history</h2>
			{shown.length === 0 ? (
				<p className="empty">Nothing has been proposed yet.</p>
			) : (
				<ol className="version-thread">
					{shown.map((version) => (
						<li key={version.id}>
							<VersionEntry version={version} currency={currency} isFirst={version === shown.at(-1)} />
						</li>
					))}
				</ol>
			)}
		</section>
	)
}

function VersionEntry({
	version,
	currency,
	isFirst,
}: {
	version: ThreadVersion
	currency: string
	isFirst: boolean
}) {
	const headingId = `version-${version.id}`
	const who = `${SIDE_LABELS[version.proposedBy]}${version.proposedByName ? ` (${version.proposedByName})` : ''}`
	return (
		<article className="card version" aria-labelledby={headingId}>
			<header className="version-header">
				<h3 id={headingId}>Version {version.number}</h3>
				<span className={VERSION_STATUS_BADGES[version.status]}>{VERSION_STATUS_LABELS[version.status]}</span>
			</header>
			<p className="muted">
				Proposed by {who} · {formatMoment(version.proposedAt)}
				{version.respondedAt ? (
					<>
						{' '}
						· {VERSION_STATUS_LABELS[version.status].toLowerCase()}
						{version.respondedByName ? ` by ${version.respondedByName}` : ''}{' '}
						{formatMoment(version.respondedAt)}
					</>
				) : null}
			</p>
			{version.note ? <blockquote className="version-note">{version.note}</blockquote> : null}
			{version.changes.length > 0 ? (
				<>
					<h4>What changed</h4>
					<ul className="changes">
						{version.changes.map((change) => (
							<li key={change}>{change}</li>
						))}
					</ul>
				</>
			) : (
				<p className="muted">
					{isFirst ? 'The first proposal.' : 'No changes to the terms of the previous version.'}
				</p>
			)}
			<details>
				<summary>Terms of version {version.number}</summary>
				<TermsTable
					terms={version.terms}
					currency={currency}
					caption={`Terms of version ${version.number}`}
				/>
			</details>
		</article>
	)
}
