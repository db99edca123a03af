"use client";

import { FileSpreadsheet } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";

/** 年度检定计划 (issue 10 item 9): pick a year, download the plan as Excel. */
export function AnnualPlanButton({ thisYear }: { thisYear: number }) {
  const [year, setYear] = useState(String(thisYear));
  const years = [thisYear - 1, thisYear, thisYear + 1, thisYear + 2].map(String);
  return (
    <div className="flex items-center gap-1">
      <Select value={year} onValueChange={setYear}>
        <SelectTrigger className="w-28" aria-label="计划年份">
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          {years.map((y) => (
            <SelectItem key={y} value={y}>
              {y} 年
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
      <Button asChild variant="outline">
        <a href={`/api/appointments/annual-plan?year=${year}`} download data-testid="annual-plan">
          <FileSpreadsheet aria-hidden /> 年度检定计划
        </a>
      </Button>
    </div>
  );
}
