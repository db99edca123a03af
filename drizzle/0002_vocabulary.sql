CREATE TYPE "public"."attachment_slot" AS ENUM('general', 'type_evaluation');--> statement-breakpoint
CREATE TYPE "public"."flow_status" AS ENUM('filing', 'appointment');--> statement-breakpoint
CREATE TYPE "public"."outbox_status" AS ENUM('pending', 'sent', 'failed');--> statement-breakpoint
ALTER TABLE "instruments" ALTER COLUMN "flow_status" SET DATA TYPE "public"."flow_status" USING "flow_status"::"public"."flow_status";--> statement-breakpoint
-- Hand-edited: a text default cannot be cast to the enum automatically, so drop it, convert, then set it again
-- (drizzle-kit set the enum default first, which PostgreSQL refuses on the type change).
ALTER TABLE "outbox" ALTER COLUMN "status" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "outbox" ALTER COLUMN "status" SET DATA TYPE "public"."outbox_status" USING "status"::"public"."outbox_status";--> statement-breakpoint
ALTER TABLE "outbox" ALTER COLUMN "status" SET DEFAULT 'pending'::"public"."outbox_status";--> statement-breakpoint
ALTER TABLE "instrument_attachments" ALTER COLUMN "slot" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "instrument_attachments" ALTER COLUMN "slot" SET DATA TYPE "public"."attachment_slot" USING "slot"::"public"."attachment_slot";--> statement-breakpoint
ALTER TABLE "instrument_attachments" ALTER COLUMN "slot" SET DEFAULT 'general'::"public"."attachment_slot";
