import { router } from "../../trpc";
import { enterpriseFilingProcedures } from "./enterprise";
import { historyProcedure } from "./history";
import { reviewProcedures } from "./review";

export { capabilityRouter } from "./capability";
export { jurisdictionRouter } from "./jurisdiction";

export const filingRouter = router({
  ...enterpriseFilingProcedures,
  ...reviewProcedures,
  history: historyProcedure,
});
