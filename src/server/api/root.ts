import { adminRouter } from "./routers/admin";
import { catalogueRouter } from "./routers/catalogue";
import { ledgerRouter } from "./routers/ledger";
import { meRouter } from "./routers/me";
import { organisationRouter } from "./routers/organisation";
import { regionRouter } from "./routers/region";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  region: regionRouter,
  catalogue: catalogueRouter,
  me: meRouter,
  organisation: organisationRouter,
  admin: adminRouter,
  ledger: ledgerRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
