import { capabilityEnableInput, capabilityIdInput, capabilityInput } from "@/lib/schemas/filing";
import { deciderOf } from "@/server/services/filing/decider";
import { listCapabilities } from "@/server/services/filing/list-capabilities";
import { removeCapability, saveCapability, setCapabilityEnabled } from "@/server/services/filing/save-capability";
import { institutionProcedure as institution, router } from "../../trpc";

/** 检定能力维护: an institution sees and edits only its own rows. */
export const capabilityRouter = router({
  list: institution.query(({ ctx }) => listCapabilities(ctx.db, ctx.org)),
  save: institution.input(capabilityInput).mutation(({ ctx, input }) => saveCapability(ctx.db, deciderOf(ctx), input)),
  setEnabled: institution.input(capabilityEnableInput).mutation(({ ctx, input }) => setCapabilityEnabled(ctx.db, deciderOf(ctx), input.id, input.enabled)),
  remove: institution.input(capabilityIdInput).mutation(({ ctx, input }) => removeCapability(ctx.db, deciderOf(ctx), input.id)),
});
