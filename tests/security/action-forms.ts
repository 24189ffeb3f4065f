// What each action of the app reads from its body, for the hostile-input fuzz: the zod schema it
// parses with (the same export the route imports, built the way the route builds it), the fields it
// reads beside the schema, and — where a random body can legitimately be valid — what it then does.
// Every action of the manifest needs an entry here (hostile-input.test.ts checks it).
import { z } from 'zod'
import {
	AcceptInvitationSchema,
	InviteUserSchema,
	LoginSchema,
	UserAdminActionSchema,
} from '#app/schemas/auth.ts'
import { buildCapabilitySetSchema } from '#app/schemas/capability.ts'
import {
	CategoryListActionSchema,
	CategoryPageActionSchema,
	NewCategorySchema,
} from '#app/schemas/category.ts'
import {
	buildBuyerContractActionSchema,
	buildSupplierContractActionSchema,
	ContractHeaderSchema,
} from '#app/schemas/contract.ts'
import {
	buildBuyerOrderActionSchema,
	ExceptionActionSchema,
	SupplierOrderActionSchema,
} from '#app/schemas/order-actions.ts'
import { NewOrderClassSchema, orderClassPageActionSchema } from '#app/schemas/order-class.ts'
import { buildOrderIntakeSchema } from '#app/schemas/order.ts'
import { RaiseDisputeSchema, ResolveDisputeSchema } from '#app/schemas/scorecard-dispute.ts'
import { ScorecardPolicyFormSchema } from '#app/schemas/scorecard-policy.ts'
import { SupplierProfileSchema } from '#app/schemas/supplier-profile.ts'
import { ChangeSupplierStatusSchema, InviteSupplierSchema } from '#app/schemas/supplier.ts'
import { type KnownValues } from './hostile-payloads.ts'
import { type FieldSpec } from './schema-fields.ts'
import { type SecurityWorld } from './world.ts'

export type ActionForm = {
	/** The schema the action validates its body with. */
	schema: (w: SecurityWorld) => z.ZodType
	/** Fields the action reads outside its schema, each with where it reads it. */
	alsoReads?: { field: FieldSpec; why: string }[]
	/**
	 * A random body can be a valid one: the action may then do its work and redirect (302 to a
	 * page of the app), changing only these tables.
	 */
	accepts?: { tables: string[]; why: string }
	/** Tables a refusal itself writes, and why. */
	refusalWrites?: Record<string, string>
	/** Values by field name for this action, over the world's (KnownValues in hostile-payloads.ts). */
	known?: (w: SecurityWorld) => KnownValues
}

const text = (path: string, options: string[] = []): FieldSpec => ({
	path: path.split('.'),
	leaf: { options, formats: [], types: ['string'] },
	repeated: false,
})

// Most mutations write their audit event, and many tell someone by email (the outbox).
const AUDITED = ['audit_events', 'outbox_emails']
// An order's steps: its events, offers and routing; the supplier's booked weekly capacity; and the
// scorecard counters each step adds to.
const ORDER_STEP = [
	'orders',
	'order_events',
	'order_offers',
	'routing_decisions',
	'order_exceptions',
	'capability_weekly_load',
	'scorecard_daily_rollups',
	'scorecard_monthly_rollups',
	...AUDITED,
]

