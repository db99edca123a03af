import "server-only";
import { departmentCreate, departmentIdInput, departmentRename } from "@/lib/schemas/accounts";
import { createDepartment, listDepartments, removeDepartment, renameDepartment } from "@/server/services/accounts/departments";
import { enterpriseProcedure, router } from "../../trpc";

/** Departments of the caller's own enterprise; owners change them (seed 003). */
export const departmentRouter = router({
  list: enterpriseProcedure.query(({ ctx }) => listDepartments(ctx.db, ctx.scope)),
  create: enterpriseProcedure.input(departmentCreate).mutation(({ ctx, input }) => createDepartment(ctx.db, ctx.user, ctx.actor, input.name)),
  rename: enterpriseProcedure.input(departmentRename).mutation(({ ctx, input }) => renameDepartment(ctx.db, ctx.user, ctx.actor, input.id, input.name)),
  remove: enterpriseProcedure.input(departmentIdInput).mutation(({ ctx, input }) => removeDepartment(ctx.db, ctx.user, ctx.actor, input.id)),
});
