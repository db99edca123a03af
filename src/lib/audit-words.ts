/**
 * How audit rows read to people (issue 9 #16): Chinese names for every action and object type written by
 * `writeAudit`, and before/after as field changes with Chinese labels, Beijing times and names instead of ids.
 * Client-safe and pure: the server only resolves the ids listed by `auditRefs` into names.
 */
import { formatDateTime } from "./format";
import { CALENDAR_DAY_KIND_LABEL } from "./vocab";
import {
  FILING_STATE_LABEL,
  FILING_STATUS_LABEL,
  INSTITUTION_KIND_LABEL,
  LEVEL_LABEL,
  METHOD_LABEL,
  ORG_KIND_LABEL,
  ORIGIN_LABEL,
  PURPOSE_LABEL,
  RETURN_REASON_LABEL,
  ROLE_LABEL,
} from "./words";

/** Every action any `writeAudit` call writes. A unit test scans the sources so a new action cannot be missed. */
export const AUDIT_ACTION_LABEL: Record<string, string> = {
  "instrument.create": "新增器具",
  "instrument.copy": "复制新增器具",
  "instrument.import": "Excel 导入器具",
  "instrument.update": "修改器具",
  "instrument.correct": "退回后补正资料",
  "instrument.stop": "停用器具",
  "instrument.enable": "启用器具",
  "instrument.scrap": "报废器具",
  "instrument.delete": "删除器具",
  "instrument.attach": "上传附件",
  "instrument.detach": "删除附件",
  "ledger.import": "Excel 导入台账",
  "ledger.seed": "生成演示台账",
  "filing.submit": "提交备案",
  "filing.resubmit": "补正后重新提交备案",
  "filing.approve": "备案审核通过",
  "filing.assign": "备案分派",
  "filing.confirm": "确认受理备案",
  "filing.decline": "无能力退回备案",
  "filing.return": "退回备案",
  "capability.create": "新增检定能力",
  "capability.update": "修改检定能力",
  "capability.enable": "启用检定能力",
  "capability.disable": "停用检定能力",
  "capability.delete": "删除检定能力",
  "catalogue.import": "导入强检目录",
  "department.create": "新增部门",
  "department.rename": "部门改名",
  "department.remove": "删除部门",
  "membership.apply": "申请加入单位",
  "membership.approve": "同意加入单位",
  "membership.reject": "拒绝加入单位",
  "membership.remove": "移出单位",
  "registration.submit": "提交注册申请",
  "registration.resubmit": "修改后重新提交注册",
  "registration.approve": "注册审核通过",
  "registration.reject": "注册审核退回",
  "user.register": "注册账号",
  "user.lock": "账号锁定（密码连续错误）",
  "user.enable": "启用账号",
  "user.disable": "停用账号",
  "user.password_change": "修改密码",
  "user.password_reset": "重置密码",
  "user.force_password_reset": "要求下次登录修改密码",
  "user.update_contact": "修改联系方式",
  "user.sign_out": "退出登录",
  "user.create": "创建账号",
  "org.create": "创建单位",
  "demo.seed": "写入演示数据",
  "calendar_day.add": "添加节假日",
  "calendar_day.remove": "删除节假日",
  "appointment_settings.save_slots": "修改预约时段",
  "appointment_settings.close_day": "设置停止受理日",
  "appointment_settings.reopen_day": "恢复受理",
  "outbox.retry": "重新发送失败的消息",
  // Issue 10 foundation
  "certificate.issue": "出具检定证书",
  "fail_notice.issue": "出具检定结果通知书",

  // Issue 10 — booking (enterprise side)
  "appointment.create": "新建预约单",
  "appointment.update": "修改待提交预约单",
  "appointment.delete": "删除待提交预约单",
  "appointment.submit": "提交预约单",
  "appointment.cancel_items": "取消预约器具",

  // Issue 10 — institution confirmation and appointment sheet
  "appointment.confirm": "确认预约",
  "appointment.reschedule": "修改预约时间",
  "appointment.reject": "拒绝预约",
  "filing.revoke_by_reject": "拒绝预约并取消备案状态",

  // Issue 10 — reception and results
  "appointment.receive": "接收登记",
  "appointment.return_item": "退单",
  "appointment.complete": "预约完检",
  "result.record": "录入检定结果",

  // Issue 10 — certificates, fees, downloads
  "certificate.revoke": "撤销证书（重新出具）",
  "result.fee_set": "登记检定费用",
  "result.fee_paid": "确认已缴费",
  "organisation.number_templates": "修改证书编号模板",
  // Issue 11 item 3 — signed certificate files (R-PUB-4)
  "certificate.file_signed": "生成签名的证书文件",
  "signing_key.create": "生成机构电子签章密钥",

  // Issue 12 — regulator workspace
  // (regwork)
  "notice.create": "新建公告",
  "notice.update": "修改公告",
  "notice.publish": "发布公告",
  "notice.withdraw": "撤回公告",
  "notice.attach": "上传公告附件",
  "filing.transfer": "监管部门转派备案",
  "appointment.transfer": "监管部门转派预约",
  "dispenser.create": "登记加油机",
  "dispenser.import": "导入加油机",

  // Issue 13 — notifications
  "message.read": "站内消息标为已读",
  "message.read_all": "站内消息全部标为已读",
  "notification.preferences": "修改通知设置",
  "org.notify_contacts": "修改单位通知联系人",
  "org.webhook_save": "设置 Webhook",
  "org.webhook_remove": "删除 Webhook",
  "org.webhook_test": "发送 Webhook 测试",

  // Issue 11 — public portal
  "organisation.authorisation": "修改机构授权信息",
};

