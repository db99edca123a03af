import { desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as certificateGET } from "@/app/v/[token]/route";
import { GET as labelGET } from "@/app/i/[token]/route";
import { GET as searchGET } from "@/app/search/route";
import { addDays, chinaToday } from "@/lib/china-day";
import type { Database } from "@/server/db/open";
import { certificates, filings, instruments, publicLookups, publicRateCounters } from "@/server/db/schema";
import { CLIENT_ADDRESS_HEADER } from "@/server/http/client-address";
import { certificateByToken, labelByToken, publicSearch } from "@/server/services/public/lookups";
import { flushPublicWrites, hitPublicLimit, PublicWrites } from "@/server/services/public/rate-limit";
import { openTestDb } from "../helpers/db";
import { callerAs, type Fixtures, loadFixtures } from "../helpers/fixtures";

let database: Database;
let fx: Fixtures;
let ipSeq = 0;
/** A fresh client address per request, so that the rate limit of one test does not touch another. */
const newIp = () => `198.51.100.${++ipSeq}`;
const get = (handler: typeof certificateGET, url: string, token: string, ip = newIp(), headers: Record<string, string> = {}) =>
  handler(new Request(`http://test${url}`, { headers: { [CLIENT_ADDRESS_HEADER]: ip, ...headers } }), { params: Promise.resolve({ token }) });

beforeAll(async () => {
  database = await openTestDb();
  fx = await loadFixtures(database.db);
  (globalThis as { __qjtDb?: Promise<Database> }).__qjtDb = Promise.resolve(database);
});
afterAll(() => database?.close());

/** Watches every statement the test database's client is sent. */
const spyOnClient = () => {
  const client = (database.db as unknown as { $client: Record<string, (...a: unknown[]) => unknown> }).$client;
  return vi.spyOn(client, typeof client.unsafe === "function" ? "unsafe" : "query");
};

const tokenOf = async (serial: string) =>
  (await database.db.select({ t: instruments.labelToken }).from(instruments).where(eq(instruments.id, fx.instrument[serial]!)))[0]!.t!;

