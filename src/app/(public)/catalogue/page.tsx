import type { Metadata } from "next";
import { Button } from "@/components/ui/button";
import { CatalogueBrowser } from "@/components/catalogue/catalogue-browser";
import { dayIn } from "@/lib/china-day";
import { SUPERVISION_LABEL, SUPERVISIONS, type Supervision } from "@/lib/vocab";
import { cachedCatalogue } from "@/server/services/public/cached";

export const metadata: Metadata = { title: "强检目录" };

const selectClass = "h-9 rounded-md border bg-background px-2 text-sm";

/** 强检目录 (issue 11 #6): items → kinds, P / V / P+V, purposes, regimes and periods, the version in words. */
export default async function CataloguePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = await searchParams;
  const q = typeof raw.q === "string" ? raw.q.trim().slice(0, 30) : "";
  const sup = SUPERVISIONS.includes(raw.sup as Supervision) ? (raw.sup as Supervision) : null;
  const { version, kinds } = await cachedCatalogue();
  const shown = kinds.filter((k) => (!sup || k.supervision === sup) && (!q || k.name.includes(q) || k.itemName.includes(q)));
  const items = new Set(kinds.map((k) => k.itemId)).size;
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">实施强制管理的计量器具目录</h1>
        {version ? (
          <p className="text-sm text-muted-foreground" data-testid="catalogue-version">
            现行目录：{version.name}，{dayIn(new Date(version.importedAt))} 起在本平台使用，共 {items} 个项别、{kinds.length} 个种别
          </p>
        ) : null}
        <p className="mt-1 text-sm text-muted-foreground">
          监管方式：P 为型式批准（制造、进口前须经型式批准），V 为强制检定（使用中须定期或首次检定），P+V 为两者均需。仅 V 或 P+V 的种别可申请强制检定备案；强制检定只针对列明的用途。
        </p>
      </div>
      <form method="get" className="flex flex-wrap items-end gap-3" aria-label="筛选">
        <label className="flex flex-col gap-1 text-sm">
          名称
          <input name="q" defaultValue={q} maxLength={30} placeholder="项别或种别名称" className="h-9 rounded-md border bg-background px-2" />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          监管方式
          <select name="sup" defaultValue={sup ?? ""} className={selectClass}>
            <option value="">全部</option>
            {SUPERVISIONS.map((s) => (
              <option key={s} value={s}>
                {SUPERVISION_LABEL[s]}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit" size="sm">
          筛选
        </Button>
      </form>
      {kinds.length ? <CatalogueBrowser kinds={shown} /> : <p className="text-sm text-muted-foreground">目录暂无数据，请平台管理员导入《实施强制管理的计量器具目录》。</p>}
    </div>
  );
}
