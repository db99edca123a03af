import type { FieldChange } from "@/lib/audit-words";

/** Field changes of one audit row: "型号规格：CS46 → CS46-补充资料" (a value only on one side is shown alone). */
export function FieldChanges({ changes, className }: { changes: FieldChange[]; className?: string }) {
  if (!changes.length) return null;
  return (
    <ul className={className} data-testid="field-changes">
      {changes.map((c) => (
        <li key={c.field} className="break-words">
          <span className="text-muted-foreground">{c.label}：</span>
          {c.from && c.to ? (
            <>
              <s className="text-muted-foreground">{c.from}</s> → <span>{c.to}</span>
            </>
          ) : (
            <span>{c.to || c.from}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
