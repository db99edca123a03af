import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PURPOSE_LABEL, REGIME_LABEL } from "@/lib/words";
import type { Purpose, Regime, Supervision } from "@/lib/vocab";

export type BrowserKind = {
  id: number;
  itemId: number;
  itemName: string;
  name: string;
  supervision: Supervision;
  purposes: Purpose[];
  regime: Regime | null;
  periodMonths: number | null;
  serviceLifeYears: number | null;
  notes: string | null;
};

/** 检定管理 in the manuals' words: the regime with its period or service life. */
export function regimeText(k: BrowserKind): string {
  if (k.supervision === "P") return "仅型式批准，不受理强制检定";
  const base = k.regime ? REGIME_LABEL[k.regime] : "—";
  if (k.periodMonths) return `${base}，检定周期 ${k.periodMonths} 个月`;
  if (k.serviceLifeYears) return `${base}，使用不超过 ${k.serviceLifeYears} 年`;
  return base;
}

/**
 * The public catalogue browser (issue 11 #6): each 项别 with its 种别, how each is supervised (P / V / P+V),
 * the purposes for which verification is compulsory, and the regime with its period. Server-rendered.
 */
export function CatalogueBrowser({ kinds }: { kinds: BrowserKind[] }) {
  if (!kinds.length) return <EmptyState title="没有符合条件的种别" description="请调整筛选条件" />;
  const items = new Map<number, { name: string; kinds: BrowserKind[] }>();
  for (const k of kinds) {
    const it = items.get(k.itemId) ?? { name: k.itemName, kinds: [] };
    it.kinds.push(k);
    items.set(k.itemId, it);
  }
  return (
    <div className="space-y-4">
      {[...items.values()].map((it) => (
        <section key={it.name} className="rounded-md border" aria-label={it.name}>
          <h2 className="border-b bg-muted/40 px-4 py-2 font-medium">
            {it.name}
            <span className="ml-2 text-sm font-normal text-muted-foreground">{it.kinds.length} 个种别</span>
          </h2>
          <ul className="divide-y">
            {it.kinds.map((k) => (
              <li key={k.id} className="grid gap-1 px-4 py-3 text-sm sm:grid-cols-[14rem_6rem_1fr]">
                <span className="font-medium">{k.name}</span>
                <span>
                  <Badge variant={k.supervision === "P" ? "secondary" : "default"}>{k.supervision}</Badge>
                </span>
                <span className="space-y-0.5">
                  <span className="block">{regimeText(k)}</span>
                  {k.purposes.length ? <span className="block text-muted-foreground">强制检定用途：{k.purposes.map((p) => PURPOSE_LABEL[p]).join("、")}</span> : null}
                  {k.notes ? <span className="block text-muted-foreground">{k.notes}</span> : null}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
