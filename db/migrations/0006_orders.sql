CREATE TYPE "public"."exception_kind" AS ENUM('large_value', 'missing_information', 'unroutable', 'deadline_breached', 'dispute');--> statement-breakpoint
CREATE TYPE "public"."exception_status" AS ENUM('open', 'resolved');--> statement-breakpoint
CREATE TYPE "public"."offer_response" AS ENUM('pending', 'accepted', 'declined', 'expired', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."order_status" AS ENUM('draft', 'submitted', 'in_review', 'approved', 'rejected', 'routing', 'offered', 'accepted', 'in_progress', 'delivered', 'rework_requested', 'closed', 'cancelled', 'unroutable');--> statement-breakpoint
CREATE SEQUENCE "public"."order_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "capability_weekly_load" (
	"capability_id" uuid NOT NULL,
	"week_start" date NOT NULL,
	"used" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "capability_weekly_load_capability_id_week_start_pk" PRIMARY KEY("capability_id","week_start")
);
--> statement-breakpoint
CREATE TABLE "order_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"type" text NOT NULL,
	"from_status" "order_status",
	"to_status" "order_status",
	"actor_user_id" uuid,
	"actor_role" text,
	"supplier_id" uuid,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order_exceptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"kind" "exception_kind" NOT NULL,
	"status" "exception_status" DEFAULT 'open' NOT NULL,
	"detail" text NOT NULL,
	"supplier_id" uuid,
	"owner_user_id" uuid,
	"opened_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by_user_id" uuid,
	"resolution" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order_offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"supplier_id" uuid NOT NULL,
	"routing_decision_id" uuid,
	"rank" integer NOT NULL,
	"score_centi" integer NOT NULL,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"contract_term_id" uuid,
	"price_minor" integer,
	"offered_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"response" "offer_response" DEFAULT 'pending' NOT NULL,
	"responded_at" timestamp with time zone,
	"responded_by_user_id" uuid,
	"decline_reason" text,
	"override_reason" text
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"order_class_id" uuid NOT NULL,
	"order_class_policy_id" uuid NOT NULL,
	"category_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"unit" text DEFAULT 'units' NOT NULL,
	"description" text NOT NULL,
	"region" text NOT NULL,
	"needed_by" timestamp with time zone NOT NULL,
	"justification" text,
	"preferred_supplier_id" uuid,
	"status" "order_status" DEFAULT 'draft' NOT NULL,
	"currency" text DEFAULT 'EUR' NOT NULL,
	"estimated_min_minor" integer,
	"estimated_max_minor" integer,
	"agreed_price_minor" integer,
	"assigned_supplier_id" uuid,
	"contract_term_id" uuid,
	"delivered_quantity" integer,
	"change_pending_since" timestamp with time zone,
	"change_ack_due_at" timestamp with time zone,
	"placed_by_user_id" uuid,
	"reviewed_by_user_id" uuid,
	"review_note" text,
	"cancel_reason" text,
	"submitted_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "orders_number_unique" UNIQUE("number"),
	CONSTRAINT "orders_quantity_positive" CHECK ("orders"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "routing_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"attempt" integer NOT NULL,
	"mode" "routing_mode" NOT NULL,
	"candidates" jsonb NOT NULL,
	"excluded" jsonb NOT NULL,
	"offered_supplier_ids" uuid[] DEFAULT '{}' NOT NULL,
	"outcome" text NOT NULL,
	"decided_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "capability_weekly_load" ADD CONSTRAINT "capability_weekly_load_capability_id_supplier_capabilities_id_fk" FOREIGN KEY ("capability_id") REFERENCES "public"."supplier_capabilities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_events" ADD CONSTRAINT "order_events_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_exceptions" ADD CONSTRAINT "order_exceptions_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_exceptions" ADD CONSTRAINT "order_exceptions_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_exceptions" ADD CONSTRAINT "order_exceptions_resolved_by_user_id_users_id_fk" FOREIGN KEY ("resolved_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_offers" ADD CONSTRAINT "order_offers_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_offers" ADD CONSTRAINT "order_offers_supplier_id_suppliers_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."suppliers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_offers" ADD CONSTRAINT "order_offers_routing_decision_id_routing_decisions_id_fk" FOREIGN KEY ("routing_decision_id") REFERENCES "public"."routing_decisions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_offers" ADD CONSTRAINT "order_offers_contract_term_id_contract_terms_id_fk" FOREIGN KEY ("contract_term_id") REFERENCES "public"."contract_terms"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_offers" ADD CONSTRAINT "order_offers_responded_by_user_id_users_id_fk" FOREIGN KEY ("responded_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_order_class_id_order_classes_id_fk" FOREIGN KEY ("order_class_id") REFERENCES "public"."order_classes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_order_class_policy_id_order_class_policies_id_fk" FOREIGN KEY ("order_class_policy_id") REFERENCES "public"."order_class_policies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_preferred_supplier_id_suppliers_id_fk" FOREIGN KEY ("preferred_supplier_id") REFERENCES "public"."suppliers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_assigned_supplier_id_suppliers_id_fk" FOREIGN KEY ("assigned_supplier_id") REFERENCES "public"."suppliers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_contract_term_id_contract_terms_id_fk" FOREIGN KEY ("contract_term_id") REFERENCES "public"."contract_terms"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_placed_by_user_id_users_id_fk" FOREIGN KEY ("placed_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_reviewed_by_user_id_users_id_fk" FOREIGN KEY ("reviewed_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routing_decisions" ADD CONSTRAINT "routing_decisions_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "order_events_order_idx" ON "order_events" USING btree ("order_id","occurred_at");--> statement-breakpoint
CREATE INDEX "order_events_supplier_idx" ON "order_events" USING btree ("supplier_id","occurred_at");--> statement-breakpoint
CREATE INDEX "order_exceptions_open_idx" ON "order_exceptions" USING btree ("status","opened_at");--> statement-breakpoint
CREATE INDEX "order_exceptions_order_idx" ON "order_exceptions" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "order_offers_order_idx" ON "order_offers" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "order_offers_supplier_idx" ON "order_offers" USING btree ("supplier_id","response","expires_at");--> statement-breakpoint
CREATE INDEX "order_offers_due_idx" ON "order_offers" USING btree ("expires_at") WHERE "order_offers"."response" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "order_offers_one_acceptance_uq" ON "order_offers" USING btree ("order_id") WHERE "order_offers"."response" = 'accepted';--> statement-breakpoint
CREATE INDEX "orders_status_idx" ON "orders" USING btree ("status","needed_by");--> statement-breakpoint
CREATE INDEX "orders_supplier_idx" ON "orders" USING btree ("assigned_supplier_id","status");--> statement-breakpoint
CREATE INDEX "orders_class_idx" ON "orders" USING btree ("order_class_id","created_at");--> statement-breakpoint
CREATE INDEX "routing_decisions_order_idx" ON "routing_decisions" USING btree ("order_id","attempt");