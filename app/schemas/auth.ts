// Shared by the forms (react-hook-form + zodResolver) and their actions, so both check the same rules.
import { z } from 'zod'
import { PASSWORD_MAX_LENGTH, passwordLength, passwordProblems } from '#app/domain/auth/password-policy.ts'
import { ROLES } from '#app/domain/permissions.ts'

export const EmailSchema = z
	.string({ error: 'Enter an email address.' })
	.trim()
	.toLowerCase()
	.min(1, 'Enter an email address.')
	.max(254, 'That email address is too long.')
	.pipe(z.email({ error: 'Enter a valid email address, like name@example.com.' }))

/** A new password: the policy from app/domain/auth/password-policy.ts. */
export const NewPasswordSchema = z.string({ error: 'Choose a password.' }).superRefine((password, ctx) => {
	for (const message of passwordProblems(password)) ctx.addIssue({ code: 'custom', message })
})

export const LoginSchema = z.object({
	email: EmailSchema,
	// No length policy here: whatever the account has must still be accepted; only absurd input is refused.
	password: z
		.string({ error: 'Enter your password.' })
		.min(1, 'Enter your password.')
		.refine((p) => passwordLength(p) <= PASSWORD_MAX_LENGTH, 'That password is too long.'),
	redirectTo: z.string().optional(),
})
export type Login = z.infer<typeof LoginSchema>

export const AcceptInvitationSchema = z
	.object({
		password: NewPasswordSchema,
		confirmPassword: z.string({ error: 'Repeat the password.' }).min(1, 'Repeat the password.'),
	})
	.refine((d) => d.password === d.confirmPassword, {
		message: 'The two passwords do not match.',
		path: ['confirmPassword'],
	})
export type AcceptInvitation = z.infer<typeof AcceptInvitationSchema>

const SUPPLIER_ID = z.uuid()

export const InviteUserSchema = z
	.object({
		email: EmailSchema,
		name: z
			.string({ error: "Enter the person's name." })
			.trim()
			.min(1, "Enter the person's name.")
			.max(200, 'Use at most 200 characters.'),
		role: z.enum(ROLES, { error: 'Choose a role.' }),
		// Only meaningful for supplier users; ignored for every other role.
		supplierId: z.string().optional(),
	})
	.superRefine((d, ctx) => {
		if (d.role === 'supplier' && !SUPPLIER_ID.safeParse(d.supplierId).success) {
			ctx.addIssue({
				code: 'custom',
				path: ['supplierId'],
				message: 'Choose the supplier this user belongs to.',
			})
		}
	})
export type InviteUser = z.infer<typeof InviteUserSchema>

/** The buttons on the users page: one form field `intent` selects the mutation. */
export const UserAdminActionSchema = z.discriminatedUnion('intent', [
	z.object({ intent: z.literal('disable'), userId: z.uuid() }),
	z.object({ intent: z.literal('enable'), userId: z.uuid() }),
	z.object({ intent: z.literal('revoke-invitation'), invitationId: z.uuid() }),
])
export type UserAdminAction = z.infer<typeof UserAdminActionSchema>

/** Search parameters of the users list; anything unreadable falls back instead of failing. */
export const UserListQuerySchema = z.object({
	q: z.string().trim().max(200).optional().catch(undefined),
	role: z.enum(ROLES).optional().catch(undefined),
	page: z.coerce.number().int().min(1).max(100_000).catch(1),
})
export type UserListQuery = z.infer<typeof UserListQuerySchema>
