CREATE TYPE "public"."contract_status" AS ENUM('draft', 'negotiating', 'active', 'expired', 'terminated');--> statement-breakpoint
CREATE TYPE "public"."contract_version_status" AS ENUM('draft', 'proposed', 'accepted', 'countered', 'withdrawn', 'superseded');--> statement-breakpoint
CREATE TYPE "public"."negotiation_side" AS ENUM('buyer', 'supplier');--> statement-breakpoint
CREATE TABLE "contract_terms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_version_id" uuid NOT NULL,
	"order_class_id" uuid NOT NULL,
	"category_id" uuid,
	"unit_price_minor" integer,
	"price_tiers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"ack_sla_minutes" integer NOT NULL,
	"delivery_sla_hours" integer NOT NULL,
	"priority_surcharge_bps" integer DEFAULT 0 NOT NULL,
	"penalty_per_breach_bps" integer DEFAULT 0 NOT NULL,
	"guaranteed24x7" boolean DEFAULT false NOT NULL,
	"volume_commitment_per_month" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contract_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"proposed_by" "negotiation_side" NOT NULL,
	"proposed_by_user_id" uuid,
	"status" "contract_version_status" DEFAULT 'draft' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"proposed_at" timestamp with time zone,
	"responded_at" timestamp with time zone,
	"responded_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contract_versions_number_uq" UNIQUE("contract_id","number")
);
--> statement-breakpoint
CREATE TABLE "contracts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"supplier_id" uuid NOT NULL,
	"title" text NOT NULL,
	"currency" text DEFAULT 'EUR' NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"status" "contract_status" DEFAULT 'draft' NOT NULL,
	"binding_version_id" uuid,
	"lock_version" integer DEFAULT 1 NOT NULL,
	"created_by_user_id" uuid,
	"superseded_by_contract_id" uuid,
	"terminated_at" timestamp with time zone,
	"termination_reason" text,
	"expiry_warned_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contracts_number_unique" UNIQUE("number"),
	CONSTRAINT "contracts_period_valid" CHECK ("contracts"."ends_on" >= "contracts"."starts_on")
);
--> statement-breakpoint
ALTER TABLE "contract_terms" ADD CONSTRAINT "contract_terms_contract_version_id_contract_versions_id_fk" FOREIGN KEY ("contract_version_id") REFERENCES "public"."contract_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_terms" ADD CONSTRAINT "contract_terms_order_class_id_order_classes_id_fk" FOREIGN KEY ("order_class_id") REFERENCES "public"."order_classes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_terms" ADD CONSTRAINT "contract_terms_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_versions" ADD CONSTRAINT "contract_versions_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_versions" ADD CONSTRAINT "contract_versions_proposed_by_user_id_users_id_fk" FOREIGN KEY ("proposed_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_versions" ADD CONSTRAINT "contract_versions_responded_by_user_id_users_id_fk" FOREIGN KEY ("responded_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_supplier_id_suppliers_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."suppliers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contract_terms_version_idx" ON "contract_terms" USING btree ("contract_version_id");--> statement-breakpoint
CREATE INDEX "contract_terms_match_idx" ON "contract_terms" USING btree ("order_class_id","category_id");--> statement-breakpoint
CREATE INDEX "contracts_supplier_idx" ON "contracts" USING btree ("supplier_id","status");--> statement-breakpoint
CREATE INDEX "contracts_ends_on_idx" ON "contracts" USING btree ("ends_on");