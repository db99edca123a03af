"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { registerAction, resubmitAction, type ActionResult } from "@/app/actions/registration";
import { RegionPicker } from "@/components/region/region-picker";
import { Button } from "@/components/ui/button";
import { fieldErrorsOf, registrationSchemas, resubmitSchemas, type RegistrationKind } from "@/lib/schemas/accounts";
import { INSTITUTION_KIND_LABEL, LEVEL_LABEL } from "@/lib/words";
import { Field, FileField, MAX_UPLOAD_BYTES, SelectField } from "./fields";
import { PhoneWithCode, useRegisterCode } from "./sms-code-field";

export const ENTERPRISE_TYPES = ["有限责任公司", "股份有限公司", "个人独资企业", "合伙企业", "个体工商户", "事业单位", "机关", "社会团体", "其他"];
const LEVELS = (["province", "city", "county"] as const).map((v) => ({ value: v, label: LEVEL_LABEL[v] }));
const FILE_LABEL = {
  business_licence: "营业执照",
  authorisation_letter: "法人授权书",
  uscc_certificate: "统一社会信用代码证书",
} as const;

export type RegistrationDefaults = Partial<Record<string, string | null>>;

/**
 * One form for the four registration paths (SPEC §4, seed 000 附件1/2, 001 一, 004 2.2). In "resubmit" mode
 * (a rejected registration, R-ACC-3) the account fields are gone, the values are prefilled and uploads are
 * optional (a new file replaces the old one).
 */