describe("R-PUB-1 / R-SCOPE-5 certificate verification answers only public, masked fields", () => {
  it("R-PUB-1 a demo certificate reads 有效 with instrument, unit, institution, verifier, number and dates", async () => {
    // The demo thermometer's kind has no period; give this certificate one to see the dates.
    await database.db.update(certificates).set({ validUntil: addDays(chinaToday(), 200) }).where(eq(certificates.id, fx.certificate["YY-0105"]!));
    const c = await certificateByToken(database.db, fx.certificateToken["YY-0105"]!);
    expect(c).not.toBeNull();
    expect(c!.state).toBe("valid");
    expect(c!.kind).toBe("certificate");
    expect(c!.instrument.serialNo).toBe("YY-0105");
    expect(c!.verifier).toBe("李检定（示例）");
    expect(c!.validUntil).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(c!.institution.name).toBeTruthy();
  });

  it("R-SCOPE-5 exactly these fields are returned: no ids, checker, approver, fee, revoke reason or token (the issued file's hash is public, R-PUB-4)", async () => {
    const c = await certificateByToken(database.db, fx.certificateToken["YY-0105"]!);
    expect(Object.keys(c!).sort()).toEqual(
      ["conclusion", "fileSha256", "institution", "instrument", "issuedOn", "kind", "number", "revokedOn", "state", "userUnit", "validUntil", "verifiedOn", "verifier"].sort(),
    );
    expect(Object.keys(c!.institution).sort()).toEqual(["address", "authorisationCertNo", "contactPhone", "name"]);
    expect(Object.keys(c!.userUnit).sort()).toEqual(["address", "name"]);
    const text = JSON.stringify(c);
    expect(text).not.toContain("王核验");
    expect(text).not.toMatch(/"id"|token|fee|checker|approver|revokeReason|pdfFileId/i);
  });

  it("R-SCOPE-5 mobile numbers and ID numbers in the stored snapshot never reach the page", async () => {
    const id = fx.certificate["YY-0105"]!;
    const [row] = await database.db.select({ snapshot: certificates.snapshot }).from(certificates).where(eq(certificates.id, id));
    const snapshot = { ...row!.snapshot, userUnit: { name: row!.snapshot.userUnit.name, address: "广州市某路 1 号 联系人手机 13912345678 身份证 440111199001011234" }, conclusion: "送检人 13800001111" };
    snapshot.institution = { ...snapshot.institution, contactPhone: "13800138000" };
    await database.db.update(certificates).set({ snapshot }).where(eq(certificates.id, id));
    const c = await certificateByToken(database.db, fx.certificateToken["YY-0105"]!);
    const text = JSON.stringify(c);
    expect(text).not.toContain("13912345678");
    expect(text).not.toContain("440111199001011234");
    expect(text).not.toContain("13800001111");
    expect(text).not.toContain("13800138000");
    expect(c!.userUnit.address).toContain("139****5678");
    expect(c!.conclusion).toBe("送检人 138****1111");
    expect(c!.institution.contactPhone).toBe("138****8000");
    const res = await get(certificateGET, "/v/x", fx.certificateToken["YY-0105"]!);
    const html = await res.text();
    expect(html).not.toContain("13912345678");
    expect(html).toContain("送检人 138****1111");
  });

  it("R-PUB-1 the fail notice reads 不合格; a revoked certificate 已撤销; an expired one 已过期", async () => {
    expect((await certificateByToken(database.db, fx.certificateToken["YY-0106"]!))!.state).toBe("failed");
    const c = await certificateByToken(database.db, fx.certificateToken["YY-0105"]!, "2999-01-01");
    expect(c!.state).toBe("expired");
    const soon = await certificateByToken(database.db, fx.certificateToken["YY-0105"]!, addDays(chinaToday(), 190));
    expect(soon!.state).toBe("expiring");
    await database.db.update(certificates).set({ state: "revoked", revokedAt: new Date(), revokeReason: "内部原因：录入错误" }).where(eq(certificates.id, fx.certificate["YY-0107"]!));
    const r = await certificateByToken(database.db, fx.certificateToken["YY-0107"]!);
    expect(r!.state).toBe("revoked");
    expect(JSON.stringify(r)).not.toContain("录入错误");
    const page = await (await get(certificateGET, "/v/x", fx.certificateToken["YY-0107"]!)).text();
    expect(page).toContain('data-state="revoked"');
    expect(page).toContain("已撤销");
    expect(page).not.toContain("录入错误");
    await database.db.update(certificates).set({ validUntil: addDays(chinaToday(), -1) }).where(eq(certificates.id, fx.certificate["YY-0006"]!));
    const expired = await (await get(certificateGET, "/v/x", fx.certificateToken["YY-0006"]!)).text();
    expect(expired).toContain('data-state="expired"');
    expect(expired).toContain("已过期");
  });

  it("R-PUB-1 unknown, malformed, SQL-looking and huge tokens are a Chinese 404, never a stack trace", async () => {
    for (const t of ["AAAAAAAAAAAAAAAAAAAAAAAA", "x", "' or 1=1 --", "a".repeat(10_000), "../../etc/passwd"]) {
      expect(await certificateByToken(database.db, t)).toBeNull();
      const res = await get(certificateGET, "/v/x", t);
      expect(res.status).toBe(404);
      const body = await res.text();
      expect(body).toContain("未找到该证书");
      expect(body).not.toMatch(/Error|at \//);
    }
  });

  it("R-PUB-1 the page is noindex, short-cached with an ETag (304 when unchanged), and every lookup is logged", async () => {
    const token = fx.certificateToken["YY-0105"]!;
    await flushPublicWrites(); // log rows are buffered per process and written every PUBLIC_FLUSH_MS
    const before = (await database.db.select({ n: sql<number>`count(*)::int` }).from(publicLookups))[0]!.n;
    const res = await get(certificateGET, "/v/x", token, "203.0.113.77");
    expect(res.status).toBe(200);
    expect(res.headers.get("x-robots-tag")).toContain("noindex");
    expect(await res.text()).toContain('<meta name="robots" content="noindex,nofollow">');
    expect(res.headers.get("cache-control")).toBe("public, max-age=60");
    const etag = res.headers.get("etag")!;
    expect(etag).toMatch(/^".+"$/);
    const again = await get(certificateGET, "/v/x", token, "203.0.113.77", { "if-none-match": etag });
    expect(again.status).toBe(304);
    await flushPublicWrites();
    const rows = await database.db.select().from(publicLookups).where(eq(publicLookups.ip, "203.0.113.77"));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ kind: "certificate", subject: token, found: true });
    expect(Object.keys(rows[0]!).sort()).toEqual(["at", "found", "id", "ip", "kind", "subject"]);
    expect((await database.db.select({ n: sql<number>`count(*)::int` }).from(publicLookups))[0]!.n).toBe(before + 2);
  });
});

