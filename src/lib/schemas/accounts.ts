import { stdnum } from "stdnum";
import { z } from "zod";
import { INSTITUTION_KINDS, MEMBERSHIP_STATUSES, outboxChannelSchema, outboxStatusSchema, REGION_LEVELS } from "@/lib/vocab";
import "./zod-zh";
import { passwordProblems } from "@/lib/password-rules";
import { idSchema, pageSchema, regionCodeSchema } from "./common";

/** R-ACC-1: 统一社会信用代码 by its GB 32100 check digit (stdnum, a maintained library). */
export function isValidUscc(value: string) {
  return stdnum.CN!.uscc!.validate(value).isValid;
}
/** R-ACC-1: 公民身份号码 by its GB 11643 check digit and birth date (stdnum). */
export function isValidResidentId(value: string) {
  return stdnum.CN!.ric!.validate(value).isValid;
}

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9]{4,20}$/, "用户名须为 4–20 位字母或数字");
export const passwordSchema = z.string().superRefine((v, ctx) => {
  for (const message of passwordProblems(v)) ctx.addIssue({ code: "custom", message });
});
export const usccSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isValidUscc, "统一社会信用代码无效（应为 18 位，校验位须符合 GB 32100）");
export const residentIdSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isValidResidentId, "身份证号码无效（应为 18 位，校验位须符合 GB 11643）");
export const phoneSchema = z.string().trim().regex(/^1[3-9]\d{9}$/, "请输入 11 位手机号码");
export const smsCodeSchema = z.string().trim().regex(/^\d{6}$/, "请输入 6 位短信验证码");
export const emailSchema = z.union([z.literal(""), z.email("电子邮箱格式不正确").max(100)]).optional();
const text = (label: string, max: number) => z.string().trim().min(1, `请填写${label}`).max(max, `${label}不超过 ${max} 个字`);

/**
 * Object-level checks run only when every field passed, unless told when to run (zod `when`): these run as
 * soon as the fields they compare are strings, so a mismatch is reported together with every field error
 * (issue 9 #12).
 */
const whenStrings =
  (...keys: string[]) =>
  (payload: { value: unknown }) =>
    keys.every((k) => typeof (payload.value as Record<string, unknown> | null)?.[k] === "string");
const passwordsMatch = { message: "两次输入的密码不一致", path: ["confirmPassword"], when: whenStrings("password", "confirmPassword") };
const samePassword = (v: unknown) => (v as { password: string }).password === (v as { confirmPassword: string }).confirmPassword;

/** Password and its confirmation (R-ACC-2). */
const withConfirmation = <T extends z.ZodRawShape>(shape: T) => z.object({ ...shape, password: passwordSchema, confirmPassword: z.string() }).refine(samePassword, passwordsMatch);

const accountFields = {
  username: usernameSchema,
  phone: phoneSchema,
  smsCode: smsCodeSchema,
  email: emailSchema,
};

/** Enterprise registration (SPEC §4, seed 001 一.1, seed 004 2.2); the two uploads travel beside it. */
export const enterpriseFields = {
  name: text("企业名称", 60),
  uscc: usccSchema,
  enterpriseType: text("单位类型", 30),
  regionCode: z.string().regex(/^\d{6}$/, "请选择所在省、市、区县"),
  address: text("详细地址", 100),
  legalRepresentative: text("法定代表人", 30),
  legalRepresentativeIdNo: residentIdSchema,
  contactName: text("联系人", 30),
};
export const enterpriseRegistration = withConfirmation({ ...accountFields, ...enterpriseFields });

/** Institution registration (seed 000 附件2): kind, level, region, authorisation certificate. */
export const institutionFields = {
  name: text("机构名称", 60),
  uscc: usccSchema,
  institutionKind: z.enum(INSTITUTION_KINDS, { error: "请选择机构类别" }),
  level: z.enum(REGION_LEVELS, { error: "请选择机构级别" }),
  regionCode: regionCodeSchema,
  address: text("详细地址", 100),
  authorisationCertNo: text("授权证书编号", 60),
  authorisationValidUntil: z.iso.date("请选择证书有效期（年-月-日）"),
  contactName: text("联系人", 30),
};
export const institutionRegistration = withConfirmation({ ...accountFields, ...institutionFields });