export const ACTION_FORMS: Record<string, ActionForm> = {
	'routes/_auth+/login': {
		schema: () => LoginSchema,
		alsoReads: [{ field: text('website', ['']), why: 'the honeypot: people leave it empty, bots fill it' }],
		refusalWrites: {
			login_attempts: 'every failed attempt is counted for the throttle (snapshotDatabase leaves it out)',
		},
	},
	'routes/_auth+/invitations.$token': { schema: () => AcceptInvitationSchema },
	'routes/_auth+/logout': {
		// Reads no body: whatever is posted, the session ends.
		schema: () => z.object({}),
		accepts: { tables: ['audit_events'], why: 'logging out needs no form; each logout is audited' },
	},
	'routes/admin+/scorecard-policy': {
		schema: () => ScorecardPolicyFormSchema,
		// Never the version in force: the policy is global, and a saved one would re-evaluate the
		// standings every other test in this worker's database relies on. A complete form gets the 409.
		known: () => ({ expectedVersion: ['0', '999999999'] }),
	},
	'routes/admin+/users._index': {
		schema: () => UserAdminActionSchema,
		accepts: {
			tables: ['users', 'user_invitations', ...AUDITED],
			why: 'an intent with a well-formed id is applied, or refused with an error toast on the redirect',
		},
	},
	'routes/admin+/users.new': {
		schema: () => InviteUserSchema,
		accepts: { tables: ['user_invitations', ...AUDITED], why: 'an email, a name and a role invite someone' },
	},
	'routes/buyer+/categories._index': {
		schema: () => CategoryListActionSchema,
		accepts: { tables: ['categories', ...AUDITED], why: 'retire/reinstate with the world category id' },
	},
	'routes/buyer+/categories.new': {
		schema: () => NewCategorySchema,
		accepts: { tables: ['categories', ...AUDITED], why: 'any name of 1 to 80 characters makes a category' },
	},
	'routes/buyer+/categories.$categoryId': {
		schema: () => CategoryPageActionSchema,
		accepts: { tables: ['categories', ...AUDITED], why: 'retire and reinstate need no other field' },
	},
	'routes/buyer+/contracts.new': {
		schema: () => ContractHeaderSchema,
		accepts: {
			tables: ['contracts', 'contract_versions', ...AUDITED],
			why: 'a supplier, a title and two dates make a draft',
		},
	},
	'routes/buyer+/contracts.$contractId': {
		schema: () => buildBuyerContractActionSchema({}),
		accepts: {
			tables: ['contracts', 'contract_versions', 'contract_terms', ...AUDITED],
			why: 'withdraw/terminate with the current lock version and the version id apply',
		},
	},
	'routes/buyer+/disputes._index': {
		schema: () => ResolveDisputeSchema,
		accepts: {
			tables: ['scorecard_disputes', 'scorecard_corrections', ...AUDITED],
			why: 'the open dispute, its version, an outcome and a reason resolve it',
		},
	},
	'routes/buyer+/exceptions': { schema: () => ExceptionActionSchema },
	'routes/buyer+/order-classes.new': {
		schema: () => NewOrderClassSchema,
		accepts: {
			tables: ['order_classes', 'order_class_policies', ...AUDITED],
			why: 'a name and a consistent policy make a class',
		},
	},
	'routes/buyer+/order-classes.$orderClassId': {
		schema: (w) => orderClassPageActionSchema(w.cls.key),
		accepts: {
			tables: ['order_classes', 'order_class_policies', ...AUDITED],
			why: 'retire and reinstate need no other field; details need a name and a rank',
		},
	},
	'routes/buyer+/orders.new': {
		schema: () => buildOrderIntakeSchema([]),
		accepts: {
			tables: ORDER_STEP,
			why: 'a complete order for the world class and category is placed and routed',
		},
	},
	'routes/buyer+/orders.$orderId': {
		schema: () => buildBuyerOrderActionSchema(),
		accepts: {
			tables: ORDER_STEP,
			why: 'cancel, change or reroute with the current version and a reason apply to the world order',
		},
	},
	'routes/buyer+/suppliers.new': {
		schema: () => InviteSupplierSchema,
		accepts: {
			tables: ['suppliers', 'user_invitations', ...AUDITED],
			why: 'a complete organisation and first user invite a supplier',
		},
	},
	'routes/buyer+/suppliers.$supplierId': {
		schema: () => ChangeSupplierStatusSchema,
		accepts: {
			tables: ['suppliers', 'supplier_status_changes', ...AUDITED],
			why: 'a status and a reason of 5 to 500 characters change it',
		},
	},
	'routes/supplier+/capabilities': {
		schema: () => buildCapabilitySetSchema({ classes: [], categories: [], supplierRegions: [] }),
		alsoReads: [
			{ field: text('rowCount'), why: 'capabilityValuesFrom: how many rows the form held' },
			{ field: text('revision'), why: 'revisionFrom: the optimistic check against a concurrent save' },
		],
		accepts: {
			tables: ['supplier_capabilities', ...AUDITED],
			why: 'rowCount=0 is a valid (empty) declaration set',
		},
	},
	'routes/supplier+/contracts.$contractId': {
		schema: () => buildSupplierContractActionSchema({}),
		accepts: {
			tables: ['contracts', 'contract_versions', 'contract_terms', ...AUDITED],
			why: 'accept with the current lock version and the proposed version applies',
		},
	},
	'routes/supplier+/orders._index': {
		schema: () => SupplierOrderActionSchema,
		accepts: {
			tables: ORDER_STEP,
			why: 'accept/decline of the pending offer with the order version apply',
		},
	},
	'routes/supplier+/orders.$orderId': {
		schema: () => SupplierOrderActionSchema,
		accepts: {
			tables: ORDER_STEP,
			why: 'accept/decline of the pending offer with the order version apply',
		},
	},
	'routes/supplier+/profile': {
		schema: () => SupplierProfileSchema,
		accepts: {
			tables: ['suppliers', ...AUDITED],
			why: 'a name, an email, a region and a zone save the profile',
		},
	},
	'routes/supplier+/scorecard._index': {
		schema: () => RaiseDisputeSchema,
		accepts: {
			tables: ['scorecard_disputes', ...AUDITED],
			why: 'a class, the month, a figure and a comment raise a dispute',
		},
	},
}
