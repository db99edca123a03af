import { attachmentDeleteInput, createInstrumentInput, importRowsInput, instrumentIdsInput, updateInstrumentInput } from "@/lib/schemas/ledger";
import { deleteAttachment } from "@/server/services/ledger/attachments";
import { changeStatus, deleteInstruments } from "@/server/services/ledger/change-status";
import { importRows } from "@/server/services/ledger/import-rows";
import { createInstrument, updateInstrument } from "@/server/services/ledger/save-instrument";
import { enterpriseProcedure as enterprise } from "../../trpc";

/** Ledger writes (R-LED-1…3): enterprise only, always on the caller's own instruments. */
export const ledgerMutations = {
  create: enterprise.input(createInstrumentInput).mutation(async ({ ctx, input }) => {
    const row = await createInstrument(ctx.db, ctx.actor, input);
    return { id: row.id };
  }),
  update: enterprise.input(updateInstrumentInput).mutation(async ({ ctx, input }) => {
    const row = await updateInstrument(ctx.db, ctx.actor, input.id, input.fields, input.expectedUpdatedAt);
    return { id: row.id };
  }),
  stop: enterprise.input(instrumentIdsInput).mutation(({ ctx, input }) => changeStatus(ctx.db, ctx.actor, input.ids, "stop")),
  enable: enterprise.input(instrumentIdsInput).mutation(({ ctx, input }) => changeStatus(ctx.db, ctx.actor, input.ids, "enable")),
  scrap: enterprise.input(instrumentIdsInput).mutation(({ ctx, input }) => changeStatus(ctx.db, ctx.actor, input.ids, "scrap")),
  remove: enterprise.input(instrumentIdsInput).mutation(({ ctx, input }) => deleteInstruments(ctx.db, ctx.actor, input.ids)),
  deleteAttachment: enterprise.input(attachmentDeleteInput).mutation(async ({ ctx, input }) => {
    await deleteAttachment(ctx.db, ctx.actor, input.instrumentId, input.attachmentId);
    return { ok: true };
  }),
  /** Row-by-row import: a small batch, one result per row; a failed row never blocks the others. */
  importRows: enterprise.input(importRowsInput).mutation(({ ctx, input }) => importRows(ctx.db, ctx.actor, input.rows)),
};
