import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/server/db/open";
import { files, organisationDocuments, organisations, outbox, smsCodes, users } from "@/server/db/schema";
import { signIn } from "@/server/auth/sign-in";
import { registerAccount } from "@/server/services/accounts/register";
import { resubmitRegistration } from "@/server/services/accounts/resubmit-registration";
import { issueSmsCode } from "@/server/services/accounts/sms-codes";
import { canReadRegistrationDocument } from "@/server/services/accounts/registration-document";
import { loadSessionUser } from "@/server/auth/session-user";
import { AppError } from "@/server/errors";
import { openTestDb } from "../helpers/db";
import { callerAs, outcome } from "../helpers/fixtures";
import { auditCount, EXE, lastCode, PDF, PNG } from "./helpers";

let database: Database;
beforeAll(async () => {
  process.env.UPLOAD_DIR = mkdtempSync(path.join(tmpdir(), "qjt-acc-uploads-"));
  database = await openTestDb();
});
afterAll(() => database?.close());

let phoneSeq = 100;
const nextPhone = () => `1390000${String(phoneSeq++).padStart(4, "0")}`;
let ipSeq = 1;
const nextIp = () => `10.0.0.${ipSeq++}`;

async function codeFor(phone: string) {
  await issueSmsCode(database.db, { phone, purpose: "register", ip: nextIp() });
  return lastCode(database.db, phone);
}

function enterpriseFields(over: Record<string, string> = {}) {
  return {
    username: "gzhzqy",
    password: "Abcdef12",
    confirmPassword: "Abcdef12",
    email: "",
    name: "广州测试餐饮有限公司",
    uscc: "91440104MA5FFFFF0U",
    enterpriseType: "有限责任公司",
    regionCode: "440104",
    address: "越秀区示例路 1 号",
    legalRepresentative: "陈测试",
    legalRepresentativeIdNo: "440106199001011235",
    contactName: "王测试",
    ...over,
  };
}
const docs = { business_licence: { name: "执照.png", bytes: PNG }, authorisation_letter: { name: "授权书.pdf", bytes: PDF } };

async function errorOf(p: Promise<unknown>) {
  try {
    await p;
    return null;
  } catch (err) {
    return err as AppError;
  }
}

const counts = async () => {
  const db = database.db;
  const [o] = await db.select({ n: count() }).from(organisations);
  const [u] = await db.select({ n: count() }).from(users);
  const [f] = await db.select({ n: count() }).from(files);
  return { orgs: o!.n, users: u!.n, files: f!.n };
};

