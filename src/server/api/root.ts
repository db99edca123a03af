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
import { bookingRouter } from "./routers/appointments/booking";

// Issue 10 — institution confirmation and appointment sheet
import { appointmentDeskRouter } from "./routers/appointments/desk";
import { appointmentViewRouter } from "./routers/appointments/view";

// Issue 10 — reception and results
import { receptionRouter, resultsRouter } from "./routers/appointments/reception";

// Issue 10 — certificates, fees, downloads
import { certificatesRouter } from "./routers/certificates";

// Issue 12 — regulator workspace
import { statisticsRouter } from "./routers/statistics";
// (regwork: supervision lists, notices, task assignment, dispensers, duplicates)
import { dispenserRouter, noticeRouter, publicNoticeRouter, supervisionRouter, taskRouter } from "./routers/regulator";

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
  booking: bookingRouter,

  // Issue 10 — institution confirmation and appointment sheet
  appointmentDesk: appointmentDeskRouter,
  appointmentView: appointmentViewRouter,

  // Issue 10 — reception and results
  reception: receptionRouter,
  results: resultsRouter,

  // Issue 10 — certificates, fees, downloads
  certificates: certificatesRouter,

  // Issue 12 — regulator workspace
  statistics: statisticsRouter,
  // (regwork)
  supervision: supervisionRouter,
  notice: noticeRouter,
  publicNotice: publicNoticeRouter,
  regulatorTask: taskRouter,
  dispenser: dispenserRouter,

  // Issue 13 — notifications
  notification: notificationRouter,

  // Issue 11 — public portal
  directory: directoryRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
