-- Reference data every deployment starts with: the five order classes from the
-- classification framework, each with its first policy, and the back-office
-- service categories. Buyers edit and extend them from /buyer afterwards.
INSERT INTO order_classes (key, name, description, priority_rank) VALUES
	('emergency', 'Emergency', 'Unforeseen, critical needs: immediate action, a supplier who answers in minutes, 24x7.', 1),
	('urgent', 'Urgent', 'Time-sensitive, high-priority work on a fast-track process to meet tight deadlines.', 2),
	('standard', 'Standard', 'Regular, repetitive services on a schedule, usually under long-term contracts.', 3),
	('bulk', 'Bulk', 'Large volumes bought at once for volume pricing; capacity matters as much as price.', 4),
	('one-time', 'One-time', 'A single, non-recurring need; may go to a capable supplier without a standing contract.', 5);
--> statement-breakpoint
INSERT INTO order_class_policies (
	order_class_id, version, ack_deadline_minutes, delivery_target_hours, min_quantity,
	approval_threshold_minor, currency, justification_required, contract_required, requires24x7,
	routing_mode, broadcast_count, weight_price, weight_speed, weight_reliability, weight_capacity, change_note
)
SELECT c.id, 1, p.ack, p.delivery, p.min_qty, p.threshold, 'EUR', p.justify, p.contract, p.always_on,
	p.mode::routing_mode, p.k, p.w_price, p.w_speed, p.w_reliability, p.w_capacity, 'Initial policy'
FROM order_classes c
JOIN (VALUES
	('emergency', 30,   8,   NULL::integer, 1000000,  true,  true,  true,  'broadcast', 3, 10, 45, 40, 5),
	('urgent',    120,  24,  NULL,          2500000,  false, true,  false, 'broadcast', 2, 15, 45, 30, 10),
	('standard',  1440, 120, NULL,          5000000,  false, true,  false, 'cascade',   1, 30, 20, 30, 20),
	('bulk',      2880, 336, 500,           10000000, false, true,  false, 'cascade',   1, 50, 5,  20, 25),
	('one-time',  1440, 168, NULL,          2000000,  false, false, false, 'cascade',   1, 35, 20, 30, 15)
) AS p(key, ack, delivery, min_qty, threshold, justify, contract, always_on, mode, k, w_price, w_speed, w_reliability, w_capacity)
	ON p.key = c.key;
--> statement-breakpoint
INSERT INTO categories (key, name, description) VALUES
	('payroll-processing', 'Payroll processing', 'Payroll runs, payslips, statutory filings.'),
	('accounting', 'Accounting', 'Bookkeeping, reconciliations, month-end close, financial reporting.'),
	('hr-services', 'HR services', 'Recruitment administration, onboarding, benefits, employee records.'),
	('data-entry', 'Data entry', 'Keying, validation and clean-up of business data.'),
	('document-management', 'Document management', 'Scanning, indexing, archiving and retrieval of documents.'),
	('it-support', 'IT support', 'Help desk, incident resolution and back-office IT operations.'),
	('order-processing', 'Order processing', 'Order intake, validation, entry and status follow-up.'),
	('customer-support', 'Customer support', 'Contact-centre and customer service back-office work.');
