import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/server/db/open";
import { auditLog, files, instrumentAttachments, organisationDocuments, organisations, users } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { attachmentHeader, readUpload, storeUpload, withUploadCleanup } from "@/server/files/store";
import { loadSessionUser } from "@/server/auth/session-user";
import { registerAccount } from "@/server/services/accounts/register";
import { resubmitRegistration } from "@/server/services/accounts/resubmit-registration";
import { issueSmsCode } from "@/server/services/accounts/sms-codes";
import { addAttachment } from "@/server/services/ledger/attachments";
import { lastCode } from "./accounts/helpers";
import { openTestDb } from "./helpers/db";
import { callerAs, type Fixtures, loadFixtures, outcome } from "./helpers/fixtures";
import { HOSTILE, type HostileFile, JPG, PNG, SMALL_ZIP } from "./helpers/hostile-files";

let database: Database;
let fx: Fixtures;
let uploadDir: string;
beforeAll(async () => {
  uploadDir = mkdtempSync(path.join(tmpdir(), "qjt-uploads-"));
  process.env.UPLOAD_DIR = uploadDir;
  database = await openTestDb();
  fx = await loadFixtures(database.db);
});
afterAll(() => database?.close());

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const rules = { kinds: ["pdf" as const, "png" as const], maxBytes: 1024 };
const owner = { userId: null, orgId: null };

describe("upload storage", () => {
  it("stores a file under a random id, typed by content, and reads it back", async () => {
    const stored = await storeUpload(database.db, { name: "营业执照.pdf", bytes: PDF }, rules, owner);
    expect(stored.id).toMatch(/^[0-9a-f]{32}$/);
    expect(stored).toMatchObject({ mime: "application/pdf", ext: "pdf", originalName: "营业执照.pdf", size: PDF.byteLength });
    const back = await readUpload(database.db, stored.id);
    expect(Buffer.compare(back.bytes, Buffer.from(PDF))).toBe(0);
  });

  it("refuses a wrong type or an oversize file with a Chinese message and stores nothing", async () => {
    const [{ before }] = (await database.db.select({ before: count() }).from(files)) as [{ before: number }];
    await expect(storeUpload(database.db, { name: "a.pdf", bytes: new TextEncoder().encode("MZ not a pdf") }, rules, owner)).rejects.toThrow(/类型不受支持/);
    await expect(storeUpload(database.db, { name: "big.pdf", bytes: new Uint8Array(2048) }, rules, owner)).rejects.toThrow(/过大/);
    const [{ after }] = (await database.db.select({ after: count() }).from(files)) as [{ after: number }];
    expect(after).toBe(before);
  });

  it("a malformed id is not found", async () => {
    await expect(readUpload(database.db, "../../etc/passwd")).rejects.toMatchObject({ appCode: "NOT_FOUND" });
  });
});

/** Every file under the upload directory (the bytes of stored uploads). */
function filesOnDisk(dir = uploadDir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? filesOnDisk(path.join(dir, d.name)) : [path.join(dir, d.name)]));
}
/** What an upload could leave behind: rows of every table that takes one, and files on disk. */
async function footprint() {
  const n = async (t: typeof files | typeof instrumentAttachments | typeof organisationDocuments | typeof organisations | typeof users | typeof auditLog) =>
    (await database.db.select({ n: count() }).from(t))[0]!.n;
  return {
    files: await n(files),
    attachments: await n(instrumentAttachments),
    documents: await n(organisationDocuments),
    organisations: await n(organisations),
    users: await n(users),
    audit: await n(auditLog),
    disk: filesOnDisk().length,
  };
}
async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    return err as AppError;
  }
  throw new Error("accepted");
}