export const AUDIT_ENTITY_LABEL: Record<string, string> = {
  instrument: "器具",
  filing: "备案",
  capability: "检定能力",
  catalogue_version: "强检目录版本",
  department: "部门",
  membership: "单位成员",
  organisation: "单位",
  user: "账号",
  ledger_import: "台账导入",
  database: "数据库",
  calendar_day: "节假日",
  institution_closed_day: "停止受理日",
  appointment_settings: "预约设置",
  outbox: "发件箱消息",
  appointment: "预约单",
  appointment_item: "预约器具",
  result: "检定结果",
  certificate: "证书",
  signing_key: "电子签章密钥",
};

/** A Chinese action name; an action not in the list still reads as words, never as a code. */
export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABEL[action] ?? `其他操作（${AUDIT_ENTITY_LABEL[action.split(".")[0]!] ?? "系统"}）`;
}

/** Fields whose value is an id or code the server turns into a name (`${kind}:${value}` keys of `names`). */
export type RefKind = "org" | "instrument" | "user" | "department" | "kind" | "region";
const REF_FIELDS: Record<string, RefKind> = {
  institutionId: "org",
  assignedInstitutionId: "org",
  orgId: "org",
  userOrgId: "org",
  toOrgId: "org",
  enterpriseId: "org",
  instrumentId: "instrument",
  copiedFrom: "instrument",
  userId: "user",
  departmentId: "department",
  kindId: "kind",
  provinceCode: "region",
  cityCode: "region",
  countyCode: "region",
  regionCode: "region",
  regionCodes: "region",
};

const FIELD_LABEL: Record<string, string> = {
  name: "名称",
  model: "型号规格",
  measuringRange: "测量范围",
  accuracyClass: "准确度等级",
  serialNo: "出厂编号",
  ownNo: "自编号",
  manufacturer: "生产厂家",
  origin: "生产地",
  installLocation: "安装使用地点",
  purchaseDate: "购买日期",
  status: "状态",
  purpose: "器具用途",
  instrumentType: "器具类型",
  method: "检定方式",
  kindId: "种别",
  quantity: "数量",
  departmentId: "部门",
  institutionId: "检定机构",
  assignedInstitutionId: "分派给",
  instrumentCode: "器具编码",
  typeCertNo: "型式证书号",
  filingStatus: "备案状态",
  flowStatus: "流程",
  certificateNo: "检定证书号",
  validUntil: "有效期至",
  filingApprovedOn: "备案日期",
  failedSince: "不合格日期",
  tags: "自定义标签",
  day: "日期",
  slots: "预约时段",
  remark: "备注",
  enterpriseId: "使用单位",
  provinceCode: "省",
  cityCode: "市",
  countyCode: "区县",
  regionCode: "所在地区",
  regionCodes: "服务地区",
  copiedFrom: "复制自",
  instrumentId: "器具",
  state: "备案状态",
  reason: "原因",
  text: "说明",
  approvedOn: "审核日期",
  slot: "附件类别",
  size: "大小（字节）",
  file: "文件",
  rows: "行数",
  skipped: "跳过行数",
  row: "行号",
  items: "项别数",
  kinds: "种别数",
  orgs: "单位数",
  users: "账号数",
  instruments: "器具数",
  source: "来源",
  lockedUntil: "锁定至",
  via: "方式",
  active: "启用",
  enabled: "启用",
  mustChangePassword: "须修改密码",
  username: "用户名",
  role: "角色",
  kind: "类型",
  uscc: "统一社会信用代码",
  address: "地址",
  level: "级别",
  institutionKind: "机构类别",
  enterpriseType: "单位类型",
  legalRepresentative: "法定代表人",
  legalRepresentativeIdNo: "法定代表人身份证号",
  authorisationCertNo: "授权证书号",
  authorisationValidUntil: "授权有效期至",
  rejectReason: "退回原因",
  documents: "证明材料",
  orgId: "单位",
  userOrgId: "所属单位",
  userRole: "角色",
  rangeNote: "测量范围说明",
  dailyCapacity: "每时段容量",
  correction: "补正",
  instrument: "器具",
  filings: "备案记录",
  phone: "手机号",
  email: "电子邮箱",
  displayName: "姓名",
};

