import type { Metadata } from "next";
import { FilingQueue } from "@/components/filing/filing-queue";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { serverCaller } from "@/trpc/server";

export const metadata: Metadata = { title: "备案审核" };

/** 备案审核; a county institution also gets 备案处理 (filings assigned to it by the city institution). */
export default async function Page() {
  const { user } = await (await serverCaller()).me.home();
  const org = user.org;
  const isCounty = org?.level === "county";
  const canAssign = org?.institutionKind === "legal" && !isCounty;
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">备案审核</h1>
        <p className="text-sm text-muted-foreground">
          {canAssign ? "审核企业提交的备案：审核通过（本机构检定）、分派给下级区县机构，或退回。" : "审核企业提交的备案：审核通过或退回。"}
          {isCounty ? "市级机构分派的备案在“备案处理”中确认受理或无能力退回。" : ""}
        </p>
      </div>
      {isCounty ? (
        <Tabs defaultValue="handle">
          <TabsList>
            <TabsTrigger value="handle">备案处理</TabsTrigger>
            <TabsTrigger value="review">备案审核</TabsTrigger>
          </TabsList>
          <TabsContent value="handle">
            <FilingQueue view="handle" canAssign={false} />
          </TabsContent>
          <TabsContent value="review">
            <FilingQueue view="review" canAssign={false} />
          </TabsContent>
        </Tabs>
      ) : (
        <FilingQueue view="review" canAssign={canAssign} />
      )}
    </div>
  );
}
