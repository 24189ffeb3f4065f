import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { CSV_BOM, csvCellText, csvField, csvRecord, hardenAgainstFormulas, safeCsvFilename } from './csv.ts'

/**
 * A small RFC 4180 reader, independent of the writer: records end with CRLF,
 * a quoted field runs to the next lone quote and `""` inside it is one quote.
 */
function parseCsv(text: string): string[][] {
	const records: string[][] = []
	let record: string[] = []
	let field = ''
	let i = 0
	while (i < text.length) {
		if (text[i] === '"' && field === '') {
			i++
			for (;;) {
				if (i >= text.length) throw new Error('unterminated quoted field')
				if (text[i] === '"') {
					if (text[i + 1] === '"') {
						field += '"'
						i += 2
						continue
					}
					i++
					break
				}
				field += text[i++]
			}
			if (i < text.length && text[i] !== ',' && !text.startsWith('\r\n', i))
				throw new Error(`text after a closing quote at ${i}`)
		} else if (text[i] === ',') {
			record.push(field)
			field = ''
			i++
		} else if (text.startsWith('\r\n', i)) {
			record.push(field)
			records.push(record)
			record = []
			field = ''
			i += 2
		} else {
			if (text[i] === '"' || text[i] === '\r' || text[i] === '\n')
				throw new Error(`unquoted ${text[i]} at ${i}`)
			field += text[i++]
		}
	}
	if (field !== '' || record.length > 0) throw new Error('last record has no CRLF')
	return records
}

describe('csvField', () => {
	test('leaves plain text bare', () => {
		expect(csvField('order.placed')).toBe('order.placed')
		expect(csvField('')).toBe('')
	})

	test('quotes a field holding a comma, a quote, CR or LF, doubling the quotes', () => {
		expect(csvField('a,b')).toBe('"a,b"')
		expect(csvField('say "hi"')).toBe('"say ""hi"""')
		expect(csvField('line\nbreak')).toBe('"line\nbreak"')
		expect(csvField('line\r\nbreak')).toBe('"line\r\nbreak"')
		expect(csvField('"')).toBe('""""')
	})

	test('writes null and undefined as empty fields', () => {
		expect(csvRecord([null, undefined, 'x'])).toBe(',,x\r\n')
	})

	test('writes Dates as ISO 8601 in UTC', () => {
		expect(csvField(new Date('2026-03-01T08:30:00+02:00'))).toBe('2026-03-01T06:30:00.000Z')
	})

	test('writes numbers, bigints and booleans as they are, objects as quoted JSON', () => {
		expect(csvRecord([42, -5, 1.5, 12n, true, false])).toBe('42,-5,1.5,12,true,false\r\n')
		expect(csvField({ a: 1, b: 'x' })).toBe('"{""a"":1,""b"":""x""}"')
		expect(csvField([1, 2])).toBe('"[1,2]"')
	})
})

describe('formula hardening', () => {
	test('puts a quote before text that a spreadsheet would run as a formula', () => {
		for (const text of ['=1+2', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) {
			expect(hardenAgainstFormulas(text)).toBe(`'${text}`)
		}
		expect(csvField('=HYPERLINK("http://evil.test","x")')).toBe(`"'=HYPERLINK(""http://evil.test"",""x"")"`)
	})

	test('leaves other text, and numbers, untouched', () => {
		expect(hardenAgainstFormulas('a=1')).toBe('a=1')
		expect(hardenAgainstFormulas("'already")).toBe("'already")
		expect(csvCellText(-5)).toBe('-5')
	})
})

describe('csvRecord round trip', () => {
	test('a reader gets back the hardened strings, whatever they hold', () => {
		const text = fc.string({ unit: fc.constantFrom('a', 'é', ',', '"', '\r', '\n', ' ', '=', '-', "'", '@') })
		fc.assert(
			fc.property(fc.array(fc.array(text, { minLength: 1, maxLength: 6 }), { maxLength: 8 }), (rows) => {
				const csv = rows.map(csvRecord).join('')
				expect(parseCsv(csv)).toEqual(rows.map((row) => row.map(hardenAgainstFormulas)))
			}),
		)
	})

	test('any full-unicode string survives unchanged unless it starts like a formula', () => {
		fc.assert(
			fc.property(fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 5 }), (row) => {
				const [parsed] = parseCsv(csvRecord(row))
				expect(parsed).toEqual(row.map(hardenAgainstFormulas))
			}),
		)
	})

	test('the reader in this test rejects what is not RFC 4180', () => {
		expect(() => parseCsv('a"b\r\n')).toThrow()
		expect(() => parseCsv('"a"b\r\n')).toThrow()
		expect(() => parseCsv('a\nb\r\n')).toThrow()
		expect(() => parseCsv('a')).toThrow()
		expect(parseCsv('a,"b,c"\r\n,\r\n')).toEqual([
			['a', 'b,c'],
			['', ''],
		])
	})

	test('the BOM is the one code point U+FEFF', () => {
		expect([...CSV_BOM].map((c) => c.codePointAt(0))).toEqual([0xfeff])
	})
})

describe('safeCsvFilename', () => {
	test('keeps a safe name and adds .csv once', () => {
		expect(safeCsvFilename('audit-trail-2026-03-01')).toBe('audit-trail-2026-03-01.csv')
		expect(safeCsvFilename('audit-trail.csv')).toBe('audit-trail.csv')
	})

	test('drops quotes, slashes, header breaks and non-ASCII', () => {
		expect(safeCsvFilename('a"b\r\nSet-Cookie: x/../é.csv')).toBe('a-b-Set-Cookie-x.csv')
		expect(safeCsvFilename('../../etc/passwd')).toBe('etc-passwd.csv')
		expect(safeCsvFilename('"";')).toBe('export.csv')
	})

	test('is always short and made of safe characters', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'binary' }), (name) => {
				const safe = safeCsvFilename(name)
				expect(safe).toMatch(/^[A-Za-z0-9_][A-Za-z0-9._-]*\.csv$/)
				expect(safe.length).toBeLessThanOrEqual(100)
			}),
		)
	})
})
