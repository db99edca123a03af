import { BadgeCheck, CircleAlert, CircleX } from "lucide-react";
import { CERTIFICATE_KIND_LABEL, type CertificateKind, type DocumentViewState } from "@/lib/vocab";
import { cn } from "@/lib/utils";

type Doc = {
  kind: CertificateKind;
  number: string;
  viewState: DocumentViewState;
  viewStateLabel: string;
  verifiedOn: string;
  validUntil: string | null;
  instrumentName: string;
  institutionName: string;
};

const TONE: Record<DocumentViewState, { box: string; Icon: typeof BadgeCheck }> = {
  valid: { box: "border-green-600 bg-green-50 text-green-800", Icon: BadgeCheck },
  expiring: { box: "border-amber-500 bg-amber-50 text-amber-800", Icon: CircleAlert },
  expired: { box: "border-red-600 bg-red-50 text-red-800", Icon: CircleX },
  revoked: { box: "border-red-600 bg-red-50 text-red-800", Icon: CircleX },
  failed: { box: "border-red-600 bg-red-50 text-red-800", Icon: CircleX },
};

const NOTE: Record<DocumentViewState, string> = {
  valid: "该证书真实有效。",
  expiring: "该证书有效，但将在 30 日内到期，请及时申请检定。",
  expired: "该证书已超过有效期，器具须重新检定后方可使用。",
  revoked: "该证书已被检定机构撤销，不再有效。",
  failed: "该器具检定不合格，不得用于强制检定范围内的计量。",
};

/** The answer of `/v/{token}`: a state a passer-by reads at a glance on a phone, then the facts. */
export function DocumentVerdict({ doc }: { doc: Doc }) {
  const { box, Icon } = TONE[doc.viewState];
  return (
    <div className="mx-auto max-w-lg space-y-4 py-4">
      <h1 className="text-xl font-semibold">{CERTIFICATE_KIND_LABEL[doc.kind]}核验</h1>
      <div className={cn("flex items-center gap-3 rounded-lg border-2 p-4", box)} data-testid="verify-state">
        <Icon aria-hidden className="size-8 shrink-0" />
        <div>
          <p className="text-2xl font-bold">{doc.viewStateLabel}</p>
          <p className="text-sm">{NOTE[doc.viewState]}</p>
        </div>
      </div>
      <dl className="grid grid-cols-[6.5rem_1fr] gap-x-3 gap-y-2 rounded-lg border p-4 text-sm">
        <dt className="text-muted-foreground">{doc.kind === "certificate" ? "证书编号" : "通知书编号"}</dt>
        <dd className="font-mono break-all" data-testid="verify-number">{doc.number}</dd>
        <dt className="text-muted-foreground">器具名称</dt>
        <dd>{doc.instrumentName}</dd>
        <dt className="text-muted-foreground">检定机构</dt>
        <dd>{doc.institutionName}</dd>
        <dt className="text-muted-foreground">检定日期</dt>
        <dd>{doc.verifiedOn}</dd>
        {doc.kind === "certificate" ? (
          <>
            <dt className="text-muted-foreground">有效期至</dt>
            <dd>{doc.validUntil ?? "—"}</dd>
          </>
        ) : null}
      </dl>
    </div>
  );
}
