import type { Metadata } from "next";
import { ImportPanel } from "@/components/ledger/import-panel";
import { RowImportPanel } from "@/components/ledger/row-import-panel";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";

export const metadata: Metadata = { title: "导入器具" };

export default function Page() {
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">导入器具</h1>
      <Tabs defaultValue="batch">
        <TabsList>
          <TabsTrigger value="batch">导入</TabsTrigger>
          <TabsTrigger value="rows">逐行导入</TabsTrigger>
        </TabsList>
        <TabsContent value="batch" className="pt-4">
          <ImportPanel />
        </TabsContent>
        <TabsContent value="rows" className="pt-4">
          <RowImportPanel />
        </TabsContent>
      </Tabs>
    </div>
  );
}