/** Internal bookkeeping never shown: row ids, hashes, timestamps of the row itself. */
const HIDDEN = new Set(["id", "attachmentId", "importId", "sha256", "createdAt", "updatedAt", "manufacturerNorm", "serialNorm", "toOrgId", "byOrgId", "byUserId"]);

const VALUE_WORDS: Record<string, Record<string, string>> = {
  status: { new: "新增", in_use: "在用", stopped: "停用", scrapped: "报废", pending: "待审核", approved: "已通过", rejected: "被退回", disabled: "已停用", removed: "已移出" },
  state: FILING_STATE_LABEL,
  filingStatus: FILING_STATUS_LABEL,
  purpose: PURPOSE_LABEL,
  method: METHOD_LABEL,
  origin: ORIGIN_LABEL,
  reason: RETURN_REASON_LABEL,
  role: ROLE_LABEL,
  userRole: ROLE_LABEL,
  kind: { ...ORG_KIND_LABEL, ...ROLE_LABEL, ...CALENDAR_DAY_KIND_LABEL },
  level: LEVEL_LABEL,
  institutionKind: INSTITUTION_KIND_LABEL,
  slot: { general: "相关资料", type_evaluation: "型式评价报告" },
  via: { sms: "短信验证码" },
  flowStatus: { filing: "备案中", appointment: "预约中" },
  source: { demo: "演示数据" },
};

export type AuditNames = Record<string, string>;
export type FieldChange = { field: string; label: string; from: string; to: string };

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** One value as words: names for ids and codes, Chinese for enums, Beijing time for instants. */
export function auditValue(field: string, v: unknown, names: AuditNames = {}): string {
  if (v === null || v === undefined || v === "") return "—";
  if (Array.isArray(v)) {
    if (field === "documents") return `${v.length} 份`;
    if (field === "filings") return `${v.length} 条`;
    return v.length ? v.map((x) => auditValue(field, x, names)).join(field === "tags" ? " " : "、") : "—";
  }
  if (typeof v === "boolean") return v ? "是" : "否";
  const ref = REF_FIELDS[field];
  if (ref) return names[`${ref}:${String(v)}`] ?? (ref === "region" ? String(v) : "（已删除）");
  if (typeof v === "object") return "—";
  const s = String(v);
  const words = VALUE_WORDS[field]?.[s];
  if (words) return words;
  if (ISO_TIME.test(s)) return formatDateTime(s);
  return s;
}

function flatten(v: unknown): Record<string, unknown> {
  if (!v || typeof v !== "object" || Array.isArray(v)) return {};
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    // Nested records (a resubmission's correction, a deleted instrument) read as their own fields.
    if ((k === "correction" || k === "instrument") && x && typeof x === "object" && !Array.isArray(x)) Object.assign(out, x);
    else out[k] = x;
  }
  return out;
}

/**
 * Before/after as the fields that differ (or, for a row with only one side, the fields it recorded), in
 * words. Hidden bookkeeping fields are left out.
 */
export function auditChanges(before: unknown, after: unknown, names: AuditNames = {}): FieldChange[] {
  const b = flatten(before);
  const a = flatten(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !HIDDEN.has(k));
  const changes: FieldChange[] = [];
  for (const k of keys) {
    const from = k in b ? auditValue(k, b[k], names) : "";
    const to = k in a ? auditValue(k, a[k], names) : "";
    if (k in b && k in a && JSON.stringify(b[k]) === JSON.stringify(a[k])) continue;
    changes.push({ field: k, label: FIELD_LABEL[k] ?? "其他", from, to });
  }
  return changes;
}

/** The ids and codes in before/after that `auditValue` shows as names, for the server to resolve. */
export function auditRefs(values: unknown[]): { kind: RefKind; value: string }[] {
  const out = new Map<string, { kind: RefKind; value: string }>();
  for (const v of values) {
    for (const [k, x] of Object.entries(flatten(v))) {
      const kind = REF_FIELDS[k];
      if (!kind || x === null || x === undefined) continue;
      for (const one of Array.isArray(x) ? x : [x]) out.set(`${kind}:${String(one)}`, { kind, value: String(one) });
    }
  }
  return [...out.values()];
}