describe("R-PUB-3 permanent labels show the instrument and its latest certificate", () => {
  it("R-PUB-3 every demo filed instrument has a label token; unfiled ones none", async () => {
    const rows = await database.db.select({ status: instruments.filingStatus, t: instruments.labelToken }).from(instruments);
    expect(rows.filter((r) => r.status === "filed").length).toBeGreaterThan(30);
    expect(rows.filter((r) => r.status === "filed" && !r.t)).toHaveLength(0);
    expect(rows.filter((r) => r.status !== "filed" && r.t)).toHaveLength(0);
    expect(await tokenOf("YY-0105")).toMatch(/^[A-Za-z0-9_-]{24}$/);
  });

  it("R-PUB-3 approving a filing gives the instrument its label token", async () => {
    expect(await tokenOf("BA-0102")).toBeNull();
    const [f] = await database.db.select({ id: filings.id }).from(filings).where(eq(filings.instrumentId, fx.instrument["BA-0102"]!)).orderBy(desc(filings.id)).limit(1);
    const city = await callerAs(database.db, "gzjly");
    await city.filing.approve({ filingIds: [f!.id] });
    const token = await tokenOf("BA-0102");
    expect(token).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect((await labelByToken(database.db, token))!.instrument.serialNo).toBe("BA-0102");
  });

  it("R-PUB-3 the label page follows the latest certificate: 有效, then 不合格 when a newer fail notice exists", async () => {
    const l = await labelByToken(database.db, await tokenOf("YY-0105"));
    expect(l!.latest).toMatchObject({ state: "valid", token: fx.certificateToken["YY-0105"] });
    expect(Object.keys(l!).sort()).toEqual(["filed", "institution", "instrument", "latest", "userUnit"]);
    const f = await labelByToken(database.db, await tokenOf("YY-0106"));
    expect(f!.latest!.state).toBe("failed");
    const none = await labelByToken(database.db, await tokenOf("YY-0001"));
    expect(none!.latest).toBeNull();
    const res = await get(labelGET, "/i/x", await tokenOf("YY-0106"));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("不合格");
    expect((await get(labelGET, "/i/x", "nope")).status).toBe(404);
  });
});

describe("R-PUB-2 public search: exact certificate number or 器具编码 only", () => {
  it("R-PUB-2 an exact number opens /v/, an exact code opens /i/, a partial one finds nothing", async () => {
    const [c] = await database.db.select({ number: certificates.number, token: certificates.token }).from(certificates).where(eq(certificates.id, fx.certificate["YY-0105"]!));
    expect(await publicSearch(database.db, ` ${c!.number} `)).toBe(`/v/${c!.token}`);
    expect(await publicSearch(database.db, c!.number.slice(0, -1))).toBeNull();
    expect(await publicSearch(database.db, "%")).toBeNull();
    const [i] = await database.db.select({ code: instruments.instrumentCode }).from(instruments).where(eq(instruments.id, fx.instrument["YY-0105"]!));
    expect(await publicSearch(database.db, i!.code!)).toBe(`/i/${await tokenOf("YY-0105")}`);
    expect(await publicSearch(database.db, i!.code!.slice(0, 10))).toBeNull();
    expect(await publicSearch(database.db, "x".repeat(10_000))).toBeNull();
    const res = await searchGET(new Request(`http://test/search?q=${encodeURIComponent(c!.number)}`, { headers: { [CLIENT_ADDRESS_HEADER]: newIp() } }));
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/v/${c!.token}`);
    const miss = await searchGET(new Request(`http://test/search?q=${encodeURIComponent("' or 1=1 --")}`, { headers: { [CLIENT_ADDRESS_HEADER]: newIp() } }));
    expect(miss.status).toBe(404);
    expect(await miss.text()).toContain("精确匹配");
  });
});

