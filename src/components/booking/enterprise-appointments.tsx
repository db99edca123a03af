"use client";

import { Plus } from "lucide-react";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { AnnualPlanButton } from "./annual-plan-button";
import { MyAppointments } from "./my-appointments";
import { PrepareDueButton } from "./prepare-due-button";

/** 预约管理 (enterprise): 我的预约 and 被拒绝, with 新建预约, 预约全部须检器具 and the 年度检定计划. */
export function EnterpriseAppointments({ thisYear }: { thisYear: number }) {
  const params = useSearchParams();
  const router = useRouter();
  const tab = params.get("tab") === "rejected" ? "rejected" : "mine";
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-2">
        <Button asChild>
          <Link href="/enterprise/appointments/new">
            <Plus aria-hidden /> 新建预约
          </Link>
        </Button>
        <PrepareDueButton />
        <AnnualPlanButton thisYear={thisYear} />
      </div>
      <Tabs value={tab} onValueChange={(v) => router.replace(v === "rejected" ? "/enterprise/appointments?tab=rejected" : "/enterprise/appointments")}>
        <TabsList>
          <TabsTrigger value="mine">我的预约</TabsTrigger>
          <TabsTrigger value="rejected">被拒绝</TabsTrigger>
        </TabsList>
        <TabsContent value="mine">
          <MyAppointments key={params.get("state") ?? "all"} initialState={params.get("state")} />
        </TabsContent>
        <TabsContent value="rejected">
          <MyAppointments rejected />
        </TabsContent>
      </Tabs>
    </div>
  );
}
