import type { Metadata } from "next";
import { JurisdictionInstruments } from "@/components/filing/jurisdiction-instruments";

export const metadata: Metadata = { title: "辖区仪器" };

export default function Page() {
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">辖区仪器</h1>
        <p className="text-sm text-muted-foreground">法定计量技术机构可查看辖区内全部仪器；授权机构只能查看向本机构申请备案的仪器。</p>
      </div>
      <JurisdictionInstruments />
    </div>
  );
}
