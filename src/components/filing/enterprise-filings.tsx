"use client";

import { useState } from "react";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { MyFilings } from "./my-filings";
import { PendingInstruments } from "./pending-instruments";

/** 备案管理: 待备案 / 已提交 / 被退回 (seed 001 三, R-FIL-1/6). */
export function EnterpriseFilings() {
  const [tab, setTab] = useState("pending");
  return (
    <Tabs value={tab} onValueChange={setTab}>
      <TabsList>
        <TabsTrigger value="pending">待备案</TabsTrigger>
        <TabsTrigger value="submitted">已提交</TabsTrigger>
        <TabsTrigger value="returned">被退回</TabsTrigger>
      </TabsList>
      <TabsContent value="pending">
        <PendingInstruments />
      </TabsContent>
      <TabsContent value="submitted">
        <MyFilings tab="submitted" />
      </TabsContent>
      <TabsContent value="returned">
        <MyFilings tab="returned" />
      </TabsContent>
    </Tabs>
  );
}
