// What people write in the demo orders: descriptions per recipe and the reasons and notes of each step.

const WHAT: Record<string, string[]> = {
	'em-it': [
		'Payroll server down in the Dublin office',
		'VPN outage blocking the finance team',
		'ERP database unreachable during month-end close',
		'Ransomware alert on the accounting file share',
		'Mail server outage for the whole back office',
	],
	'em-cs': [
		'Hotline overflow after the billing incident',
		'Escalated complaints after a failed card run',
		'Service desk backlog during the system outage',
	],
	'em-pay': [
		'Correction run after a failed payroll batch',
		'Off-cycle payroll run after a rejected bank file',
	],
	'em-pay-na': ['Off-cycle payroll run for the Boston office after a rejected bank file'],
	'ur-it': [
		'Laptop set-up for new starters on Monday',
		'Printer fleet down on the second floor',
		'Access rights clean-up before the audit',
		'Broken VPN tokens for the sales team',
	],
	'ur-pay': [
		'Bonus payslips before the quarter closes',
		'Corrected payslips after a tax code change',
		'Final payslips for leavers',
	],
	'ur-de': [
		'Key in supplier invoices before the payment run',
		'Backlog of customer address changes',
		'Expense claims before month-end',
	],
	'ur-cs': [
		'Overflow calls during the pricing change',
		'Callbacks for the delayed deliveries',
		'Email backlog after the outage',
	],
	'ur-acc': [
		'Reconcile the suspense account before the board pack',
		'VAT reconciliation for the quarterly filing',
	],
	'ur-doc': ['Scan signed contracts for the audit request', 'Retrieve archived HR files for a tribunal'],
	'st-pay': [
		'Monthly payroll for the Berlin office',
		'Monthly payroll for the Munich office',
		'Quarterly pension contribution payslips',
		'Payroll for the seasonal staff',
	],
	'st-de': [
		'Product catalogue updates for the web shop',
		'Vendor master data clean-up',
		'Customer survey responses',
		'Timesheets of the contractors',
	],
	'st-it': [
		'Help desk cover for the finance floor',
		'Patch weekend for the back-office servers',
		'Equipment set-up for new starters',
		'Monthly user access review',
	],
	'st-hr': [
		'Onboarding paperwork for new starters',
		'Benefits enrolment for the new plan year',
		'Employee records update after the reorganisation',
	],
	'st-doc': [
		'Scan and index this month’s supplier invoices',
		'Digitise the signed HR contracts',
		'Index the legal archive boxes',
	],
	'st-acc': ['Month-end close support for the US entity', 'Bank reconciliations for the Boston office'],
	'st-op': ['Order entry for the EU web shop', 'Manual order intake during the ERP migration'],
	'bu-pay': [
		'Back-load of last year’s payslips for the archive',
		'Annual tax statements for all employees',
		'Payslip re-issue after the pension change',
	],
	'bu-op': [
		'Holiday-season order backlog',
		'Migration of open orders into the new ERP',
		'Order intake for the spring catalogue',
	],
	'bu-doc': [
		'Archive migration of the 2019–2021 files',
		'Scan the backlog of warehouse delivery notes',
		'Digitise the legacy customer files',
	],
	'ot-de': [
		'One-off clean-up of the CRM contacts',
		'Key in the trade-fair leads',
		'Digitise the paper asset register',
	],
	'ot-acc': [
		'Audit preparation for the US subsidiary',
		'Purchase price allocation for the acquisition',
		'Fixed-asset register review',
	],
	'ot-hr': [
		'Onboarding for the acquired team',
		'Works-council election paperwork',
		'Relocation paperwork for the new office',
	],
	'ot-doc': ['Index and box the old branch archive', 'Scanning of the founders’ papers'],
	'lg-it': ['Help desk cover for the ERP go-live quarter', 'Hypercare support for the data-centre move'],
	'lg-hr': ['Onboarding for the new service centre', 'Contractor onboarding for the national rollout'],
	'lg-em': [
		'Data-centre flood: engineers on site around the clock',
		'Full restore after the ransomware attack',
	],
}

// What a buyer sends back, by category.
const REWORK: Record<string, string[]> = {
	'payroll-processing': [
		'The payslips show last month’s tax codes.',
		'Two employees are missing from the run.',
	],
	'data-entry': ['Several records carry the wrong cost centre.', 'Dates were keyed in the US format.'],
	'it-support': [
		'The fix did not hold: the problem came back the next morning.',
		'Two users still cannot log in.',
	],
	'document-management': [
		'About a tenth of the scans are unreadable.',
		'The index is missing the contract numbers.',
	],
	'hr-services': [
		'Signatures are missing on a handful of documents.',
		'Two starters got the wrong benefits pack.',
	],
	accounting: ['The reconciliation does not tie to the bank statement.'],
	'customer-support': ['Several callbacks were logged without an outcome.'],
	'order-processing': ['Some orders were entered with the wrong delivery address.'],
}

/** What a buyer can say is wrong with a delivery in this category. */
export function reworkReasonsOf(categoryKey: string): readonly string[] {
	return REWORK[categoryKey] ?? ['Parts of the delivery do not match the order.']
}

/** What an order of this recipe can say it is for. */
export function descriptionsOf(recipeKey: string): readonly string[] {
	return WHAT[recipeKey] ?? ['Back-office work']
}

export const TEXTS = {
	justification: [
		'Staff cannot be paid today without it.',
		'Customers are calling about failed payments right now.',
		'The finance team cannot work until this is fixed.',
		'Regulatory deadline at midnight and no workaround.',
		'Order intake has stopped for the whole region.',
	],
	decline: [
		'Our team is fully booked until next week.',
		'We cannot make the needed-by date with the people we have.',
		'Nobody is free for this in that region right now.',
		'We would need two more days for this volume.',
	],
	cancel: [
		'The need went away: handled in-house.',
		'Budget freeze for the rest of the quarter.',
		'Duplicate of another order.',
		'Project postponed to next year.',
		'Requirements changed; a new order will follow.',
	],
	noTaker: ['No supplier could take it; handled by the internal team instead.'],
	changeMore: ['Two more teams joined this run.', 'The volume grew after the month-end count.'],
	changeLater: ['The go-live moved by a few days.', 'Our own deadline moved, so there is more time.'],
	update: [
		'Work under way; about half done.',
		'First batch finished and checked.',
		'Waiting for two missing files from your side; carrying on with the rest.',
		'On track for the date.',
		'Quality check in progress.',
	],
	reject: [
		'Too large for one order: split it by quarter.',
		'Not in this year’s budget.',
		'Use the existing framework call-off instead.',
	],
	approve: ['Budget confirmed with finance.', 'Approved for the go-live.', ''],
	assignContractless: [
		'Harbor’s renewal is still in negotiation; they agreed to take this at this year’s rates.',
	],
	assignMissed: ['Spoke to them by phone: they missed the offer and can still take it.'],
	resolveLate: [
		'Delivered late; the penalty is noted for the quarterly review.',
		'Late by agreement after a scope change.',
		'The supplier explained the delay; no further action.',
	],
}
