import { CSV_BOM, csvRecord, safeCsvFilename } from '#app/domain/csv.ts'

// Rows are gathered into chunks of about this many characters: one chunk per
// row would make every tiny row its own write to the socket.
const CHUNK_CHARS = 16_384

/**
 * A CSV download streamed row by row: the body is a ReadableStream that pulls
 * from `rows` only when the client is ready for more, so a long export never
 * sits in memory whole (pass an async generator reading the database in
 * batches). The file starts with a UTF-8 BOM and uses CRLF and RFC 4180
 * quoting with formula hardening (see `app/domain/csv.ts`). If the client goes
 * away, the generator is closed, which ends its database reads.
 */
export function csvResponse({
	filename,
	header,
	rows,
	headers,
}: {
	filename: string
	header: readonly string[]
	rows: AsyncIterable<readonly unknown[]> | Iterable<readonly unknown[]>
	headers?: HeadersInit
}): Response {
	const encoder = new TextEncoder()
	let iterator: AsyncIterator<readonly unknown[]> | Iterator<readonly unknown[]> | undefined
	const body = new ReadableStream<Uint8Array>({
		start(controller) {
			controller.enqueue(encoder.encode(CSV_BOM + csvRecord(header)))
		},
		async pull(controller) {
			iterator ??= Symbol.asyncIterator in rows ? rows[Symbol.asyncIterator]() : rows[Symbol.iterator]()
			let chunk = ''
			while (chunk.length < CHUNK_CHARS) {
				const next = await iterator.next()
				if (next.done) {
					if (chunk) controller.enqueue(encoder.encode(chunk))
					controller.close()
					return
				}
				chunk += csvRecord(next.value)
			}
			controller.enqueue(encoder.encode(chunk))
		},
		async cancel() {
			await iterator?.return?.()
		},
	})
	const responseHeaders = new Headers(headers)
	responseHeaders.set('Content-Type', 'text/csv; charset=utf-8')
	responseHeaders.set('Content-Disposition', `attachment; filename="${safeCsvFilename(filename)}"`)
	if (!responseHeaders.has('Cache-Control')) responseHeaders.set('Cache-Control', 'private, no-store')
	return new Response(body, { status: 200, headers: responseHeaders })
}
