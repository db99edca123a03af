import type { Metadata } from "next";
import { SheetPage } from "@/app/_appointment-sheet/sheet-page";

export const metadata: Metadata = { title: "打印预约单" };

export default function Page({ params }: { params: Promise<{ id: string }> }) {
  return <SheetPage params={params} base="/institution" />;
}
