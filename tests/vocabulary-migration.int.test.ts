import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { migrate, type Database } from "@/server/db/open";
import { rowsOf } from "@/server/db/rows";
import { openTestDbAt } from "./helpers/db";

let database: Database;
beforeAll(async () => {
  // The schema just before migration 0003, with rows in the states the migration converts. Written as plain SQL
  // of that schema: the seed code follows the current schema, which later migrations keep extending.
  database = await openTestDbAt("0002_numbering");
  const one = async (q: ReturnType<typeof sql>) => rowsOf<{ id: number }>(await database.db.execute(q))[0]!.id;
  const org = await one(sql`insert into organisations (kind, name, status) values ('enterprise', '迁移测试企业', 'approved') returning id`);
  const version = await one(sql`insert into catalogue_versions (name, is_current) values ('迁移测试目录', true) returning id`);
  const item = await one(sql`insert into catalogue_items (version_id, name) values (${version}, '测试项别') returning id`);
  const kind = await one(sql`insert into catalogue_kinds (version_id, item_id, name, supervision) values (${version}, ${item}, '测试种别', 'V') returning id`);
  for (const [serial, flow] of [["M-1", "filing"], ["M-2", "appointment"], ["M-3", null]] as const) {
    await database.db.execute(sql`insert into instruments (enterprise_id, name, model, serial_no, manufacturer, install_location, province_code, city_code, county_code,
      purpose, method, kind_id, flow_status, manufacturer_norm, serial_norm)
      values (${org}, '测试器具', 'T-1', ${serial}, '测试厂', '一号位', '44', '4401', '440111', 'trade', 'send_in', ${kind}, ${flow}, '测试厂', ${serial.toLowerCase()})`);
  }
  await database.db.execute(sql`insert into outbox (channel, recipient, body, status) values ('sms', '13800000008', '已发送', 'sent')`);
});
afterAll(async () => {
  await database?.close();
});

type Counts = { v: string | null; n: number }[];
const counts = async (q: ReturnType<typeof sql>) => rowsOf<Counts[number]>(await database.db.execute(q)).map((r) => ({ v: r.v, n: Number(r.n) }));
const flows = () => counts(sql`select flow_status::text as v, count(*) as n from instruments group by 1 order by 1`);
const outboxes = () => counts(sql`select status::text as v, count(*) as n from outbox group by 1 order by 1`);
const slots = () => counts(sql`select slot::text as v, count(*) as n from instrument_attachments group by 1 order by 1`);
const typeOf = async (table: string, column: string) =>
  rowsOf<{ t: string }>(
    await database.db.execute(sql`select udt_name as t from information_schema.columns where table_name = ${table} and column_name = ${column}`),
  )[0]!.t;

describe("issue 8 step 4: migration 0003 turns the free-text columns into enums without losing a value", () => {
  it("flow_status, outbox.status and instrument_attachments.slot keep every row's value and default", async () => {
    await database.db.execute(sql`insert into files (id, original_name, mime, ext, size, sha256) values
      ('f1', 'a.pdf', 'application/pdf', 'pdf', 10, 'x'), ('f2', 'b.pdf', 'application/pdf', 'pdf', 10, 'y')`);
    const [inst] = rowsOf<{ id: number }>(await database.db.execute(sql`select id from instruments order by id limit 1`));
    await database.db.execute(sql`insert into instrument_attachments (instrument_id, file_id, slot, size) values (${inst!.id}, 'f1', 'type_evaluation', 10)`);
    await database.db.execute(sql`insert into instrument_attachments (instrument_id, file_id, size) values (${inst!.id}, 'f2', 10)`);
    await database.db.execute(sql`insert into outbox (channel, recipient, body, status) values ('sms', '13800000009', '测试', 'failed')`);
    const before = { flows: await flows(), outboxes: await outboxes(), slots: await slots() };
    expect(before.flows.find((r) => r.v === "filing")?.n).toBeGreaterThan(0);
    expect(before.outboxes.length).toBeGreaterThan(0);
    expect(before.slots).toEqual([{ v: "general", n: 1 }, { v: "type_evaluation", n: 1 }]);
    expect(await typeOf("instruments", "flow_status")).toBe("text");

    await migrate(database);

    expect({ flows: await flows(), outboxes: await outboxes(), slots: await slots() }).toEqual(before);
    expect(await typeOf("instruments", "flow_status")).toBe("flow_status");
    expect(await typeOf("outbox", "status")).toBe("outbox_status");
    expect(await typeOf("instrument_attachments", "slot")).toBe("attachment_slot");
    // Defaults survive the type change; a value outside the vocabulary is now refused by the database.
    await database.db.execute(sql`insert into outbox (channel, recipient, body) values ('sms', '13800000010', '默认')`);
    expect((await outboxes()).find((r) => r.v === "pending")).toBeTruthy();
    await expect(database.db.execute(sql`update instruments set flow_status = 'bogus' where id = ${inst!.id}`)).rejects.toThrow();
  });
});
