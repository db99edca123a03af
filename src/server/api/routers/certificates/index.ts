import "server-only";
import {
  certificateListInput,
  markFeePaidInput,
  previewTemplateInput,
  reissueInput,
  saveTemplatesInput,
  setFeeInput,
} from "@/lib/schemas/certificates";
import { asDocumentReader } from "@/server/authz/document-reader";
import { markFeePaid, setFee } from "@/server/services/certificates/fees";
import { listDocuments } from "@/server/services/certificates/list";
import { reissueDocument } from "@/server/services/certificates/reissue";
import { numberTemplates, previewTemplate, saveNumberTemplates } from "@/server/services/certificates/templates";
import { institutionProcedure, protectedProcedure, router } from "../../trpc";

/** The enterprise a document was issued for, or the institution that issued it (src/server/authz/document-reader.ts). */
const readerProcedure = protectedProcedure.use(({ ctx, next }) => next({ ctx: { ...ctx, reader: asDocumentReader(ctx.user, ctx.ip) } }));

/**
 * Certificates and fail notices (issue 10 items 7 and 8): the 证书 lists, re-issue, fees and number templates.
 * The public `/v/{token}` answer is the rate-limited lookup of src/server/services/public/lookups.ts. PDFs and zips are route handlers (src/app/api/certificates/).
 */
export const certificatesRouter = router({
  list: readerProcedure.input(certificateListInput).query(({ ctx, input }) => listDocuments(ctx.db, ctx.reader, input)),
  reissue: institutionProcedure.input(reissueInput).mutation(({ ctx, input }) => reissueDocument(ctx.db, ctx.actor, input)),
  setFee: institutionProcedure.input(setFeeInput).mutation(({ ctx, input }) => setFee(ctx.db, ctx.actor, input)),
  markFeePaid: institutionProcedure.input(markFeePaidInput).mutation(({ ctx, input }) => markFeePaid(ctx.db, ctx.actor, input)),
  templates: institutionProcedure.query(({ ctx }) => numberTemplates(ctx.db, ctx.org.id)),
  previewTemplate: institutionProcedure.input(previewTemplateInput).query(({ ctx, input }) => previewTemplate(ctx.db, ctx.org.id, input)),
  saveTemplates: institutionProcedure.input(saveTemplatesInput).mutation(({ ctx, input }) => saveNumberTemplates(ctx.db, ctx.actor, input)),
});
