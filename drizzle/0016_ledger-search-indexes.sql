DROP INDEX "instruments_tags_idx";--> statement-breakpoint
CREATE INDEX "instruments_enterprise_tags_idx" ON "instruments" USING gin ("enterprise_id","tags");--> statement-breakpoint
CREATE INDEX "instruments_enterprise_search_idx" ON "instruments" USING gin ("enterprise_id",("serial_no" || ' ' || "name" || ' ' || "manufacturer") gin_trgm_ops);