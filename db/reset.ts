import postgres from 'postgres'

/** Drops and recreates the database named in `url` (the e2e run starts from nothing). */
export async function resetDatabase(url: string) {
	const target = new URL(url)
	const database = decodeURIComponent(target.pathname.slice(1))
	const admin = new URL(url)
	admin.pathname = '/postgres'
	const sql = postgres(admin.toString(), { max: 1, onnotice: () => {} })
	try {
		const name = `"${database.replaceAll('"', '""')}"`
		await sql.unsafe(`drop database if exists ${name} with (force)`)
		await sql.unsafe(`create database ${name}`)
	} finally {
		await sql.end()
	}
}