/** Regulator registration (seed 000 附件1): department name "xxxx市场监督管理局", level, region. */
export const regulatorFields = {
  name: text("部门名称", 60).refine((v) => /市场监督管理局/.test(v), "部门名称请填写“xxxx市场监督管理局”"),
  uscc: usccSchema,
  level: z.enum(REGION_LEVELS, { error: "请选择部门级别" }),
  regionCode: regionCodeSchema,
  address: text("详细地址", 100),
  contactName: text("联系人", 30),
};
export const regulatorRegistration = withConfirmation({ ...accountFields, ...regulatorFields });

/** Personal user (seed 004 2.2: 用户名、密码、姓名、身份证号、所在地、手机号码、验证码). */
export const personalRegistration = withConfirmation({
  ...accountFields,
  displayName: text("姓名", 30),
  idNumber: residentIdSchema,
  regionCode: z.string().regex(/^\d{6}$/, "请选择所在省、市、区县"),
});

export type RegistrationKind = "enterprise" | "institution" | "regulator" | "personal";

/** The schema of each registration path, for the form (all errors before sending) and the service. */
export const registrationSchemas = {
  enterprise: enterpriseRegistration,
  institution: institutionRegistration,
  regulator: regulatorRegistration,
  personal: personalRegistration,
} as const;

/** A failed parse as { field: its first message }, every field at once. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of error.issues) out[String(i.path[0] ?? "form")] ??= i.message;
  return out;
}

/** Resubmitting a rejected registration: the organisation's fields again (account fields stay). */
export const resubmitSchemas = {
  enterprise: z.object(enterpriseFields).omit({ contactName: true }),
  institution: z.object(institutionFields).omit({ contactName: true }),
  regulator: z.object(regulatorFields).omit({ contactName: true }),
} as const;

export const smsCodeRequest = z.object({ phone: phoneSchema });
export const resetCodeRequest = z.object({ username: usernameSchema, phone: phoneSchema });
export const resetPasswordInput = z
  .object({ username: usernameSchema, phone: phoneSchema, code: smsCodeSchema, password: passwordSchema, confirmPassword: z.string() })
  .refine(samePassword, passwordsMatch);

export const changePasswordInput = z
  .object({ oldPassword: z.string().min(1, "请输入原密码").max(128), password: passwordSchema, confirmPassword: z.string() })
  .refine(samePassword, passwordsMatch)
  .refine((v) => v.password !== v.oldPassword, { message: "新密码不能与原密码相同", path: ["password"], when: whenStrings("password", "oldPassword") });
export const contactInput = z.object({ displayName: text("姓名", 30), phone: phoneSchema, email: emailSchema });

export const registrationQueueInput = pageSchema.extend({
  status: z.enum(["pending", "rejected", "approved"]).default("pending"),
  kind: z.enum(["enterprise", "institution", "regulator"]).optional(),
});
export const registrationIdInput = z.object({ id: idSchema });
export const rejectInput = z.object({ id: idSchema, reason: text("退回原因", 200) });

export const joinRequestInput = z.object({ uscc: usccSchema });
export const membershipIdInput = z.object({ id: idSchema });
export const membershipRejectInput = z.object({ id: idSchema, reason: z.string().trim().max(200, "原因不超过 200 个字").optional() });
export const membershipListInput = z.object({ status: z.enum(MEMBERSHIP_STATUSES).optional() });

/** Departments (seed 003: 部门名称最多不超过 8 个字). */
export const departmentName = z.string().trim().min(1, "请填写部门名称").max(8, "部门名称最多 8 个字");
export const departmentCreate = z.object({ name: departmentName });
export const departmentRename = z.object({ id: idSchema, name: departmentName });
export const departmentIdInput = z.object({ id: idSchema });

export const userIdInput = z.object({ id: idSchema });
export const outboxListInput = pageSchema.extend({
  recipient: z.string().trim().max(200, "接收人最多 200 个字符").optional(),
  channel: outboxChannelSchema.optional(),
  status: outboxStatusSchema.optional(),
});
export const outboxIdInput = z.object({ id: idSchema });
