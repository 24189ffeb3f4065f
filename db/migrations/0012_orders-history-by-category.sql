DROP INDEX "orders_class_idx";--> statement-breakpoint
CREATE INDEX "orders_class_category_idx" ON "orders" USING btree ("order_class_id","category_id","created_at");