describe("registration (SPEC §4, R-ACC-1…3)", () => {
  it("R-ACC-3 an enterprise registers with both uploads: pending org, owner account, documents, audit rows", async () => {
    const phone = nextPhone();
    const smsCode = await codeFor(phone);
    const r = await registerAccount(database.db, "enterprise", { ...enterpriseFields(), phone, smsCode }, docs, "10.1.1.1");
    const [org] = await database.db.select().from(organisations).where(eq(organisations.id, r.orgId!));
    expect(org).toMatchObject({ status: "pending", kind: "enterprise", countyCode: "440104", cityCode: "4401", provinceCode: "44" });
    const documents = await database.db.select().from(organisationDocuments).where(eq(organisationDocuments.orgId, r.orgId!));
    expect(documents.map((d) => d.kind).sort()).toEqual(["authorisation_letter", "business_licence"]);
    expect(await auditCount(database.db, "registration.submit", r.orgId!)).toBe(1);
    // R-ACC-3: the account signs in but can only see its review state.
    const signed = await signIn(database.db, { username: "gzhzqy", password: "Abcdef12" });
    expect(signed.ok).toBe(true);
    const caller = await callerAs(database.db, "gzhzqy");
    expect(await outcome(() => caller.department.list())).toBe("FORBIDDEN");
    expect((await caller.registration.mine()).status).toBe("pending");
  });

  it("R-ACC-1 R-ACC-2 bad input of each kind gets a Chinese message and changes nothing", async () => {
    const before = await counts();
    const phone = nextPhone();
    const smsCode = await codeFor(phone);
    const cases: [Record<string, string>, typeof docs | Partial<typeof docs>, RegExp][] = [
      [{ uscc: "91440104MA5FFFFF0V" }, docs, /统一社会信用代码无效/],
      [{ legalRepresentativeIdNo: "440106199001011236" }, docs, /身份证号码无效/],
      [{ password: "abcdefgh", confirmPassword: "abcdefgh" }, docs, /大写字母/],
      [{ confirmPassword: "Abcdef13" }, docs, /两次输入的密码不一致/],
      [{ username: "gzhzqy" }, docs, /用户名已被注册/],
      [{ username: "newname1", uscc: "91440104MA5FFFFF0U" }, docs, /统一社会信用代码已注册/],
      [{ username: "newname1", uscc: "91440106MA5DDDDD08", regionCode: "449999" }, docs, /所选地区不存在/],
      [{ username: "newname1", uscc: "91440106MA5DDDDD08" }, { ...docs, business_licence: { name: "执照.pdf", bytes: EXE } }, /类型不受支持/],
      [
        { username: "newname1", uscc: "91440106MA5DDDDD08" },
        { ...docs, authorisation_letter: { name: "大文件.pdf", bytes: new Uint8Array(50 * 1024 * 1024) } },
        /过大/,
      ],
      [{ username: "newname1", uscc: "91440106MA5DDDDD08" }, { business_licence: docs.business_licence }, /请上传法人授权书/],
      [{ username: "newname1", uscc: "91440106MA5DDDDD08", smsCode: smsCode === "000000" ? "111111" : "000000" }, docs, /验证码错误/],
    ];
    for (const [over, uploads, message] of cases) {
      const err = await errorOf(registerAccount(database.db, "enterprise", { ...enterpriseFields({ phone, smsCode, ...over }) }, uploads, null));
      expect(err, JSON.stringify(over)).toBeInstanceOf(AppError);
      expect(err!.message, JSON.stringify(over)).toMatch(message);
    }
    expect(await counts()).toEqual(before);
  });

  it("R-ACC-4 a wrong code uses up a try; after 5 wrong tries even the right code is refused", async () => {
    const phone = nextPhone();
    const right = await codeFor(phone);
    const wrong = right === "000000" ? "111111" : "000000";
    const fields = enterpriseFields({ username: "triesqy1", uscc: "91440106MA5DDDDD08", phone });
    for (let i = 0; i < 5; i++) {
      const err = await errorOf(registerAccount(database.db, "enterprise", { ...fields, smsCode: wrong }, docs, null));
      expect(err!.appCode).toBe("SMS_CODE_INVALID");
    }
    const err = await errorOf(registerAccount(database.db, "enterprise", { ...fields, smsCode: right }, docs, null));
    expect(err!.message).toMatch(/错误次数过多/);
  });

  it("R-ACC-4 an expired code is refused", async () => {
    const phone = nextPhone();
    const sixMinutesAgo = new Date(Date.now() - 6 * 60_000);
    await issueSmsCode(database.db, { phone, purpose: "register", ip: nextIp() }, sixMinutesAgo);
    const code = await lastCode(database.db, phone);
    const err = await errorOf(
      registerAccount(database.db, "enterprise", enterpriseFields({ username: "expiredqy", uscc: "91440106MA5DDDDD08", phone, smsCode: code }), docs, null),
    );
    expect(err!.message).toMatch(/已过期/);
  });

  it("R-ACC-4 code requests are rate-limited per phone and per client address, counted in the database", async () => {
    const phone = nextPhone();
    await issueSmsCode(database.db, { phone, purpose: "register", ip: "10.9.9.9" });
    expect((await errorOf(issueSmsCode(database.db, { phone, purpose: "register", ip: "10.9.9.8" })))?.appCode).toBe("RATE_LIMITED");
    for (let i = 0; i < 20; i++) await issueSmsCode(database.db, { phone: nextPhone(), purpose: "register", ip: "10.8.8.8" });
    const err = await errorOf(issueSmsCode(database.db, { phone: nextPhone(), purpose: "register", ip: "10.8.8.8" }));
    expect(err?.message).toMatch(/当前网络/);
    const [n] = await database.db.select({ n: count() }).from(smsCodes).where(eq(smsCodes.ip, "10.8.8.8"));
    expect(n!.n).toBe(20);
    // The messages went through the outbox (default provider).
    const [m] = await database.db.select({ n: count() }).from(outbox).where(eq(outbox.recipient, phone));
    expect(m!.n).toBe(1);
  });

  it("R-ACC-4 the one-a-minute wait is per purpose: a recovery code right after a registration code is sent", async () => {
    const phone = nextPhone();
    await issueSmsCode(database.db, { phone, purpose: "register", ip: nextIp() });
    await issueSmsCode(database.db, { phone, purpose: "reset_password", ip: nextIp() });
    const [m] = await database.db.select({ n: count() }).from(outbox).where(eq(outbox.recipient, phone));
    expect(m!.n).toBe(2);
  });

  it("registers an institution (USCC certificate), a regulator and a personal user", async () => {
    let phone = nextPhone();
    const inst = await registerAccount(
      database.db,
      "institution",
      {
        ...enterpriseFields({ username: "szjly01", uscc: "12440103MA5GGGGG0T", name: "深圳测试计量院" }),
        institutionKind: "legal",
        level: "city",
        regionCode: "4403",
        authorisationCertNo: "（粤）法计（2025）03001号",
        authorisationValidUntil: "2030-12-31",
        phone,
        smsCode: await codeFor(phone),
      },
      { uscc_certificate: { name: "证书.png", bytes: PNG } },
      null,
    );
    const [io] = await database.db.select().from(organisations).where(eq(organisations.id, inst.orgId!));
    expect(io).toMatchObject({ level: "city", cityCode: "4403", countyCode: null, institutionKind: "legal", status: "pending" });

    phone = nextPhone();
    const badName = await errorOf(
      registerAccount(
        database.db,
        "regulator",
        { ...enterpriseFields({ username: "szscjg", uscc: "91440111MA5EEEEE0P", name: "深圳计量所" }), level: "city", regionCode: "4403", phone, smsCode: "123456" },
        {},
        null,
      ),
    );
    expect(badName!.message).toMatch(/市场监督管理局/);
    const reg = await registerAccount(
      database.db,
      "regulator",
      {
        ...enterpriseFields({ username: "szscjg", uscc: "91440111MA5EEEEE0P", name: "深圳市市场监督管理局（测试）" }),
        level: "city",
        regionCode: "4403",
        phone,
        smsCode: await codeFor(phone),
      },
      {},
      null,
    );
    expect(reg.orgId).toBeGreaterThan(0);

    phone = nextPhone();
    const person = await registerAccount(
      database.db,
      "personal",
      {
        username: "grzs01",
        password: "Abcdef12",
        confirmPassword: "Abcdef12",
        displayName: "张测试",
        idNumber: "11010519491231002x",
        regionCode: "440106",
        phone,
        smsCode: await codeFor(phone),
      },
      {},
      null,
    );
    const [pu] = await database.db.select().from(users).where(eq(users.id, person.userId));
    expect(pu).toMatchObject({ role: "personal", orgId: null, idNumber: "11010519491231002X" });
  });
});

