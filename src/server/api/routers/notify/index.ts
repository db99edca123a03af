import "server-only";
import { markReadInput, messageListInput, orgContactsInput, preferencesInput, webhookInput } from "@/lib/schemas/notify";
import { listMessages, markAllRead, markRead, unreadCount } from "@/server/services/notify/messages";
import { orgNotifySettings, removeWebhook, saveOrgContacts, saveWebhook, sendTestWebhook } from "@/server/services/notify/org-settings";
import { preferencesOf, savePreferences } from "@/server/services/notify/preferences";
import { protectedProcedure, router } from "../../trpc";

/**
 * Issue 13: the caller's own in-app messages and notification preferences (any signed-in user; the user id is
 * the scope), and the organisation's contacts and webhook (its owner only: NOT_ORG_OWNER otherwise).
 */
export const notificationRouter = router({
  list: protectedProcedure.input(messageListInput).query(({ ctx, input }) => listMessages(ctx.db, ctx.user.id, input)),
  unreadCount: protectedProcedure.query(({ ctx }) => unreadCount(ctx.db, ctx.user.id)),
  markRead: protectedProcedure.input(markReadInput).mutation(({ ctx, input }) => markRead(ctx.db, { userId: ctx.user.id, actor: ctx.actor }, input)),
  markAllRead: protectedProcedure.mutation(({ ctx }) => markAllRead(ctx.db, { userId: ctx.user.id, actor: ctx.actor })),
  preferences: protectedProcedure.query(({ ctx }) => preferencesOf(ctx.db, ctx.user.id)),
  savePreferences: protectedProcedure.input(preferencesInput).mutation(({ ctx, input }) => savePreferences(ctx.db, { userId: ctx.user.id, actor: ctx.actor }, input)),
  orgSettings: protectedProcedure.query(({ ctx }) => orgNotifySettings(ctx.db, ctx.user)),
  saveContacts: protectedProcedure.input(orgContactsInput).mutation(({ ctx, input }) => saveOrgContacts(ctx.db, ctx, input)),
  saveWebhook: protectedProcedure.input(webhookInput).mutation(({ ctx, input }) => saveWebhook(ctx.db, ctx, input)),
  removeWebhook: protectedProcedure.mutation(({ ctx }) => removeWebhook(ctx.db, ctx)),
  testWebhook: protectedProcedure.mutation(({ ctx }) => sendTestWebhook(ctx.db, ctx)),
});
