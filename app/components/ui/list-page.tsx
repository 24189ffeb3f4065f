import { Link } from '@remix-run/react'

/** A list page's title with its main action ("New order", "Invite a user") beside it. */
export function ListPageHeader({ title, action }: { title: string; action: { to: string; label: string } }) {
	return (
		<div className="toolbar page-header">
			<h1>{title}</h1>
			<Link className="button" to={action.to}>
				{action.label}
			</Link>
		</div>
	)
}

/**
 * A labelled select in a list's filter form, showing the filter of the page
 * being viewed; `all` is the option that means "no filter".
 */
export function FilterSelect({
	id,
	label,
	name,
	value,
	all,
	options,
}: {
	id: string
	label: string
	name: string
	value: string | undefined
	all?: string
	options: readonly { value: string; label: string }[]
}) {
	return (
		<div className="field">
			<label htmlFor={id}>{label}</label>
			<select id={id} name={name} defaultValue={value ?? ''}>
				{all ? <option value="">{all}</option> : null}
				{options.map((o) => (
					<option key={o.value} value={o.value}>
						{o.label}
					</option>
				))}
			</select>
		</div>
	)
}
