"use client";

import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { cn } from "@/lib/utils";

/** A labelled input whose error comes from the server's or the client's field errors. */
export function Field({
  name,
  label,
  error,
  hint,
  optional,
  className,
  ...props
}: React.ComponentProps<"input"> & { name: string; label: string; error?: string; hint?: React.ReactNode; optional?: boolean }) {
  const id = `f-${name}`;
  return (
    <div className={cn("space-y-1", className)}>
      <Label htmlFor={id}>
        {label}
        {optional ? <span className="text-xs font-normal text-muted-foreground">（选填）</span> : null}
      </Label>
      <Input id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} {...props} />
      {hint && !error ? <p className="text-xs text-muted-foreground">{hint}</p> : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-destructive" data-testid={`error-${name}`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A native select styled like the inputs (works with FormData and keyboard, no portal). */
export function SelectField({
  name,
  label,
  options,
  error,
  className,
  ...props
}: React.ComponentProps<"select"> & { name: string; label: string; options: { value: string; label: string }[]; error?: string }) {
  const id = `f-${name}`;
  return (
    <div className={cn("space-y-1", className)}>
      <Label htmlFor={id}>{label}</Label>
      <select
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        className="flex h-9 w-full rounded-md border border-input bg-background px-3 py-1 text-base shadow-xs outline-none focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50 aria-invalid:border-destructive md:text-sm"
        {...props}
      >
        <option value="">请选择</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error ? (
        <p className="text-sm text-destructive" data-testid={`error-${name}`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/** A document upload: JPG, PNG or PDF, at most 5 MB (checked here for speed, and again by content on the server). */
export function FileField({
  name,
  label,
  error,
  hint,
  required,
}: {
  name: string;
  label: string;
  error?: string;
  hint?: React.ReactNode;
  required?: boolean;
}) {
  const id = `f-${name}`;
  return (
    <div className="space-y-1">
      <Label htmlFor={id}>{label}</Label>
      <Input id={id} name={name} type="file" accept=".jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf" required={required} aria-invalid={error ? true : undefined} />
      {error ? (
        <p className="text-sm text-destructive" data-testid={`error-${name}`}>
          {error}
        </p>
      ) : (
        <p className="text-xs text-muted-foreground">{hint ?? "JPG、PNG 或 PDF 文件，不超过 5 MB"}</p>
      )}
    </div>
  );
}