const station = () => ({ userId: fx.user.jyzqy!, orgId: fx.org.stationEnterprise!, ip: null });
async function newInstrument(serialNo: string) {
  const api = await callerAs(database.db, "jyzqy");
  const { id } = await api.ledger.create({
    name: "燃油加油机",
    model: "CS46",
    serialNo,
    manufacturer: "文件测试厂",
    installLocation: "1号岛",
    countyCode: "440111",
    purpose: "trade",
    method: "on_site",
    kindId: fx.kind["燃油加油机"]!,
  });
  return id;
}
/** Paths that take no archives refuse one as a type they do not take, before looking inside. */
const expected = (f: HostileFile, takesArchives: boolean) => (!takesArchives && f.name.endsWith(".zip") ? /类型不受支持/ : f.reason);

const registrationFields = (phone: string, smsCode: string) => ({
  username: "sec2qy",
  password: "Abcdef12",
  confirmPassword: "Abcdef12",
  email: "",
  name: "广州文件测试有限公司",
  uscc: "91440104MA5FFFFF0U",
  enterpriseType: "有限责任公司",
  regionCode: "440104",
  address: "越秀区示例路 9 号",
  legalRepresentative: "陈测试",
  legalRepresentativeIdNo: "440106199001011235",
  contactName: "王测试",
  phone,
  smsCode,
});
const REG_PHONE = "13900009001";
const GOOD_DOCS = { business_licence: { name: "执照.png", bytes: PNG }, authorisation_letter: { name: "授权书.pdf", bytes: PDF } };

describe("R-SEC-2 the hostile corpus is refused on every upload path, leaving no row and no file", () => {
  let generalId: number;
  let typeId: number;
  let smsCode: string;
  beforeAll(async () => {
    generalId = await newInstrument("SEC2-general");
    typeId = await newInstrument("SEC2-type");
    await issueSmsCode(database.db, { phone: REG_PHONE, purpose: "register", ip: "10.9.0.1" });
    smsCode = await lastCode(database.db, REG_PHONE);
  });

  it.each(HOSTILE)("R-SEC-2 ledger attachment, general slot: $label", async (f) => {
    const before = await footprint();
    const err = await refusal(addAttachment(database.db, station(), generalId, "general", { name: f.name, bytes: await f.bytes() }));
    expect(err).toBeInstanceOf(AppError);
    expect(err.message).toMatch(expected(f, true));
    expect(await footprint()).toEqual(before);
  });

  it.each(HOSTILE)("R-SEC-2 ledger attachment, type-evaluation slot: $label", async (f) => {
    const before = await footprint();
    const err = await refusal(addAttachment(database.db, station(), typeId, "type_evaluation", { name: f.name, bytes: await f.bytes() }));
    expect(err).toBeInstanceOf(AppError);
    expect(err.message).toMatch(expected(f, false));
    expect(await footprint()).toEqual(before);
  });

  it.each(HOSTILE.flatMap((f) => (["business_licence", "authorisation_letter"] as const).map((slot) => ({ ...f, slot }))))(
    "R-SEC-2 registration document ($slot): $label",
    async (f) => {
      const before = await footprint();
      const uploads = { ...GOOD_DOCS, [f.slot]: { name: f.name, bytes: await f.bytes() } };
      const err = await refusal(registerAccount(database.db, "enterprise", registrationFields(REG_PHONE, smsCode), uploads, null));
      expect(err).toBeInstanceOf(AppError);
      expect(err.message).toMatch(expected(f, false));
      expect(err.details?.fieldErrors).toHaveProperty(f.slot);
      expect(await footprint()).toEqual(before);
    },
  );

  it("R-SEC-2 the type-evaluation slot takes pdf/jpg/png only: a sound zip is an attachment, never a report", async () => {
    const before = await footprint();
    const err = await refusal(addAttachment(database.db, station(), typeId, "type_evaluation", { name: "报告.zip", bytes: SMALL_ZIP }));
    expect(err.message).toMatch(/只接受 PDF、JPG、PNG 文件/);
    expect(await footprint()).toEqual(before);
    expect((await addAttachment(database.db, station(), generalId, "general", { name: "报告.zip", bytes: SMALL_ZIP })).name).toBe("报告.zip");
  });

  it("R-SEC-2 after the refusals the same registration with sound documents goes through: only the files were refused", async () => {
    const before = await footprint();
    await registerAccount(database.db, "enterprise", registrationFields(REG_PHONE, smsCode), { ...GOOD_DOCS, business_licence: { name: "执照.jpg", bytes: JPG } }, null);
    const after = await footprint();
    expect(after.documents).toBe(before.documents + 2);
    expect(after.disk).toBe(before.disk + 2);
  });

  it("R-SEC-2 a resubmitted (rejected) registration refuses the same corpus for its documents", async () => {
    const [u] = await database.db.select().from(users).where(eq(users.username, "sec2qy"));
    const orgId = u!.orgId!;
    expect(await outcome(async () => (await callerAs(database.db, "gzjly")).registration.reject({ id: orgId, reason: "营业执照不清晰" }))).toBe("ok");
    const session = (await loadSessionUser(database.db, u!.id, null))!;
    const actor = { userId: u!.id, orgId, ip: null };
    const before = await footprint();
    // An empty upload counts as "not uploaded again" there (the document on file stays), so it is no refusal.
    for (const f of HOSTILE.filter((h) => h.label !== "empty file")) {
      const err = await refusal(resubmitRegistration(database.db, session, actor, registrationFields(REG_PHONE, smsCode), { business_licence: { name: f.name, bytes: await f.bytes() } }));
      expect(err, f.label).toBeInstanceOf(AppError);
      expect(err.message, f.label).toMatch(expected(f, false));
    }
    expect(await footprint()).toEqual(before);
  });

  it("R-SEC-2 sound files of every accepted kind are still attached (the checks refuse content, not kinds)", async () => {
    const id = await newInstrument("SEC2-good");
    const before = filesOnDisk().length;
    for (const [name, bytes] of [["合格证.pdf", PDF], ["照片.png", PNG], ["照片.jpeg", JPG], ["资料.zip", SMALL_ZIP]] as const)
      expect((await addAttachment(database.db, station(), id, "general", { name, bytes })).name).toBe(name);
    expect(filesOnDisk().length).toBe(before + 4);
  });
});

