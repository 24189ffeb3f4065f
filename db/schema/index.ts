// drizzle-kit reads every table from here: each schema file must be re-exported.
export * from './audit.ts'
export * from './auth.ts'
export * from './capabilities.ts'
export * from './catalog.ts'
export * from './contracts.ts'
export * from './orders.ts'
export * from './outbox.ts'
export * from './suppliers.ts'
