import "server-only";
import {
  accountAdminRouter,
  accountRouter,
  departmentRouter,
  membershipRouter,
  profileRouter,
  registrationRouter,
} from "./routers/accounts";
import { adminRouter } from "./routers/admin";
import { appointmentRouter, appointmentSettingsRouter, holidayRouter } from "./routers/appointments";
import { catalogueRouter } from "./routers/catalogue";
import { capabilityRouter, filingRouter, jurisdictionRouter } from "./routers/filing";
import { ledgerRouter } from "./routers/ledger";
import { meRouter } from "./routers/me";
import { organisationRouter } from "./routers/organisation";
import { regionRouter } from "./routers/region";
import { createCallerFactory, router } from "./trpc";
// Issue 10 — booking (enterprise side)

// Issue 10 — institution confirmation and appointment sheet
import { appointmentDeskRouter } from "./routers/appointments/desk";
import { appointmentViewRouter } from "./routers/appointments/view";

// Issue 10 — reception and results

// Issue 10 — certificates, fees, downloads

// Issue 12 — regulator workspace

// Issue 13 — notifications
import { notificationRouter } from "./routers/notify";

// Issue 11 — public portal
import { directoryRouter } from "./routers/directory";

export const appRouter = router({
  region: regionRouter,
  catalogue: catalogueRouter,
  me: meRouter,
  organisation: organisationRouter,
  admin: adminRouter,
  capability: capabilityRouter,
  filing: filingRouter,
  jurisdiction: jurisdictionRouter,
  account: accountRouter,
  accountAdmin: accountAdminRouter,
  registration: registrationRouter,
  membership: membershipRouter,
  department: departmentRouter,
  profile: profileRouter,
  ledger: ledgerRouter,
  appointment: appointmentRouter,
  appointmentSettings: appointmentSettingsRouter,
  holiday: holidayRouter,
  // Issue 10 — booking (enterprise side)

  // Issue 10 — institution confirmation and appointment sheet
  appointmentDesk: appointmentDeskRouter,
  appointmentView: appointmentViewRouter,

  // Issue 10 — reception and results

  // Issue 10 — certificates, fees, downloads

  // Issue 12 — regulator workspace

  // Issue 13 — notifications
  notification: notificationRouter,

  // Issue 11 — public portal
  directory: directoryRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