export function RegistrationForm({
  kind,
  mode = "register",
  defaults = {},
  onDone,
}: {
  kind: RegistrationKind;
  mode?: "register" | "resubmit";
  defaults?: RegistrationDefaults;
  onDone?: () => void;
}) {
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [pending, start] = useTransition();
  const [phone, setPhone] = useState("");
  const [level, setLevel] = useState(defaults.level ?? "");
  const [region, setRegion] = useState(defaults.regionCode ?? "");
  const requestCode = useRegisterCode();
  const d = (k: string) => defaults[k] ?? undefined;
  const register = mode === "register";
  const needsCounty = kind === "enterprise" || kind === "personal";
  const depth = needsCounty ? "county" : ((level || "county") as "province" | "city" | "county");

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    form.set("regionCode", region);
    const clientErrors: Record<string, string> = {};
    for (const [k, v] of form.entries()) {
      if (v instanceof File && v.size > MAX_UPLOAD_BYTES)
        clientErrors[k] = `文件“${v.name}”过大（${(v.size / 1024 / 1024).toFixed(1)} MB），单个文件不超过 5 MB`;
    }
    // The service's own schema, here first: every field error (and a password mismatch) shows at once.
    const fields = Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string"));
    const parsed = (register ? registrationSchemas[kind] : resubmitSchemas[kind as keyof typeof resubmitSchemas]).safeParse(fields);
    if (!parsed.success) Object.assign(clientErrors, { ...fieldErrorsOf(parsed.error), ...clientErrors });
    if (Object.keys(clientErrors).length) {
      setErrors(clientErrors);
      setMessage("请按提示修改后再提交");
      return;
    }
    setMessage(null);
    start(async () => {
      let result: ActionResult;
      try {
        result = register ? await registerAction(kind, form) : await resubmitAction(form);
      } catch {
        result = { ok: false, message: "提交失败，请检查网络或文件大小后重试" };
      }
      if (result.ok) {
        setErrors({});
        setDone(true);
        onDone?.();
      } else {
        setErrors(result.fieldErrors ?? {});
        setMessage(result.message);
      }
    });
  }

  if (done && register) {
    return (
      <div className="space-y-3 rounded-lg border border-success/40 bg-success/10 p-4" role="status" data-testid="register-done">
        <p className="font-medium">{kind === "personal" ? "注册成功" : "注册申请已提交，等待审核"}</p>
        <p className="text-sm">
          {kind === "personal"
            ? "现在可以登录，并申请关联所在的使用单位。"
            : kind === "enterprise"
              ? "所在地市的法定计量技术机构或平台管理员审核通过后即可办理业务；审核期间可登录查看审核状态。"
              : "平台管理员审核通过后即可使用；审核期间可登录查看审核状态。"}
        </p>
        <Button asChild>
          <Link href="/login">去登录</Link>
        </Button>
      </div>
    );
  }

  const e = errors;
  return (
    <form onSubmit={onSubmit} className="space-y-6" noValidate>
      {register ? (
        <fieldset className="grid gap-4 sm:grid-cols-2">
          <legend className="mb-2 text-sm font-semibold">账户信息</legend>
          <Field name="username" label="用户名" autoComplete="username" maxLength={20} error={e.username} hint="4–20 位字母或数字，登录时使用" className="sm:col-span-2" />
          <Field name="password" label="密码" type="password" autoComplete="new-password" maxLength={20} error={e.password} hint="8–20 位，须含数字、大写字母和小写字母" />
          <Field name="confirmPassword" label="确认密码" type="password" autoComplete="new-password" maxLength={20} error={e.confirmPassword} />
        </fieldset>
      ) : null}

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold">
          {kind === "enterprise" ? "单位信息" : kind === "institution" ? "机构信息" : kind === "regulator" ? "部门信息" : "个人信息"}
        </legend>
        {kind === "personal" ? (
          <>
            <Field name="displayName" label="姓名" maxLength={30} error={e.displayName} />
            <Field name="idNumber" label="公民身份证号码" maxLength={18} error={e.idNumber} />
          </>
        ) : (
          <>
            <Field
              name="name"
              label={kind === "enterprise" ? "企业名称" : kind === "institution" ? "机构名称" : "部门名称"}
              placeholder={kind === "regulator" ? "xxxx市场监督管理局" : undefined}
              maxLength={60}
              defaultValue={d("name")}
              error={e.name}
              className="sm:col-span-2"
            />
            <Field name="uscc" label="统一社会信用代码" maxLength={18} defaultValue={d("uscc")} error={e.uscc} hint="18 位，校验位按 GB 32100 核验" />
          </>
        )}
        {kind === "enterprise" ? (
          <SelectField name="enterpriseType" label="单位类型" defaultValue={d("enterpriseType")} options={ENTERPRISE_TYPES.map((t) => ({ value: t, label: t }))} error={e.enterpriseType} />
        ) : null}
        {kind === "institution" ? (
          <SelectField
            name="institutionKind"
            label="机构类别"
            defaultValue={d("institutionKind")}
            options={(["legal", "authorised"] as const).map((v) => ({ value: v, label: INSTITUTION_KIND_LABEL[v] }))}
            error={e.institutionKind}
          />
        ) : null}
        {kind === "institution" || kind === "regulator" ? (
          <SelectField
            name="level"
            label={kind === "institution" ? "机构级别" : "部门级别"}
            value={level}
            onChange={(ev) => {
              setLevel(ev.target.value);
              setRegion("");
            }}
            options={LEVELS}
            error={e.level}
          />
        ) : null}
        <div className="space-y-1 sm:col-span-2">
          <span className="text-sm font-medium">{kind === "institution" || kind === "regulator" ? "管辖地区" : "所在地区"}</span>
          <RegionPicker idPrefix="reg-region" value={region} onChange={setRegion} depth={depth} invalid={!!e.regionCode} />
          {e.regionCode ? (
            <p className="text-sm text-destructive" data-testid="error-regionCode">
              {e.regionCode}
            </p>
          ) : (kind === "institution" || kind === "regulator") && !level ? (
            <p className="text-xs text-muted-foreground">请先选择级别，再选择到相应级别的地区</p>
          ) : null}
        </div>
        {kind !== "personal" ? (
          <Field name="address" label="详细地址" maxLength={100} defaultValue={d("address")} error={e.address} className="sm:col-span-2" />
        ) : null}
        {kind === "enterprise" ? (
          <>
            <Field name="legalRepresentative" label="法定代表人/负责人" maxLength={30} defaultValue={d("legalRepresentative")} error={e.legalRepresentative} />
            <Field name="legalRepresentativeIdNo" label="法定代表人/负责人身份证号码" maxLength={18} defaultValue={d("legalRepresentativeIdNo")} error={e.legalRepresentativeIdNo} />
          </>
        ) : null}
        {kind === "institution" ? (
          <>
            <Field name="authorisationCertNo" label="授权证书编号" maxLength={60} defaultValue={d("authorisationCertNo")} error={e.authorisationCertNo} />
            <Field name="authorisationValidUntil" label="证书有效期至" type="date" defaultValue={d("authorisationValidUntil")} error={e.authorisationValidUntil} />
          </>
        ) : null}
      </fieldset>

      {register ? (
        <fieldset className="grid gap-4 sm:grid-cols-2">
          <legend className="mb-2 text-sm font-semibold">联系方式</legend>
          {kind !== "personal" ? <Field name="contactName" label="联系人姓名" maxLength={30} error={e.contactName} /> : null}
          <Field name="email" label="电子邮箱" type="email" optional maxLength={100} error={e.email} />
          <PhoneWithCode phone={phone} onPhone={setPhone} errors={e} request={() => requestCode.mutateAsync({ phone: phone.trim() })} />
        </fieldset>
      ) : null}

      {kind === "enterprise" || kind === "institution" ? (
        <fieldset className="grid gap-4 sm:grid-cols-2">
          <legend className="mb-2 text-sm font-semibold">证照上传{register ? "" : "（不重新上传则沿用原文件）"}</legend>
          {kind === "enterprise" ? (
            <>
              <FileField name="business_licence" label={`${FILE_LABEL.business_licence}（统一社会信用代码证）`} error={e.business_licence} />
              <FileField
                name="authorisation_letter"
                label={`${FILE_LABEL.authorisation_letter}（法人签字并盖章）`}
                error={e.authorisation_letter}
                hint={
                  <>
                    请先
                    <a className="mx-1 text-primary underline" href="/api/templates/authorisation-letter" download>
                      下载法人授权书模板
                    </a>
                    ，填写并由法人签字盖章后上传（JPG、PNG 或 PDF，不超过 5 MB）
                  </>
                }
              />
            </>
          ) : (
            <FileField name="uscc_certificate" label={FILE_LABEL.uscc_certificate} error={e.uscc_certificate} />
          )}
        </fieldset>
      ) : null}

      {message ? (
        <p className="rounded-md bg-destructive/10 px-3 py-2 text-sm text-destructive" role="alert" data-testid="form-error">
          {message}
        </p>
      ) : null}
      {done && !register ? (
        <p className="rounded-md bg-success/10 px-3 py-2 text-sm" role="status" data-testid="resubmit-done">
          已重新提交，请等待审核。
        </p>
      ) : null}
      <Button type="submit" disabled={pending} className="w-full sm:w-auto">
        {pending ? "正在提交…" : register ? "提交注册" : "重新提交审核"}
      </Button>
    </form>
  );
}
