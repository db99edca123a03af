import "server-only";
import { resetCodeRequest, resetPasswordInput, smsCodeRequest } from "@/lib/schemas/accounts";
import { requestResetCode, resetPassword } from "@/server/services/accounts/passwords";
import { issueSmsCode } from "@/server/services/accounts/sms-codes";
import { publicProcedure, router } from "../../trpc";

/** Public account steps: SMS codes for registration and R-ACC-4 password recovery. */
export const accountRouter = router({
  requestRegisterCode: publicProcedure.input(smsCodeRequest).mutation(async ({ ctx, input }) => {
    await issueSmsCode(ctx.db, { phone: input.phone, purpose: "register", ip: ctx.ip });
    return { sent: true };
  }),
  requestResetCode: publicProcedure
    .input(resetCodeRequest)
    .mutation(({ ctx, input }) => requestResetCode(ctx.db, { ...input, ip: ctx.ip })),
  resetPassword: publicProcedure.input(resetPasswordInput).mutation(async ({ ctx, input }) => {
    await resetPassword(ctx.db, { ...input, ip: ctx.ip });
    return { ok: true };
  }),
});