describe("R-SEC-2 a failed transaction leaves no file", () => {
  it("R-SEC-2 bytes written inside a transaction that rolls back are removed with it", async () => {
    const before = await footprint();
    const err = await refusal(
      withUploadCleanup((written) =>
        database.db.transaction(async (tx) => {
          await storeUpload(tx, { name: "营业执照.pdf", bytes: PDF }, rules, owner, written);
          expect(filesOnDisk().length).toBe(before.disk + 1);
          throw new AppError("CONFLICT");
        }),
      ),
    );
    expect(err.appCode).toBe("CONFLICT");
    expect(await footprint()).toEqual(before);
  });
});

describe("issue 9 item 8 upload file names", () => {
  it("issue 9 item 8 ../../x.pdf is stored as x.pdf and served back as x.pdf", async () => {
    const id = await newInstrument("SEC2-name");
    const att = await addAttachment(database.db, station(), id, "general", { name: "../../x.pdf", bytes: PDF });
    expect(att.name).toBe("x.pdf");
    const stored = await storeUpload(database.db, { name: "..\\..\\营业\u0000执照.pdf", bytes: PDF }, rules, owner);
    expect(stored.originalName).toBe("营业执照.pdf");
    // A name stored before this rule is cut at download time too.
    const header = attachmentHeader("../../x.pdf");
    expect(header).toContain('filename="x.pdf"');
    expect(header).toContain("filename*=UTF-8''x.pdf");
    expect(attachmentHeader("a/b\\c\r\n.pdf")).toBe(`attachment; filename="c.pdf"; filename*=UTF-8''c.pdf`);
  });
});
