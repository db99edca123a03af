"use client";

import { useQuery } from "@tanstack/react-query";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useTRPC } from "@/trpc/react";

type Level = "province" | "city" | "county";
const DEPTH: Record<Level, number> = { province: 1, city: 2, county: 3 };

/** Splits a region code into its province, city and county parts ("440111" → ["44", "4401", "440111"]). */
export function regionParts(code: string | null | undefined): [string, string, string] {
  const c = code ?? "";
  return [c.slice(0, 2), c.length >= 4 ? c.slice(0, 4) : "", c.length >= 6 ? c : ""];
}

/**
 * Province → city → county cascade backed by the region table. `value` is the deepest chosen code
 * ("" for none); `depth` says how deep the picker goes.
 */
export function RegionPicker({
  value,
  onChange,
  depth = "county",
  disabled,
  idPrefix = "region",
  invalid,
}: {
  value: string;
  onChange: (code: string) => void;
  depth?: Level;
  disabled?: boolean;
  idPrefix?: string;
  invalid?: boolean;
}) {
  const trpc = useTRPC();
  const [province, city, county] = regionParts(value);
  const provinces = useQuery(trpc.region.children.queryOptions({ parentCode: null }, { staleTime: Infinity }));
  const cities = useQuery(
    trpc.region.children.queryOptions({ parentCode: province }, { enabled: !!province && DEPTH[depth] >= 2, staleTime: Infinity }),
  );
  const counties = useQuery(
    trpc.region.children.queryOptions({ parentCode: city }, { enabled: !!city && DEPTH[depth] >= 3, staleTime: Infinity }),
  );

  const column = (
    level: Level,
    label: string,
    selected: string,
    options: { code: string; name: string }[] | undefined,
    parentChosen: boolean,
    onPick: (code: string) => void,
  ) => (
    <Select value={selected || undefined} onValueChange={onPick} disabled={disabled || !parentChosen || !options}>
      <SelectTrigger id={`${idPrefix}-${level}`} aria-label={label} aria-invalid={invalid && !selected ? true : undefined} className="w-full">
        <SelectValue placeholder={parentChosen ? `请选择${label}` : `先选上一级`} />
      </SelectTrigger>
      <SelectContent>
        {(options ?? []).map((o) => (
          <SelectItem key={o.code} value={o.code}>
            {o.name}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );

  return (
    <div className="grid gap-2 sm:grid-cols-3" role="group" aria-label="所在地区">
      {column("province", "省份", province, provinces.data, true, (c) => onChange(c))}
      {DEPTH[depth] >= 2 ? column("city", "城市", city, cities.data, !!province, (c) => onChange(c)) : null}
      {DEPTH[depth] >= 3 ? column("county", "区县", county, counties.data, !!city, (c) => onChange(c)) : null}
    </div>
  );
}
