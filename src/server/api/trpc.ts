import "server-only";
import { initTRPC } from "@trpc/server";
import superjson from "superjson";
import { ZodError, z } from "zod";
import type { DB } from "@/server/db/open";
import { AppError, ERRORS } from "@/server/errors";
import { toTRPCError } from "./errors";
import { loadSessionUser, type SessionUser, type UserRole } from "@/server/auth/session-user";
import { zodIssuesToChinese } from "@/lib/schemas/zod-zh";
import {
  actor,
  asAdmin,
  asEnterprise,
  asInstitution,
  asPersonal,
  asRegulator,
  asReviewer,
  asSignedIn,
  signedInForPasswordChange,
} from "@/server/authz/caller";

export type { SessionUser, UserRole };

/**
 * What every procedure gets. `userId` comes from the session token; the user is re-read from the database.
 * `readDb` (default `db`) is where lag-tolerant reads go — dashboards (issue 14 #4): the replica-routed database
 * when a replica is configured, except in a mutation and just after one (read-your-writes, see readRouting).
 */
export type CreateContextOptions = { db: DB; readDb?: DB; userId: number | null; sessionVersion: number | null; ip: string | null };

export async function createContext(opts: CreateContextOptions) {
  const user = opts.userId === null ? null : await loadSessionUser(opts.db, opts.userId, opts.sessionVersion);
  return { db: opts.db, readDb: opts.readDb ?? opts.db, user, ip: opts.ip };
}
export type Context = Awaited<ReturnType<typeof createContext>>;

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const zodError = error.cause instanceof ZodError ? error.cause : null;
    const internal = error.code === "INTERNAL_SERVER_ERROR";
    // No stack trace or internal message ever reaches a user.
    const { stack: _stack, ...data } = shape.data;
    void _stack;
    return {
      ...shape,
      message: zodError ? zodIssuesToChinese(zodError) : internal ? ERRORS.INTERNAL.message : shape.message,
      data: {
        ...data,
        fieldErrors: zodError ? z.flattenError(zodError).fieldErrors : undefined,
        appCode: error.cause instanceof AppError ? error.cause.appCode : undefined,
      },
    };
  },
});

export const createCallerFactory = t.createCallerFactory;
export const router = t.router;

/** Turns domain errors into tRPC errors and logs unexpected ones once, server-side. */
const errorMapping = t.middleware(async ({ next, path }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof AppError) return { ...result, error: toTRPCError(cause) } as typeof result;
    if (result.error.code === "INTERNAL_SERVER_ERROR") console.error(`[trpc] ${path} failed:`, cause ?? result.error);
  }
  return result;
});

/** A request that writes reads its own writes: in a mutation every read goes to the primary. */
const readRouting = t.middleware(({ ctx, type, next }) => (type === "mutation" ? next({ ctx: { ...ctx, readDb: ctx.db } }) : next()));

export const publicProcedure = t.procedure.use(errorMapping).use(readRouting);

/**
 * Signed in, also while an administrator's forced password reset is pending (issue 9 item 4): only for the
 * profile's change-password call and what the change-password page needs to render.
 */
export const passwordChangeProcedure = publicProcedure.use(({ ctx, next }) => {
  const user = signedInForPasswordChange(ctx.user);
  return next({ ctx: { ...ctx, user, actor: actor(user, ctx.ip) } });
});

/** Signed in and not held by a forced password reset: the base of every other builder. */
export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  const caller = asSignedIn(ctx.user, ctx.ip);
  return next({ ctx: { ...ctx, user: caller.user, actor: caller.actor } });
});

/**
 * Only the given roles, and only once their organisation has been approved (R-ACC-3). Wrong role answers
 * FORBIDDEN before anything is looked up, so it reveals nothing about records. Prefer the builders below,
 * which also narrow `ctx.org` and `ctx.scope`.
 */
export function roleProcedure<R extends UserRole>(...roles: R[]) {
  return protectedProcedure.use(({ ctx, next }) => {
    if (!roles.includes(ctx.user.role as R)) throw new AppError("FORBIDDEN_ROLE");
    if (ctx.user.role !== "admin" && ctx.user.org?.status !== "approved") throw new AppError("ACCOUNT_PENDING");
    return next({ ctx: { ...ctx, user: ctx.user as SessionUser & { role: R } } });
  });
}

/**
 * Procedure builders that narrow the context once: `ctx.org` (never null), `ctx.scope` (the R-SCOPE filter
 * objects) and `ctx.actor` (for audit rows). The guards are the same functions route handlers and server
 * actions call (src/server/authz/caller.ts).
 */
export const enterpriseProcedure = protectedProcedure.use(({ ctx, next }) => next({ ctx: { ...ctx, ...asEnterprise(ctx.user, ctx.ip) } }));
export const institutionProcedure = protectedProcedure.use(({ ctx, next }) => next({ ctx: { ...ctx, ...asInstitution(ctx.user, ctx.ip) } }));
export const regulatorProcedure = protectedProcedure.use(({ ctx, next }) => next({ ctx: { ...ctx, ...asRegulator(ctx.user, ctx.ip) } }));
export const adminProcedure = protectedProcedure.use(({ ctx, next }) => next({ ctx: { ...ctx, ...asAdmin(ctx.user, ctx.ip) } }));
export const reviewerProcedure = protectedProcedure.use(({ ctx, next }) => next({ ctx: { ...ctx, ...asReviewer(ctx.user, ctx.ip) } }));
export const personalProcedure = protectedProcedure.use(({ ctx, next }) => next({ ctx: { ...ctx, ...asPersonal(ctx.user, ctx.ip) } }));
