"use client";

import { useRef, useState } from "react";

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

/**
 * A document upload: JPG, PNG or PDF, at most 5 MB (checked here for speed, and again by content on the
 * server). The native input is visually hidden so the button and "未选择文件" read in Chinese whatever the
 * browser's language.
 */
export function FileField({
  name,
  label,
  error,
  hint,
}: {
  name: string;
  label: string;
  error?: string;
  hint?: React.ReactNode;
}) {
  const id = `f-${name}`;
  const [fileName, setFileName] = useState<string | null>(null);
  const ref = useRef<HTMLInputElement>(null);
  return (
    <div className="space-y-1">
      <Label htmlFor={id}>{label}</Label>
      <div className={cn("flex h-9 items-center gap-2 rounded-md border border-input px-1", error && "border-destructive")}>
        <input
          ref={ref}
          id={id}
          name={name}
          type="file"
          className="peer sr-only"
          accept=".jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf"
          aria-invalid={error ? true : undefined}
          onChange={(e) => setFileName(e.target.files?.[0]?.name ?? null)}
        />
        <span
          className="inline-flex h-7 shrink-0 cursor-pointer items-center rounded-sm bg-muted px-2 text-sm font-medium peer-focus-visible:ring-[3px] peer-focus-visible:ring-ring/50"
          aria-hidden
          onClick={() => ref.current?.click()}
        >
          选择文件
        </span>
        <span className="truncate text-sm text-muted-foreground" data-testid={`file-${name}`}>
          {fileName ?? "未选择文件"}
        </span>
      </div>
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
