import "server-only";
import { holidayAddInput, holidayListInput, holidayRemoveInput } from "@/lib/schemas/appointments";
import { addHoliday, listHolidays, removeHoliday } from "@/server/services/appointments/holidays";
import { adminProcedure, protectedProcedure, router } from "../../trpc";

/** The platform holiday calendar (节假日设置): anyone signed in reads it, administrators maintain it. */
export const holidayRouter = router({
  list: protectedProcedure.input(holidayListInput).query(({ ctx, input }) => listHolidays(ctx.db, input)),
  add: adminProcedure.input(holidayAddInput).mutation(({ ctx, input }) => addHoliday(ctx.db, ctx, input)),
  remove: adminProcedure.input(holidayRemoveInput).mutation(({ ctx, input }) => removeHoliday(ctx.db, ctx, input)),
});
