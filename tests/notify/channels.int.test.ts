import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq, inArray } from "drizzle-orm";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database, DB } from "@/server/db/open";
import { messages, notificationPreferences, organisations, organisationWebhooks, outbox, users } from "@/server/db/schema";
import { verifyWebhook } from "@/server/domain/notify/webhook";
import { AppError } from "@/server/errors";
import { deliverDue } from "@/server/jobs/outbox";
import { notifyEvent } from "@/server/notify/events";
import { httpSmsProvider, inAppProvider, smtpProvider, webhookProvider, type Providers } from "@/server/notify/providers";
import { saveWebhook } from "@/server/services/notify/org-settings";
import { openEmptyTestDb } from "../helpers/db";

let database: Database;
let db: DB;
let orgId = 0;
let ownerId = 0;

beforeAll(async () => {
  database = await openEmptyTestDb();
  db = database.db;
  const [org] = await db
    .insert(organisations)
    .values({ kind: "enterprise", name: "通知测试加油站", status: "approved", contactEmail: "office@station.test", contactPhone: "13900009999" })
    .returning();
  orgId = org!.id;
  const rows = await db
    .insert(users)
    .values([
      { username: "tz_owner", passwordHash: "x", displayName: "张三", role: "enterprise", orgId, email: "owner@station.test", phone: "13900000001" },
      { username: "tz_member", passwordHash: "x", displayName: "李四", role: "enterprise", orgId, email: "OFFICE@station.test", phone: null },
    ])
    .returning();
  ownerId = rows[0]!.id;
});
afterAll(async () => {
  await database?.close();
});
beforeEach(async () => {
  await db.delete(messages);
  await db.delete(outbox);
  await db.delete(organisationWebhooks);
  await db.delete(notificationPreferences);
});

const approved = { kind: "filing_approved" as const, data: { count: 2, instrumentNames: ["加油机", "压力表"], institutionName: "广州市计量院" } };
/** The providers under test, the other channels accepting silently (deliverDue claims every channel). */
const noop = { name: "noop", send: async () => {} };
const withNoop = (p: Providers): Providers => ({ inapp: noop, email: noop, sms: noop, webhook: noop, ...p });
const rowsFor = (channel: "inapp" | "email" | "sms" | "webhook") => db.select().from(outbox).where(eq(outbox.channel, channel)).orderBy(outbox.id);

