"use client";

import { FileSpreadsheet } from "lucide-react";
import { useId, useState } from "react";

/** A file input with a Chinese button (the native one speaks the browser's language). */
export function FilePicker({ label, accept, onFile }: { label: string; accept: string; onFile: (file: File | null) => void }) {
  const id = useId();
  const [name, setName] = useState<string | null>(null);
  return (
    <div className="space-y-1">
      <span className="text-sm font-medium">{label}</span>
      <div className="flex items-center gap-2">
        <input
          id={id}
          type="file"
          accept={accept}
          aria-label={label}
          className="peer sr-only"
          onChange={(e) => {
            const f = e.target.files?.[0] ?? null;
            setName(f?.name ?? null);
            onFile(f);
          }}
        />
        <label
          htmlFor={id}
          className="inline-flex h-9 cursor-pointer items-center gap-2 rounded-md border px-3 text-sm hover:bg-accent peer-focus-visible:ring-2 peer-focus-visible:ring-ring"
        >
          <FileSpreadsheet className="size-4" aria-hidden /> 选择文件
        </label>
        <span className="min-w-0 truncate text-sm text-muted-foreground">{name ?? "未选择文件"}</span>
      </div>
    </div>
  );
}
