"use client";

import { useState } from "react";
import { Printer } from "lucide-react";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import type { LabelFormat } from "@/lib/schemas/labels";

/**
 * 打印标签 (R-PUB-3): downloads the label sheet PDF of these instruments — an A4 sheet of 3 × 8 or 50 × 30 mm
 * thermal labels. With one id it reprints that instrument's label. Refusals (not filed, too many) are toasts.
 */
export function PrintLabels({ ids, size = "sm" }: { ids: number[]; size?: "sm" | "default" }) {
  const [busy, setBusy] = useState<LabelFormat | null>(null);
  async function print(format: LabelFormat) {
    setBusy(format);
    try {
      const res = await fetch(`/api/labels?${new URLSearchParams({ ids: ids.join(","), format })}`);
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { message?: string } | null;
        toast.error(body?.message ?? "标签生成失败，请稍后重试");
        return;
      }
      const name = decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? "器具标签.pdf");
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement("a");
      a.href = url;
      a.download = name;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } finally {
      setBusy(null);
    }
  }
  return (
    <>
      <Button type="button" size={size} variant="outline" disabled={busy !== null} onClick={() => print("a4")} data-testid="print-labels-a4">
        <Printer aria-hidden /> {ids.length > 1 ? "打印标签（A4）" : "打印标签"}
      </Button>
      <Button type="button" size={size} variant="outline" disabled={busy !== null} onClick={() => print("thermal")} data-testid="print-labels-thermal">
        热敏标签
      </Button>
    </>
  );
}