/** A local HTTP receiver that records requests and answers with `status()`. */
async function receiver(status: () => number = () => 200) {
  const got: { headers: IncomingMessage["headers"]; body: string }[] = [];
  const server: Server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => (body += c));
    req.on("end", () => {
      got.push({ headers: req.headers, body });
      res.statusCode = status();
      res.end("ok");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  return { got, url: `http://127.0.0.1:${port}/hook`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe("issue 13 #3 notifyEvent", () => {
  it("queues in-app for every member, e-mail/SMS by preference and defaults, contacts without duplicates, in the event's transaction", async () => {
    await expect(
      db.transaction(async (tx) => {
        await notifyEvent(tx, { ...approved, orgId });
        throw new Error("决定失败");
      }),
    ).rejects.toThrow("决定失败");
    expect(await db.select().from(outbox)).toEqual([]); // rolled back with its event (R-NTF-1)

    await db.transaction((tx) => notifyEvent(tx, { ...approved, orgId }));
    const inapp = await rowsFor("inapp");
    expect(inapp.map((r) => r.recipient).sort()).toEqual(["tz_member", "tz_owner"]);
    expect(inapp[0]).toMatchObject({ template: "filing_approved", subject: "备案已通过", status: "pending" });
    expect(inapp[0]!.body).toContain("加油机、压力表（2 台）已由广州市计量院备案通过");
    // E-mail is on by default: owner, and the contact address once although a member has it in other case.
    expect((await rowsFor("email")).map((r) => r.recipient).sort()).toEqual(["office@station.test", "owner@station.test"]);
    // SMS is off by default for a filing approval.
    expect(await rowsFor("sms")).toEqual([]);
  });

  it("issue 13 #5 a user's choice replaces the defaults; the in-app message stays", async () => {
    await db.insert(notificationPreferences).values({ userId: ownerId, event: "filing_approved", email: false, sms: true });
    await db.transaction((tx) => notifyEvent(tx, { ...approved, orgId }));
    expect((await rowsFor("email")).map((r) => r.recipient)).toEqual(["office@station.test"]);
    expect((await rowsFor("sms")).map((r) => r.recipient)).toEqual(["13900000001"]);
    expect(await rowsFor("inapp")).toHaveLength(2);
  });
});

describe("issue 13 #2 in-app channel", () => {
  it("the worker writes one message per outbox row, also when the row is delivered twice (lease lost)", async () => {
    await db.transaction((tx) => notifyEvent(tx, { ...approved, orgId }));
    const providers: Providers = withNoop({ inapp: inAppProvider(db) });
    expect(await deliverDue(db, { providers, now: new Date(Date.now() + 1000) })).toMatchObject({ sent: 4 });
    const mine = await db.select().from(messages).where(eq(messages.userId, ownerId));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ event: "filing_approved", title: "备案已通过", link: "/enterprise/filings", readAt: null });
    // At-least-once: the same row sent again makes no second message.
    const [row] = await db.select().from(outbox).where(eq(outbox.id, mine[0]!.outboxId!));
    await inAppProvider(db).send({ ...row!, data: row!.data });
    expect(await db.select().from(messages).where(eq(messages.userId, ownerId))).toHaveLength(1);
  });
});

describe("issue 13 #2 e-mail through a real SMTP server", () => {
  let smtp: SMTPServer;
  let port = 0;
  const inbox: ParsedMail[] = [];
  let refuse = false;
  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onRcptTo(address, _session, cb) {
        if (refuse) return cb(new Error("mailbox unavailable"));
        cb();
      },
      onData(stream, _session, cb) {
        simpleParser(stream)
          .then((m) => {
            inbox.push(m);
            cb();
          })
          .catch(cb);
      },
    });
    await new Promise<void>((r) => smtp.listen(0, "127.0.0.1", () => r()));
    port = (smtp.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((r) => smtp.close(() => r()));
  });

  it("delivers a Chinese text and HTML mail with the link, read back from the server", async () => {
    await db.transaction((tx) => notifyEvent(tx, { ...approved, orgId }));
    const providers: Providers = withNoop({ email: smtpProvider({ host: "127.0.0.1", port, secure: false, user: undefined, pass: undefined, from: '"强检通" <no-reply@qjt.test>' }) });
    expect(await deliverDue(db, { providers, now: new Date(Date.now() + 1000) })).toMatchObject({ sent: 4 });
    const got = inbox.find((m) => m.to && JSON.stringify(m.to).includes("owner@station.test"));
    expect(got?.subject).toBe("【强检通】备案已通过");
    expect(got?.from?.text).toContain("强检通");
    expect(got?.text).toContain("加油机、压力表（2 台）已由广州市计量院备案通过");
    expect(got?.text).toMatch(/查看详情：http.*\/enterprise\/filings/);
    expect(got?.html).toContain("<h2");
    expect(got?.html).toContain("/enterprise/filings");
    expect(inbox).toHaveLength(2);
  });

  it("issue 13 bad input: a refusing or dead SMTP server is retried with the error kept, nothing lost", async () => {
    await db.transaction((tx) => notifyEvent(tx, { ...approved, orgId }));
    refuse = true;
    const providers: Providers = withNoop({ email: smtpProvider({ host: "127.0.0.1", port, secure: false, user: undefined, pass: undefined, from: "no-reply@qjt.test" }) });
    const now = new Date(Date.now() + 1000);
    expect(await deliverDue(db, { providers, now })).toMatchObject({ retried: 2 });
    const rows = await rowsFor("email");
    expect(rows.every((r) => r.status === "pending" && r.attempts === 1 && /邮件发送失败/.test(r.lastError ?? ""))).toBe(true);
    refuse = false;
    expect(await deliverDue(db, { providers, now: new Date(now.getTime() + 61_000) })).toMatchObject({ sent: 2 });
    const dead: Providers = withNoop({ email: smtpProvider({ host: "127.0.0.1", port: 1, secure: false, user: undefined, pass: undefined, from: "no-reply@qjt.test" }) });
    await db.transaction((tx) => notifyEvent(tx, { ...approved, orgId }));
    expect(await deliverDue(db, { providers: dead, now: new Date(now.getTime() + 62_000) })).toMatchObject({ retried: 2 });
  });
});

