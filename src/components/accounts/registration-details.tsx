"use client";

import { useQuery } from "@tanstack/react-query";
import { FileText } from "lucide-react";
import { useTRPC } from "@/trpc/react";
import { INSTITUTION_KIND_LABEL, LEVEL_LABEL, ORG_KIND_LABEL } from "@/lib/words";

const DOC_LABEL: Record<string, string> = {
  business_licence: "营业执照",
  authorisation_letter: "法人授权书",
  uscc_certificate: "统一社会信用代码证书",
};

type Details = {
  kind: keyof typeof ORG_KIND_LABEL;
  name: string;
  uscc: string | null;
  level: keyof typeof LEVEL_LABEL | null;
  institutionKind: keyof typeof INSTITUTION_KIND_LABEL | null;
  regionCode: string | null;
  address: string | null;
  enterpriseType: string | null;
  legalRepresentative: string | null;
  legalRepresentativeIdNo: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  authorisationCertNo: string | null;
  authorisationValidUntil: string | null;
  rejectReason: string | null;
  documents: { fileId: string; kind: string; name: string; size: number }[];
};

/** The fields and documents of one registration, as a reviewer or the applicant sees them. */
export function RegistrationDetails({ data }: { data: Details }) {
  // The region as names (广东省 / 广州市 / 白云区), never as its code (issue 9 #16).
  const trpc = useTRPC();
  const region = useQuery(trpc.region.path.queryOptions({ code: data.regionCode ?? "" }, { enabled: !!data.regionCode }));
  const regionText = region.data ? region.data.map((r) => r.name).join(" / ") : region.isPending ? "…" : "";
  const rows: [string, string | null | undefined][] = [
    ["名称", data.name],
    ["类型", ORG_KIND_LABEL[data.kind]],
    ["统一社会信用代码", data.uscc],
    ["机构类别", data.institutionKind ? INSTITUTION_KIND_LABEL[data.institutionKind] : null],
    ["级别", data.level ? LEVEL_LABEL[data.level] : null],
    ["所在地区", data.regionCode ? regionText : null],
    ["详细地址", data.address],
    ["单位类型", data.enterpriseType],
    ["法定代表人/负责人", data.legalRepresentative],
    ["法定代表人身份证号码", data.legalRepresentativeIdNo],
    ["授权证书编号", data.authorisationCertNo],
    ["证书有效期至", data.authorisationValidUntil],
    ["联系电话", data.contactPhone],
    ["电子邮箱", data.contactEmail],
  ];
  return (
    <div className="space-y-4 text-sm">
      <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[10rem_1fr]">
        {rows
          .filter(([, v]) => v)
          .map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="text-muted-foreground">{k}</dt>
              <dd className="break-all">{v}</dd>
            </div>
          ))}
      </dl>
      <div>
        <div className="mb-1 font-medium">证照</div>
        {data.documents.length ? (
          <ul className="space-y-1">
            {data.documents.map((d) => (
              <li key={d.fileId}>
                <a className="inline-flex items-center gap-1 text-primary underline" href={`/api/registration-documents/${d.fileId}`}>
                  <FileText className="size-4" aria-hidden />
                  {DOC_LABEL[d.kind] ?? d.kind}：{d.name}（{Math.max(1, Math.round(d.size / 1024))} KB）
                </a>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-muted-foreground">无上传文件</p>
        )}
      </div>
    </div>
  );
}
