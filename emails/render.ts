import { render, toPlainText } from '@react-email/render'
import { type ReactElement } from 'react'

export type RenderedEmail = { html: string; text: string }

/** Renders a React Email template to the HTML and plain-text bodies of one message. */
export async function renderEmail(react: ReactElement): Promise<RenderedEmail> {
	const html = await render(react)
	// Derived from the HTML rather than a second render, so both parts always say the same thing.
	return { html, text: toPlainText(html) }
}
