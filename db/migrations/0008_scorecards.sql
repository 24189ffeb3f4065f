CREATE TYPE "public"."scorecard_dispute_status" AS ENUM('open', 'upheld', 'corrected');--> statement-breakpoint
CREATE TABLE "scorecard_corrections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dispute_id" uuid NOT NULL,
	"supplier_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"metric" text NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scorecard_corrections_uq" UNIQUE("supplier_id","order_id","metric")
);
--> statement-breakpoint
CREATE TABLE "scorecard_daily_rollups" (
	"supplier_id" uuid NOT NULL,
	"order_class_id" uuid NOT NULL,
	"day" date NOT NULL,
	"offers_resolved" integer DEFAULT 0 NOT NULL,
	"offers_answered_in_time" integer DEFAULT 0 NOT NULL,
	"offers_accepted" integer DEFAULT 0 NOT NULL,
	"deliveries" integer DEFAULT 0 NOT NULL,
	"deliveries_with_due_time" integer DEFAULT 0 NOT NULL,
	"deliveries_on_time" integer DEFAULT 0 NOT NULL,
	"closures" integer DEFAULT 0 NOT NULL,
	"closures_without_rework" integer DEFAULT 0 NOT NULL,
	"finished" integer DEFAULT 0 NOT NULL,
	"finished_with_supplier_exception" integer DEFAULT 0 NOT NULL,
	"cycle_minutes" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"change_ack_minutes" integer[] DEFAULT '{}'::integer[] NOT NULL,
	CONSTRAINT "scorecard_daily_rollups_supplier_id_order_class_id_day_pk" PRIMARY KEY("supplier_id","order_class_id","day")
);
--> statement-breakpoint
CREATE TABLE "scorecard_disputes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"supplier_id" uuid NOT NULL,
	"order_class_id" uuid NOT NULL,
	"month" text NOT NULL,
	"metric" text NOT NULL,
	"order_id" uuid,
	"comment" text NOT NULL,
	"raised_by_user_id" uuid,
	"raised_at" timestamp with time zone NOT NULL,
	"status" "scorecard_dispute_status" DEFAULT 'open' NOT NULL,
	"resolution" text,
	"resolved_by_user_id" uuid,
	"resolved_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "scorecard_disputes_comment_len" CHECK (char_length("scorecard_disputes"."comment") between 3 and 2000)
);
--> statement-breakpoint
CREATE TABLE "scorecard_monthly_rollups" (
	"supplier_id" uuid NOT NULL,
	"order_class_id" uuid NOT NULL,
	"month" text NOT NULL,
	"offers_resolved" integer DEFAULT 0 NOT NULL,
	"offers_answered_in_time" integer DEFAULT 0 NOT NULL,
	"offers_accepted" integer DEFAULT 0 NOT NULL,
	"deliveries" integer DEFAULT 0 NOT NULL,
	"deliveries_with_due_time" integer DEFAULT 0 NOT NULL,
	"deliveries_on_time" integer DEFAULT 0 NOT NULL,
	"closures" integer DEFAULT 0 NOT NULL,
	"closures_without_rework" integer DEFAULT 0 NOT NULL,
	"finished" integer DEFAULT 0 NOT NULL,
	"finished_with_supplier_exception" integer DEFAULT 0 NOT NULL,
	"cycle_minutes" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"change_ack_minutes" integer[] DEFAULT '{}'::integer[] NOT NULL,
	CONSTRAINT "scorecard_monthly_rollups_supplier_id_order_class_id_month_pk" PRIMARY KEY("supplier_id","order_class_id","month")
);
--> statement-breakpoint
CREATE TABLE "scorecard_policies" (
	"version" integer PRIMARY KEY NOT NULL,
	"weights_by_class" jsonb NOT NULL,
	"standings" jsonb NOT NULL,
	"min_orders" integer NOT NULL,
	"change_note" text DEFAULT '' NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scorecard_snapshots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"supplier_id" uuid NOT NULL,
	"order_class_id" uuid NOT NULL,
	"month" text NOT NULL,
	"counters" jsonb NOT NULL,
	"metrics" jsonb NOT NULL,
	"score_deci" integer,
	"standing_key" text,
	"order_count" integer NOT NULL,
	"policy_version" integer NOT NULL,
	"inputs_hash" text NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	CONSTRAINT "scorecard_snapshots_period_uq" UNIQUE("supplier_id","order_class_id","month")
);
--> statement-breakpoint
CREATE TABLE "standing_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"supplier_id" uuid NOT NULL,
	"order_class_id" uuid NOT NULL,
	"from_key" text,
	"to_key" text NOT NULL,
	"score_deci" integer,
	"policy_version" integer NOT NULL,
	"reason" text NOT NULL,
	"changed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supplier_standings" (
	"supplier_id" uuid NOT NULL,
	"order_class_id" uuid NOT NULL,
	"standing_key" text NOT NULL,
	"standing_label" text NOT NULL,
	"excludes_class" boolean DEFAULT false NOT NULL,
	"flagged" boolean DEFAULT false NOT NULL,
	"review_above_minor" integer,
	"score_deci" integer,
	"policy_version" integer NOT NULL,
	"since" timestamp with time zone NOT NULL,
	"evaluated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "supplier_standings_supplier_id_order_class_id_pk" PRIMARY KEY("supplier_id","order_class_id")
);
--> statement-breakpoint
ALTER TABLE "scorecard_corrections" ADD CONSTRAINT "scorecard_corrections_dispute_id_scorecard_disputes_id_fk" FOREIGN KEY ("dispute_id") REFERENCES "public"."scorecard_disputes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_corrections" ADD CONSTRAINT "scorecard_corrections_supplier_id_suppliers_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."suppliers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_corrections" ADD CONSTRAINT "scorecard_corrections_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_daily_rollups" ADD CONSTRAINT "scorecard_daily_rollups_supplier_id_suppliers_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."suppliers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_daily_rollups" ADD CONSTRAINT "scorecard_daily_rollups_order_class_id_order_classes_id_fk" FOREIGN KEY ("order_class_id") REFERENCES "public"."order_classes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_disputes" ADD CONSTRAINT "scorecard_disputes_supplier_id_suppliers_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."suppliers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_disputes" ADD CONSTRAINT "scorecard_disputes_order_class_id_order_classes_id_fk" FOREIGN KEY ("order_class_id") REFERENCES "public"."order_classes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_disputes" ADD CONSTRAINT "scorecard_disputes_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_disputes" ADD CONSTRAINT "scorecard_disputes_raised_by_user_id_users_id_fk" FOREIGN KEY ("raised_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_disputes" ADD CONSTRAINT "scorecard_disputes_resolved_by_user_id_users_id_fk" FOREIGN KEY ("resolved_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_monthly_rollups" ADD CONSTRAINT "scorecard_monthly_rollups_supplier_id_suppliers_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."suppliers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_monthly_rollups" ADD CONSTRAINT "scorecard_monthly_rollups_order_class_id_order_classes_id_fk" FOREIGN KEY ("order_class_id") REFERENCES "public"."order_classes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_policies" ADD CONSTRAINT "scorecard_policies_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_snapshots" ADD CONSTRAINT "scorecard_snapshots_supplier_id_suppliers_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."suppliers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_snapshots" ADD CONSTRAINT "scorecard_snapshots_order_class_id_order_classes_id_fk" FOREIGN KEY ("order_class_id") REFERENCES "public"."order_classes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_snapshots" ADD CONSTRAINT "scorecard_snapshots_policy_version_scorecard_policies_version_fk" FOREIGN KEY ("policy_version") REFERENCES "public"."scorecard_policies"("version") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "standing_changes" ADD CONSTRAINT "standing_changes_supplier_id_suppliers_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."suppliers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "standing_changes" ADD CONSTRAINT "standing_changes_order_class_id_order_classes_id_fk" FOREIGN KEY ("order_class_id") REFERENCES "public"."order_classes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_standings" ADD CONSTRAINT "supplier_standings_supplier_id_suppliers_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."suppliers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_standings" ADD CONSTRAINT "supplier_standings_order_class_id_order_classes_id_fk" FOREIGN KEY ("order_class_id") REFERENCES "public"."order_classes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "scorecard_daily_rollups_day_idx" ON "scorecard_daily_rollups" USING btree ("day");--> statement-breakpoint
CREATE INDEX "scorecard_disputes_supplier_idx" ON "scorecard_disputes" USING btree ("supplier_id","raised_at");--> statement-breakpoint
CREATE INDEX "scorecard_disputes_open_idx" ON "scorecard_disputes" USING btree ("status","raised_at");--> statement-breakpoint
CREATE INDEX "scorecard_monthly_rollups_month_idx" ON "scorecard_monthly_rollups" USING btree ("month");--> statement-breakpoint
CREATE INDEX "scorecard_snapshots_month_idx" ON "scorecard_snapshots" USING btree ("month");--> statement-breakpoint
CREATE INDEX "standing_changes_supplier_idx" ON "standing_changes" USING btree ("supplier_id","order_class_id","changed_at");--> statement-breakpoint
-- A published scorecard is evidence: the database refuses to change or remove one.
CREATE FUNCTION scorecard_snapshots_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'scorecard_snapshots are immutable: % is not allowed', TG_OP
		USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER scorecard_snapshots_no_update_or_delete
	BEFORE UPDATE OR DELETE ON scorecard_snapshots
	FOR EACH ROW EXECUTE FUNCTION scorecard_snapshots_refuse_change();
--> statement-breakpoint
CREATE TRIGGER scorecard_snapshots_no_truncate
	BEFORE TRUNCATE ON scorecard_snapshots
	FOR EACH STATEMENT EXECUTE FUNCTION scorecard_snapshots_refuse_change();
