import { describe, expect, it } from "vitest";
import * as vocab from "@/lib/vocab";
import * as schema from "./index";

describe("issue 8 step 4: one vocabulary", () => {
  it("every database enum is the vocabulary's list, in the same order", () => {
    const pairs: [{ enumValues: readonly string[] }, readonly string[]][] = [
      [schema.filingStatus, vocab.FILING_STATUSES],
      [schema.filingState, vocab.FILING_STATES],
      [schema.filingReturnReason, vocab.RETURN_REASONS],
      [schema.instrumentStatus, vocab.INSTRUMENT_STATUSES],
      [schema.method, vocab.METHODS],
      [schema.purpose, vocab.PURPOSES],
      [schema.flowStatus, vocab.FLOW_STATUSES],
      [schema.outboxStatus, vocab.OUTBOX_STATUSES],
      [schema.attachmentSlot, vocab.ATTACHMENT_SLOTS],
      [schema.userRole, vocab.USER_ROLES],
    ];
    for (const [pg, list] of pairs) expect(pg.enumValues).toEqual([...list]);
  });

  it("flow status, outbox status and attachment slot are database enums, not free text", () => {
    expect(schema.instruments.flowStatus.enumValues).toEqual(["filing", "appointment"]);
    expect(schema.outbox.status.enumValues).toEqual(["pending", "sending", "sent", "failed"]);
    expect(schema.instrumentAttachments.slot.enumValues).toEqual(["general", "type_evaluation"]);
    expect(schema.instruments.flowStatus.columnType).toBe("PgEnumColumn");
    expect(schema.instrumentAttachments.slot.columnType).toBe("PgEnumColumn");
    expect(schema.outbox.status.columnType).toBe("PgEnumColumn");
  });

  it("every code has its Chinese word and the zod enum accepts exactly the codes", () => {
    expect(Object.keys(vocab.FILING_STATUS_LABEL)).toEqual([...vocab.FILING_STATUSES]);
    expect(vocab.filingStatusSchema.safeParse("filed").success).toBe(true);
    expect(vocab.filingStatusSchema.safeParse("approved").success).toBe(false);
    expect(vocab.FLOW_STATUS_LABEL.filing).toBe("备案中");
  });
});
