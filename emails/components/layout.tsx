import { Body, Container, Head, Hr, Html, Preview, Section, Text } from '@react-email/components'
import { type ReactNode } from 'react'

const styles = {
	body: {
		backgroundColor: '#f4f5f7',
		fontFamily: 'Helvetica, Arial, sans-serif',
		margin: 0,
		padding: '24px 0',
	},
	container: {
		backgroundColor: '#ffffff',
		borderRadius: '8px',
		margin: '0 auto',
		maxWidth: '560px',
		padding: '32px',
	},
	brand: { color: '#1e3a8a', fontSize: '20px', fontWeight: 700, letterSpacing: '0.02em', margin: 0 },
	hr: { borderColor: '#e5e7eb', margin: '24px 0' },
	footer: { color: '#6b7280', fontSize: '12px', lineHeight: '18px', margin: 0 },
} as const

/** Frame shared by every Procura email: brand header, content, account footer. */
export function EmailLayout({ preview, children }: { preview: string; children: ReactNode }) {
	return (
		<Html lang="en">
			<Head />
			<Preview>{preview}</Preview>
			<Body style={styles.body}>
				<Container style={styles.container}>
					<Section>
						<Text style={styles.brand}>Procura</Text>
					</Section>
					<Hr style={styles.hr} />
					{children}
					<Hr style={styles.hr} />
					<Text style={styles.footer}>You receive this because you have an account on Procura.</Text>
				</Container>
			</Body>
		</Html>
	)
}
