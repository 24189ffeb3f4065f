CREATE TYPE "public"."capacity_unit" AS ENUM('units', 'orders');--> statement-breakpoint
CREATE TABLE "supplier_capabilities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"supplier_id" uuid NOT NULL,
	"category_id" uuid NOT NULL,
	"order_class_id" uuid NOT NULL,
	"weekly_capacity" integer NOT NULL,
	"capacity_unit" "capacity_unit" DEFAULT 'units' NOT NULL,
	"lead_time_hours" integer NOT NULL,
	"regions" text[] DEFAULT '{}' NOT NULL,
	"available24x7" boolean DEFAULT false NOT NULL,
	"exception_note" text,
	"paused_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "supplier_capabilities_pair_uq" UNIQUE("supplier_id","category_id","order_class_id"),
	CONSTRAINT "supplier_capabilities_capacity_positive" CHECK ("supplier_capabilities"."weekly_capacity" > 0),
	CONSTRAINT "supplier_capabilities_lead_time_positive" CHECK ("supplier_capabilities"."lead_time_hours" > 0)
);
--> statement-breakpoint
CREATE TABLE "supplier_status_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"supplier_id" uuid NOT NULL,
	"from_status" "supplier_status" NOT NULL,
	"to_status" "supplier_status" NOT NULL,
	"reason" text NOT NULL,
	"changed_by_user_id" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "supplier_capabilities" ADD CONSTRAINT "supplier_capabilities_supplier_id_suppliers_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."suppliers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_capabilities" ADD CONSTRAINT "supplier_capabilities_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_capabilities" ADD CONSTRAINT "supplier_capabilities_order_class_id_order_classes_id_fk" FOREIGN KEY ("order_class_id") REFERENCES "public"."order_classes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_status_changes" ADD CONSTRAINT "supplier_status_changes_supplier_id_suppliers_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."suppliers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "supplier_capabilities_match_idx" ON "supplier_capabilities" USING btree ("category_id","order_class_id");--> statement-breakpoint
CREATE INDEX "supplier_status_changes_supplier_idx" ON "supplier_status_changes" USING btree ("supplier_id","changed_at");