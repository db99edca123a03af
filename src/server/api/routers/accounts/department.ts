import { asc, eq } from "drizzle-orm";
import { departmentCreate, departmentIdInput, departmentRename } from "@/lib/schemas/accounts";
import { departments } from "@/server/db/schema";
import { createDepartment, removeDepartment, renameDepartment } from "@/server/services/accounts/departments";
import { actorOf } from "../../actor";
import { roleProcedure, router } from "../../trpc";

const enterprise = roleProcedure("enterprise");

/** Departments of the caller's own enterprise; owners change them (seed 003). */
export const departmentRouter = router({
  list: enterprise.query(({ ctx }) =>
    ctx.db
      .select({ id: departments.id, name: departments.name })
      .from(departments)
      .where(eq(departments.orgId, ctx.user.org!.id))
      .orderBy(asc(departments.name)),
  ),
  create: enterprise.input(departmentCreate).mutation(({ ctx, input }) => createDepartment(ctx.db, ctx.user, actorOf(ctx), input.name)),
  rename: enterprise.input(departmentRename).mutation(({ ctx, input }) => renameDepartment(ctx.db, ctx.user, actorOf(ctx), input.id, input.name)),
  remove: enterprise.input(departmentIdInput).mutation(({ ctx, input }) => removeDepartment(ctx.db, ctx.user, actorOf(ctx), input.id)),
});
