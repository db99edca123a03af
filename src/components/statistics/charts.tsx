"use client";

import { Bar, BarChart, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/**
 * The dashboard's charts (recharts). Category names run down the Y axis of horizontal bars, so long Chinese
 * names never overlap at 390 px; the monthly chart labels months as "1月"… and shows every other tick when
 * narrow. No animation: screenshots and slow phones see the final bars at once.
 */
export type BarDatum = { name: string; [series: string]: string | number };
export type Series = { key: string; label: string; color: string };

const AXIS = { fontSize: 12, fill: "#475569" };

export function HorizontalBars({ data, series, height }: { data: BarDatum[]; series: Series[]; height?: number }) {
  const h = height ?? Math.max(160, data.length * 34 + 60);
  return (
    <div style={{ height: h }} className="w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 4 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" tick={AXIS} allowDecimals={false} />
          <YAxis type="category" dataKey="name" tick={AXIS} width={96} interval={0} tickFormatter={(v: string) => (v.length > 7 ? `${v.slice(0, 7)}…` : v)} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {series.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

export function MonthlyChart({ data }: { data: { month: string; verified: number; passed: number }[] }) {
  const rows = data.map((d) => ({
    name: `${Number(d.month.slice(5, 7))}月`,
    verified: d.verified,
    rate: d.verified ? Math.round((d.passed / d.verified) * 1000) / 10 : null,
  }));
  return (
    <div style={{ height: 260 }} className="w-full">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={rows} margin={{ top: 8, right: 4, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" tick={AXIS} interval="preserveStartEnd" minTickGap={8} />
          <YAxis yAxisId="n" tick={AXIS} allowDecimals={false} width={40} label={{ value: "检定数", angle: -90, position: "insideLeft", style: AXIS }} />
          <YAxis yAxisId="r" orientation="right" domain={[0, 100]} tick={AXIS} width={40} unit="%" />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar yAxisId="n" dataKey="verified" name="检定数" fill="#2563eb" isAnimationActive={false} />
          <Line yAxisId="r" dataKey="rate" name="合格率（%）" stroke="#16a34a" strokeWidth={2} connectNulls isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
