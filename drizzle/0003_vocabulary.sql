CREATE TYPE "public"."attachment_slot" AS ENUM('general', 'type_evaluation');--> statement-breakpoint
CREATE TYPE "public"."flow_status" AS ENUM('filing', 'appointment');--> statement-breakpoint
CREATE TYPE "public"."outbox_status" AS ENUM('pending', 'sent', 'failed');--> statement-breakpoint
ALTER TABLE "instruments" ALTER COLUMN "flow_status" SET DATA TYPE "public"."flow_status" USING "flow_status"::"public"."flow_status";--> statement-breakpoint
-- Hand-edited (drizzle-kit set the enum default before the type change): drop the text default, convert the
-- column, then set the enum default, so the conversion never depends on casting the old default.
ALTER TABLE "outbox" ALTER COLUMN "status" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "outbox" ALTER COLUMN "status" SET DATA TYPE "public"."outbox_status" USING "status"::"public"."outbox_status";--> statement-breakpoint
ALTER TABLE "outbox" ALTER COLUMN "status" SET DEFAULT 'pending'::"public"."outbox_status";--> statement-breakpoint
ALTER TABLE "instrument_attachments" ALTER COLUMN "slot" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "instrument_attachments" ALTER COLUMN "slot" SET DATA TYPE "public"."attachment_slot" USING "slot"::"public"."attachment_slot";--> statement-breakpoint
ALTER TABLE "instrument_attachments" ALTER COLUMN "slot" SET DEFAULT 'general'::"public"."attachment_slot";
