import { router } from "../../trpc";
import { ledgerMutations } from "./mutations";
import { ledgerQueries } from "./queries";

export const ledgerRouter = router({ ...ledgerQueries, ...ledgerMutations });