describe("review (R-ACC-3)", () => {
  it("R-ACC-3 an enterprise registration is in the queue of its city's legal institution, not in others'", async () => {
    const orgId = (await database.db.select().from(organisations).where(eq(organisations.uscc, "91440104MA5FFFFF0U")))[0]!.id;
    const gz = await callerAs(database.db, "gzjly");
    expect((await gz.registration.queue({ limit: 50, status: "pending" })).items.map((i) => i.id)).toContain(orgId);
    const by = await callerAs(database.db, "byjls");
    expect((await by.registration.queue({ limit: 50, status: "pending" })).items).toEqual([]);
    expect(await outcome(() => by.registration.approve({ id: orgId }))).toBe("NOT_FOUND");
    const admin = await callerAs(database.db, "admin");
    const adminQueue = (await admin.registration.queue({ limit: 50, status: "pending" })).items;
    expect(adminQueue.map((i) => i.kind).sort()).toEqual(expect.arrayContaining(["enterprise", "institution", "regulator"]));
    // gzjly never sees institutions or regulators.
    const gzQueue = (await gz.registration.queue({ limit: 50, status: "pending" })).items;
    expect(gzQueue.length).toBeGreaterThan(0);
    expect(gzQueue.every((i) => i.kind === "enterprise")).toBe(true);
  });

  it("R-ACC-3 rejected with a reason the applicant sees; corrected and resubmitted; then approved and able to act", async () => {
    const db = database.db;
    const orgId = (await db.select().from(organisations).where(eq(organisations.uscc, "91440104MA5FFFFF0U")))[0]!.id;
    const gz = await callerAs(db, "gzjly");
    expect(await outcome(() => gz.registration.reject({ id: orgId, reason: "营业执照不清晰" }))).toBe("ok");
    expect(await outcome(() => gz.registration.reject({ id: orgId, reason: "again" }))).toBe("CONFLICT");
    const applicant = await callerAs(db, "gzhzqy");
    const mine = await applicant.registration.mine();
    expect(mine).toMatchObject({ status: "rejected", rejectReason: "营业执照不清晰" });
    const [sms] = await db.select().from(outbox).where(eq(outbox.recipient, mine.contactPhone!)).orderBy(outbox.id);
    expect(sms).toBeDefined();

    const [u] = await db.select().from(users).where(eq(users.username, "gzhzqy"));
    const session = (await loadSessionUser(db, u!.id, null))!;
    const actor = { userId: u!.id, orgId, ip: null };
    const bad = await errorOf(resubmitRegistration(db, session, actor, { ...enterpriseFields(), regionCode: "449999" }, {}));
    expect(bad!.appCode).toBe("REGION_UNKNOWN");
    await resubmitRegistration(db, session, actor, enterpriseFields({ address: "越秀区示例路 2 号" }), {
      business_licence: { name: "清晰执照.pdf", bytes: PDF },
    });
    const again = await applicant.registration.mine();
    expect(again).toMatchObject({ status: "pending", rejectReason: null, address: "越秀区示例路 2 号" });
    expect(again.documents.find((d) => d.kind === "business_licence")?.name).toBe("清晰执照.pdf");
    expect(await auditCount(db, "registration.resubmit", orgId)).toBe(1);
    // Not rejected any more: a second resubmission is refused.
    expect((await errorOf(resubmitRegistration(db, (await loadSessionUser(db, u!.id, null))!, actor, enterpriseFields(), {})))!.appCode).toBe(
      "REGISTRATION_NOT_EDITABLE",
    );

    expect(await outcome(() => gz.registration.approve({ id: orgId }))).toBe("ok");
    expect(await auditCount(db, "registration.approve", orgId)).toBe(1);
    const approved = await callerAs(db, "gzhzqy");
    expect(await outcome(() => approved.department.list())).toBe("ok");
  });

  it("R-ACC-3 a resubmission must bring every required document not yet on file", async () => {
    const db = database.db;
    const [org] = await db.select().from(organisations).where(eq(organisations.uscc, "91440105MA5AAAAA01"));
    const admin = await callerAs(db, "admin");
    await admin.registration.reject({ id: org!.id, reason: "未上传证照" });
    const [u] = await db.select().from(users).where(eq(users.username, "hzcyqy"));
    const session = (await loadSessionUser(db, u!.id, null))!;
    const fields = enterpriseFields({ name: org!.name, uscc: org!.uscc!, regionCode: "440105" });
    const err = await errorOf(resubmitRegistration(db, session, { userId: u!.id, orgId: org!.id, ip: null }, fields, { business_licence: docs.business_licence }));
    expect(err!.message).toBe("请上传法人授权书（签字盖章）");
    const [still] = await db.select().from(organisations).where(eq(organisations.id, org!.id));
    expect(still!.status).toBe("rejected");
  });

  it("R-SCOPE-4 a registration document is readable by the applicant and its reviewers only", async () => {
    const db = database.db;
    const [org] = await db.select().from(organisations).where(eq(organisations.uscc, "91440104MA5FFFFF0U"));
    const [doc] = await db.select().from(organisationDocuments).where(eq(organisationDocuments.orgId, org!.id));
    const as = async (username: string) => {
      const [u] = await db.select().from(users).where(eq(users.username, username));
      return loadSessionUser(db, u!.id, null);
    };
    expect(await canReadRegistrationDocument(db, await as("gzhzqy"), doc!.fileId)).toBe(true);
    expect(await canReadRegistrationDocument(db, await as("gzjly"), doc!.fileId)).toBe(true);
    expect(await canReadRegistrationDocument(db, await as("admin"), doc!.fileId)).toBe(true);
    for (const other of ["byjls", "sqjg", "jyzqy", "gzscjg"]) expect(await canReadRegistrationDocument(db, await as(other), doc!.fileId), other).toBe(false);
    expect(await canReadRegistrationDocument(db, null, doc!.fileId)).toBe(false);
    expect(await canReadRegistrationDocument(db, await as("admin"), "../../etc/passwd")).toBe(false);
  });

  it("R-ACC-3 institutions and regulators are approved by an administrator only", async () => {
    const db = database.db;
    const [inst] = await db.select().from(organisations).where(eq(organisations.uscc, "12440103MA5GGGGG0T"));
    const gz = await callerAs(db, "gzjly");
    expect(await outcome(() => gz.registration.approve({ id: inst!.id }))).toBe("NOT_FOUND");
    const admin = await callerAs(db, "admin");
    expect(await outcome(() => admin.registration.approve({ id: inst!.id }))).toBe("ok");
    const [after] = await db.select().from(organisations).where(eq(organisations.id, inst!.id));
    expect(after!.status).toBe("approved");
  });
});
