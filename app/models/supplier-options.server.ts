import { asc, ne } from 'drizzle-orm'
import { type Executor } from '#app/utils/db.server.ts'
import { suppliers } from '#db/schema/index.ts'

/** Suppliers to choose from when inviting a supplier user (blocked ones cannot get new users). */
export async function listSupplierOptions(db: Executor): Promise<{ id: string; name: string }[]> {
	return db
		.select({ id: suppliers.id, name: suppliers.name })
		.from(suppliers)
		.where(ne(suppliers.status, 'blocked'))
		.orderBy(asc(suppliers.name))
}