describe("issue 13 #2 outgoing webhooks", () => {
  it("POSTs the event signed with HMAC-SHA256 and a timestamp to the organisation's URL; a 500 is retried", async () => {
    let answer = 500;
    const r = await receiver(() => answer);
    try {
      await db.insert(organisationWebhooks).values({ orgId, url: r.url, secret: "secret-of-the-station-0001" });
      await db.transaction((tx) => notifyEvent(tx, { ...approved, orgId }));
      const [row] = await rowsFor("webhook");
      expect(row?.recipient).toBe(r.url);
      const providers: Providers = withNoop({ webhook: webhookProvider(db, { allowPrivate: true }) });
      const now = new Date(Date.now() + 1000);
      expect(await deliverDue(db, { providers, now })).toMatchObject({ retried: 1 });
      expect((await rowsFor("webhook"))[0]).toMatchObject({ status: "pending", lastError: "Webhook 返回 HTTP 500" });
      answer = 204;
      expect(await deliverDue(db, { providers, now: new Date(now.getTime() + 61_000) })).toMatchObject({ sent: 1 });
      expect(r.got).toHaveLength(2);
      const last = r.got[1]!;
      const ts = Number(last.headers["x-qjt-timestamp"]);
      expect(verifyWebhook("secret-of-the-station-0001", ts, last.body, String(last.headers["x-qjt-signature"]), Math.floor(Date.now() / 1000))).toBe(true);
      expect(verifyWebhook("wrong-secret-000000000000", ts, last.body, String(last.headers["x-qjt-signature"]), Math.floor(Date.now() / 1000))).toBe(false);
      // Same delivery id on the retry: receivers can drop duplicates.
      expect(last.headers["x-qjt-delivery"]).toBe(r.got[0]!.headers["x-qjt-delivery"]);
      expect(JSON.parse(last.body)).toMatchObject({ event: "filing_approved", title: "备案已通过", data: { count: 2 } });
      expect(JSON.parse(last.body).link).toMatch(/^http.*\/enterprise\/filings$/);
    } finally {
      await r.close();
    }
  });

  it("issue 13 bad input SSRF: a loopback webhook is refused at delivery and when saved, unless the administrator allows it", async () => {
    const r = await receiver();
    try {
      await db.insert(organisationWebhooks).values({ orgId, url: r.url, secret: "secret-of-the-station-0001" });
      await db.transaction((tx) => notifyEvent(tx, { ...approved, orgId }));
      const providers: Providers = withNoop({ webhook: webhookProvider(db, { allowPrivate: false }) });
      expect(await deliverDue(db, { providers, now: new Date(Date.now() + 1000) })).toMatchObject({ retried: 1 });
      expect((await rowsFor("webhook"))[0]!.lastError).toMatch(/内网或本机地址（127\.0\.0\.1）/);
      expect(r.got).toHaveLength(0);
      // A host name resolving to loopback is refused too (DNS is resolved and checked).
      await db.update(organisationWebhooks).set({ url: r.url.replace("127.0.0.1", "localhost") });
      expect(await deliverDue(db, { providers, now: new Date(Date.now() + 62_000) })).toMatchObject({ retried: 1 });
      expect((await rowsFor("webhook"))[0]!.lastError).toMatch(/内网或本机地址/);
      expect(r.got).toHaveLength(0);

      const session = { id: ownerId, username: "tz_owner", displayName: "张三", role: "enterprise" as const, mustChangePassword: false, org: null };
      const ownerCaller = { user: session, actor: { userId: ownerId, orgId } };
      const err = await saveWebhook(db, ownerCaller, { url: "http://localhost:8080/x", secret: "0123456789abcdef", enabled: true }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).appCode).toBe("WEBHOOK_URL_PRIVATE");
      for (const url of ["http://10.0.0.8/x", "http://169.254.169.254/latest", "http://[::1]/x"]) {
        const e = await saveWebhook(db, ownerCaller, { url, secret: "0123456789abcdef", enabled: true }).catch((x: unknown) => x);
        expect((e as AppError).appCode, url).toBe("WEBHOOK_URL_PRIVATE");
      }
      process.env.WEBHOOK_ALLOW_PRIVATE = "1";
      try {
        // Allowed by the administrator: past the SSRF check (then refused only because this user owns no organisation here).
        const e = await saveWebhook(db, ownerCaller, { url: "http://localhost:8080/x", secret: "0123456789abcdef", enabled: true }).catch((x: unknown) => x);
        expect((e as AppError).appCode).toBe("NOT_ORG_OWNER");
      } finally {
        delete process.env.WEBHOOK_ALLOW_PRIVATE;
      }
    } finally {
      await r.close();
    }
  });
});

describe("issue 13 #2 HTTP SMS gateway", () => {
  it("POSTs JSON with the configured secret; a gateway error is retried, then sent", async () => {
    let answer = 503;
    const r = await receiver(() => answer);
    try {
      await db.insert(notificationPreferences).values({ userId: ownerId, event: "filing_approved", email: false, sms: true });
      await db.transaction((tx) => notifyEvent(tx, { ...approved, orgId }));
      const providers: Providers = withNoop({ sms: httpSmsProvider({ url: r.url, secret: "gw-secret" }) });
      const now = new Date(Date.now() + 1000);
      expect(await deliverDue(db, { providers, now })).toMatchObject({ retried: 1 });
      expect((await rowsFor("sms"))[0]!.lastError).toBe("短信网关返回 HTTP 503");
      answer = 200;
      expect(await deliverDue(db, { providers, now: new Date(now.getTime() + 61_000) })).toMatchObject({ sent: 1 });
      const req = r.got[1]!;
      expect(req.headers.authorization).toBe("Bearer gw-secret");
      expect(req.headers["idempotency-key"]).toMatch(/^qjt-outbox-\d+$/);
      expect(JSON.parse(req.body)).toMatchObject({ to: "13900000001", template: "filing_approved" });
      expect(JSON.parse(req.body).text).toMatch(/^【强检通】.*备案通过/);
      // An unreachable gateway: retried with the reason.
      await db.update(outbox).set({ status: "pending", nextAttemptAt: now, attempts: 0 }).where(inArray(outbox.channel, ["sms"]));
      const dead: Providers = withNoop({ sms: httpSmsProvider({ url: "http://127.0.0.1:1/sms", secret: "x" }) });
      expect(await deliverDue(db, { providers: dead, now: new Date(now.getTime() + 62_000) })).toMatchObject({ retried: 1 });
      expect((await rowsFor("sms"))[0]!.lastError).toMatch(/短信网关不可达/);
    } finally {
      await r.close();
    }
  });
});
