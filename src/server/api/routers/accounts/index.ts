import "server-only";
export { accountRouter } from "./account";
export { accountAdminRouter } from "./account-admin";
export { departmentRouter } from "./department";
export { membershipRouter } from "./membership";
export { profileRouter } from "./profile";
export { registrationRouter } from "./registration";
