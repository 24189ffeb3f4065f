import fc from 'fast-check'
import { createElement } from 'react'
import { describe, expect, test } from 'vitest'
import { OrderOfferEmail } from './order-offer.tsx'
import { EMAIL_TEMPLATES, fromStoredEmail, toStoredEmail } from './registry.ts'
import { renderEmail } from './render.ts'
import { decodeEmailProps, encodeEmailProps } from './stored-props.ts'

const offer = (
	<OrderOfferEmail
		supplierName="Northwind Back Office"
		facts={{
			orderNumber: 'PO-2026-000123',
			className: 'Emergency',
			categoryName: 'Payroll processing',
			quantity: 1200,
			unit: 'payslips',
			region: 'EU-West',
			neededBy: new Date('2026-03-05T18:00:00Z'),
		}}
		description="Re-run March payroll"
		price="€1,234.50"
		expiresAt={new Date('2026-03-04T09:30:00Z')}
		isEmergency
		url="https://procura.test/supplier/orders/abc"
	/>
)

describe('stored emails', () => {
	test('a stored email renders exactly what the element renders, after a trip through JSON', async () => {
		const stored = toStoredEmail(offer)
		expect(stored.template).toBe('order-offer')
		const throughJsonb = JSON.parse(JSON.stringify(stored.props)) as unknown
		const restored = fromStoredEmail({ template: stored.template, props: throughJsonb })
		expect(await renderEmail(restored)).toEqual(await renderEmail(offer))
	})

	test('every registered template has its own key', () => {
		const templates = Object.values(EMAIL_TEMPLATES)
		expect(new Set(templates).size).toBe(templates.length)
	})

	test('an unregistered component or an unknown key is refused', () => {
		function NotAnEmail() {
			return null
		}
		expect(() => toStoredEmail(createElement(NotAnEmail))).toThrow(/NotAnEmail is not in EMAIL_TEMPLATES/)
		expect(() => fromStoredEmail({ template: 'gone-template', props: {} })).toThrow(/Unknown email template/)
	})

	test('props JSON cannot carry are refused when queued, naming the prop', () => {
		expect(() => encodeEmailProps({ onClick: () => {} })).toThrow(/props.onClick \(a function\)/)
		expect(() => encodeEmailProps({ body: createElement('p') })).toThrow(/props.body \(a React element\)/)
		expect(() => encodeEmailProps({ total: Number.NaN })).toThrow(/props.total is NaN/)
		expect(() => encodeEmailProps({ at: new Date('nope') })).toThrow(/invalid Date/)
		expect(() => encodeEmailProps({ tags: new Set(['a']) })).toThrow(/instance of Set/)
	})

	test('undefined members are dropped and a member named __proto__ stays a plain member', () => {
		const encoded = encodeEmailProps(JSON.parse('{"__proto__": {"polluted": true}, "gone": null}'))
		expect(Object.getPrototypeOf(encoded)).toBe(Object.prototype)
		expect(({} as Record<string, unknown>).polluted).toBeUndefined()
		expect(encodeEmailProps({ a: undefined, b: 1 })).toEqual({ b: 1 })
	})

	test('any JSON-able props with dates come back equal after encode → JSON → decode', () => {
		const leaf = fc.oneof(
			fc.string(),
			fc.boolean(),
			fc.constant(null),
			fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n)),
			fc.date({ noInvalidDate: true }),
		)
		const value = fc.letrec((tie) => ({
			node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node')), fc.dictionary(fc.string(), tie('node'))),
		})).node
		fc.assert(
			fc.property(fc.dictionary(fc.string(), value), (props) => {
				const back = decodeEmailProps(JSON.parse(JSON.stringify(encodeEmailProps(props))))
				expect(back).toEqual(props)
			}),
		)
	})
})
