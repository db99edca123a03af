import { cn } from "@/lib/utils";

/** A labelled progress bar; `value` null shows a moving bar (work of unknown size). */
export function ProgressBar({ label, value, className }: { label: string; value: number | null; className?: string }) {
  const pct = value === null ? null : Math.max(0, Math.min(100, Math.round(value * 100)));
  return (
    <div className={cn("space-y-1", className)}>
      <div className="flex justify-between text-sm">
        <span>{label}</span>
        {pct !== null ? <span className="tabular-nums text-muted-foreground">{pct}%</span> : null}
      </div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct ?? undefined}
        className="h-2 w-full overflow-hidden rounded-full bg-muted"
      >
        <div className={cn("h-full rounded-full bg-primary transition-all", pct === null && "w-1/3 animate-pulse")} style={pct === null ? undefined : { width: `${pct}%` }} />
      </div>
    </div>
  );
}