describe("issue 11 #8 rate limit per client address, counted in the database", () => {
  it("issue 11 #8 the 61st lookup in a minute from one address gets 429 and a Chinese message; another address is unaffected", async () => {
    const ip = "192.0.2.200";
    const token = fx.certificateToken["YY-0105"]!;
    for (let i = 0; i < 60; i++) expect((await get(certificateGET, "/v/x", token, ip)).status).toBe(200);
    const res = await get(certificateGET, "/v/x", token, ip);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await res.text()).toContain("查询过于频繁");
    expect((await searchGET(new Request("http://test/search?q=x", { headers: { [CLIENT_ADDRESS_HEADER]: ip } }))).status).toBe(429);
    expect((await get(certificateGET, "/v/x", token, "192.0.2.201")).status).toBe(200);
  });

  it("issue 11 #8 a refused lookup is neither looked up nor logged; the label page shares the same counter", async () => {
    const ip = "192.0.2.220";
    const logged = async () => {
      await flushPublicWrites();
      return (await database.db.select({ n: sql<number>`count(*)::int` }).from(publicLookups).where(eq(publicLookups.ip, ip)))[0]!.n;
    };
    for (let i = 0; i < 59; i++) hitPublicLimit(database.db, ip);
    expect((await get(labelGET, "/i/x", await tokenOf("YY-0105"), ip)).status).toBe(200);
    expect(await logged()).toBe(1);
    const labelToken = await tokenOf("YY-0105");
    const calls = spyOnClient();
    try {
      const refused = await get(labelGET, "/i/x", labelToken, ip);
      expect(refused.status).toBe(429);
      expect(await refused.text()).toContain("查询过于频繁");
      expect((await get(certificateGET, "/v/x", fx.certificateToken["YY-0105"]!, ip)).status).toBe(429);
      expect(calls).not.toHaveBeenCalled(); // refused: no lookup at all
    } finally {
      vi.restoreAllMocks();
    }
    expect(await logged()).toBe(1);
  });

  it("issue 11 #7 /v/ and /i/ run one read-only statement per request; the hit and the log row are written by the next flush", async () => {
    const calls = spyOnClient();
    const ip = newIp();
    try {
      for (const [handler, token] of [
        [certificateGET, fx.certificateToken["YY-0105"]!],
        [labelGET, await tokenOf("YY-0105")],
        [certificateGET, "AAAAAAAAAAAAAAAAAAAAAAAA"],
      ] as const) {
        calls.mockClear();
        const res = await get(handler, "/x", token, ip);
        expect(res.status).toBeLessThan(500);
        expect(calls).toHaveBeenCalledTimes(1);
        expect(String(calls.mock.calls[0]![0])).toMatch(/^\s*select\b/i);
      }
    } finally {
      vi.restoreAllMocks();
    }
    await flushPublicWrites();
    const rows = await database.db.select().from(publicLookups).where(eq(publicLookups.ip, ip)).orderBy(desc(publicLookups.id));
    expect(rows.map((r) => [r.kind, r.found])).toEqual([["certificate", false], ["label", true], ["certificate", true]]);
    expect(rows[0]!.subject).toBe("AAAAAAAAAAAAAAAAAAAAAAAA");
    const [counter] = await database.db.select({ hits: publicRateCounters.hits }).from(publicRateCounters).where(eq(publicRateCounters.key, `lookup:${ip}`));
    expect(counter?.hits).toBe(3);
  });

  it("issue 11 #8 the counter lives in the database: two server processes (two buffers on one database) share it after a flush", async () => {
    const ip = "192.0.2.210";
    const slow = { intervalMs: 3_600_000, maxRows: 1_000 };
    const a = new PublicWrites(database.db, slow);
    const b = new PublicWrites(database.db, slow);
    expect(a.hit(ip, 3)).toEqual({ allowed: true });
    expect(a.hit(ip, 3)).toEqual({ allowed: true });
    await a.flush();
    expect(b.hit(ip, 3)).toEqual({ allowed: true }); // b has not read a's hits yet: the documented overshoot window
    await b.flush(); // the upsert answers the total: 3
    expect(b.hit(ip, 3).allowed).toBe(false);
    expect(a.hit(ip, 3)).toEqual({ allowed: true }); // a's own view: 2 + 1 (overshoot of one flush interval)
    await a.flush();
    expect(a.hit(ip, 3).allowed).toBe(false);
    await Promise.all([a.flush(), b.flush()]);
    const [counter] = await database.db.select({ hits: publicRateCounters.hits }).from(publicRateCounters).where(eq(publicRateCounters.key, `lookup:${ip}`));
    expect(counter?.hits).toBe(6);
  });

  it("issue 11 #8 one process alone holds the limit exactly, before any flush", () => {
    const w = new PublicWrites(database.db, { intervalMs: 3_600_000, maxRows: 1_000 });
    expect(w.hit("192.0.2.211", 2)).toEqual({ allowed: true });
    expect(w.hit("192.0.2.211", 2)).toEqual({ allowed: true });
    expect(w.hit("192.0.2.211", 2).allowed).toBe(false);
  });
});
