import "server-only";
import { auditListInput, userListInput } from "@/lib/schemas/admin";
import { auditLogPage, userPage } from "@/server/services/admin/queries";
import { adminProcedure, router } from "../trpc";

export const adminRouter = router({
  auditLog: adminProcedure.input(auditListInput).query(({ ctx, input }) => auditLogPage(ctx.db, ctx.scope, input)),
  users: adminProcedure.input(userListInput).query(({ ctx, input }) => userPage(ctx.db, ctx.scope, input)),
});
