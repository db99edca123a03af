import {
  dispenserCreateInput, dispenserListInput, duplicateListInput, noticeCreateInput, noticeIdInput, noticeListInput, noticeUpdateInput,
  publicNoticeListInput, supervisionListInput, taskListInput, taskMoveInput, taskTargetsInput, warningListInput,
} from "@/lib/schemas/regulator";
import { createDispenser, listDispensers } from "@/server/services/regulator/dispensers";
import { listDuplicates } from "@/server/services/regulator/duplicates";
import {
  changeNoticeState, createNotice, getNotice, getPublishedNotice, listNotices, listPublishedNotices, updateNotice,
} from "@/server/services/regulator/notices";
import { listSupervisionInstruments, listWarnings, supervisionOptions } from "@/server/services/regulator/supervision";
import { listTaskAppointments, listTaskFilings, moveTask, taskTargets } from "@/server/services/regulator/tasks";
import { publicProcedure, regulatorProcedure, router } from "../../trpc";

/** 辖区仪器, 预警, 重复登记 (issue 12 items 3 and 8): reads over the regulator's region (R-SCOPE-3). */
export const supervisionRouter = router({
  options: regulatorProcedure.query(({ ctx }) => supervisionOptions(ctx.db, ctx.scope)),
  instruments: regulatorProcedure.input(supervisionListInput).query(({ ctx, input }) => listSupervisionInstruments(ctx.db, ctx.scope, input)),
  warnings: regulatorProcedure.input(warningListInput).query(({ ctx, input }) => listWarnings(ctx.db, ctx.scope, input)),
  duplicates: regulatorProcedure.input(duplicateListInput).query(({ ctx, input }) => listDuplicates(ctx.db, ctx.scope, input)),
});

/** 公示公告 (issue 12 item 4), the regulator's side. */
export const noticeRouter = router({
  list: regulatorProcedure.input(noticeListInput).query(({ ctx, input }) => listNotices(ctx.db, ctx.scope, input)),
  byId: regulatorProcedure.input(noticeIdInput).query(({ ctx, input }) => getNotice(ctx.db, ctx.scope, input.id)),
  create: regulatorProcedure.input(noticeCreateInput).mutation(({ ctx, input }) => createNotice(ctx.db, ctx, input)),
  update: regulatorProcedure.input(noticeUpdateInput).mutation(({ ctx, input }) => updateNotice(ctx.db, ctx, input)),
  publish: regulatorProcedure.input(noticeIdInput).mutation(({ ctx, input }) => changeNoticeState(ctx.db, ctx, input.id, "publish")),
  withdraw: regulatorProcedure.input(noticeIdInput).mutation(({ ctx, input }) => changeNoticeState(ctx.db, ctx, input.id, "withdraw")),
});

/** 公示公告 on the public portal: published notices only, for anyone. */
export const publicNoticeRouter = router({
  list: publicProcedure.input(publicNoticeListInput).query(({ ctx, input }) => listPublishedNotices(ctx.db, input)),
  byId: publicProcedure.input(noticeIdInput).query(({ ctx, input }) => getPublishedNotice(ctx.db, input.id)),
});

/** 检定任务分配 (issue 12 item 5). */
export const taskRouter = router({
  filings: regulatorProcedure.input(taskListInput).query(({ ctx, input }) => listTaskFilings(ctx.db, ctx.scope, input)),
  appointments: regulatorProcedure.input(taskListInput).query(({ ctx, input }) => listTaskAppointments(ctx.db, ctx.scope, input)),
  targets: regulatorProcedure.input(taskTargetsInput).query(({ ctx, input }) => taskTargets(ctx.db, ctx.scope, input)),
  move: regulatorProcedure.input(taskMoveInput).mutation(({ ctx, input }) => moveTask(ctx.db, ctx, input)),
});

/** 加油机专用录入 (issue 12 item 6); the Excel template and import are route handlers (app/api/regulator/dispensers). */
export const dispenserRouter = router({
  list: regulatorProcedure.input(dispenserListInput).query(({ ctx, input }) => listDispensers(ctx.db, ctx.scope, input)),
  create: regulatorProcedure.input(dispenserCreateInput).mutation(({ ctx, input }) => createDispenser(ctx.db, ctx, input)),
});
