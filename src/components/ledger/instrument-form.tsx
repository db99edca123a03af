"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useForm, useWatch, type Resolver } from "react-hook-form";
import type { z } from "zod";
import { RegionPicker } from "@/components/region/region-picker";
import { Button } from "@/components/ui/button";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import { instrumentFields, type InstrumentFields } from "@/lib/schemas/ledger";
import { METHOD_LABEL, ORIGIN_LABEL, PURPOSE_LABEL } from "@/lib/words";
import { useTRPC } from "@/trpc/react";
import { SUPERVISION_HINT } from "./labels";

type FormValues = z.input<typeof instrumentFields>;
const EMPTY: FormValues = {
  name: "", model: "", measuringRange: "", accuracyClass: "", serialNo: "", ownNo: "", manufacturer: "", origin: "",
  installLocation: "", countyCode: "", purchaseDate: "", status: "in_use", purpose: undefined as never, instrumentType: "工作计量器具",
  method: undefined as never, kindId: "", quantity: 1, department: "", typeCertNo: "", tags: "", remark: "",
};

type Source = {
  name: string; model: string; measuringRange: string | null; accuracyClass: string | null; serialNo: string; ownNo: string | null; manufacturer: string;
  origin: string | null; installLocation: string; countyCode: string; purchaseDate: string | null; purpose: string; instrumentType: string; method: string;
  kindId: number; quantity: number; departmentName: string | null; typeCertNo: string | null; tags: string[]; remark: string | null; status: string;
};

function valuesFrom(s: Source, copy: boolean): FormValues {
  return {
    name: s.name, model: s.model, measuringRange: s.measuringRange ?? "", accuracyClass: s.accuracyClass ?? "",
    // A copy is a new physical instrument: its serial and own number are entered afresh (R-LED-1).
    serialNo: copy ? "" : s.serialNo, ownNo: copy ? "" : (s.ownNo ?? ""), manufacturer: s.manufacturer, origin: s.origin ?? "",
    installLocation: s.installLocation, countyCode: s.countyCode, purchaseDate: s.purchaseDate ?? "",
    status: s.status === "new" ? "new" : "in_use", purpose: s.purpose as FormValues["purpose"], instrumentType: s.instrumentType,
    method: s.method as FormValues["method"], kindId: String(s.kindId), quantity: s.quantity, department: s.departmentName ?? "",
    typeCertNo: s.typeCertNo ?? "", tags: s.tags.join(" "), remark: s.remark ?? "",
  };
}

/** Add / copy / modify one instrument (R-LED-1, R-LED-2) with the shared zod schema. */
export function InstrumentForm({ mode, id }: { mode: "create" | "copy" | "edit"; id?: number }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const router = useRouter();
  const options = useQuery(trpc.ledger.options.queryOptions(undefined, { staleTime: 60_000 }));
  const source = useQuery(trpc.ledger.byId.queryOptions({ id: id ?? 0 }, { enabled: mode !== "create" && !!id }));
  const form = useForm<FormValues, unknown, InstrumentFields>({ resolver: zodResolver(instrumentFields) as Resolver<FormValues, unknown, InstrumentFields>, defaultValues: EMPTY });
  // The 项别 shown: what the user picked, else the one of the instrument being edited or copied.
  const [pickedItem, setItemName] = useState<string | null>(null);
  const create = useMutation(trpc.ledger.create.mutationOptions());
  const update = useMutation(trpc.ledger.update.mutationOptions());
  const kinds = options.data?.kinds ?? [];
  const items = [...new Set(kinds.map((k) => k.itemName))];
  const kindId = useWatch({ control: form.control, name: "kindId" });
  const kind = kinds.find((k) => String(k.id) === String(kindId ?? ""));
  const itemName = pickedItem ?? (mode !== "create" ? source.data?.itemName : undefined) ?? "";

  useEffect(() => {
    if (source.data && mode !== "create") {
      form.reset(valuesFrom(source.data, mode === "copy"));
    }
  }, [source.data, mode, form]);

  // A new instrument is usually where the enterprise is.
  const homeCounty = options.data?.countyCode;
  useEffect(() => {
    if (mode === "create" && homeCounty && !form.getValues("countyCode")) form.setValue("countyCode", homeCounty);
  }, [mode, homeCounty, form]);

  async function onSubmit(values: InstrumentFields) {
    try {
      const { status: _s, ...rest } = values;
      void _s;
      const r = mode === "edit" ? await update.mutateAsync({ id: id!, fields: rest, expectedUpdatedAt: source.data?.updatedAt }) : await create.mutateAsync({ ...values, copiedFrom: mode === "copy" ? id : undefined });
      await qc.invalidateQueries({ queryKey: trpc.ledger.pathKey() });
      toast.success(mode === "edit" ? "已保存修改" : "已新增器具");
      router.push(`/enterprise/instruments/${r.id}`);
    } catch (e) {
      const msg = e instanceof Error ? e.message : "保存失败";
      if (msg.includes("出厂编号")) form.setError("serialNo", { message: msg });
      toast.error(msg);
    }
  }

  if (mode !== "create" && source.isPending) return <Skeleton className="h-96 w-full" />;
  if (source.error) return <p className="text-destructive">{source.error.message}</p>;

  const text = (name: keyof FormValues, label: string, opts: { required?: boolean; placeholder?: string; type?: string; description?: string } = {}) => (
    <FormField
      control={form.control}
      name={name}
      render={({ field }) => (
        <FormItem>
          <FormLabel>
            {label}
            {opts.required ? <span className="text-destructive">*</span> : null}
          </FormLabel>
          <FormControl>
            <Input type={opts.type} placeholder={opts.placeholder} {...field} value={(field.value as string | number | undefined) ?? ""} />
          </FormControl>
          {opts.description ? <FormDescription>{opts.description}</FormDescription> : null}
          <FormMessage />
        </FormItem>
      )}
    />
  );
  const choice = (name: "purpose" | "method" | "origin" | "status", label: string, labels: Record<string, string>, required = false) => (
    <FormField
      control={form.control}
      name={name}
      render={({ field }) => (
        <FormItem>
          <FormLabel>
            {label}
            {required ? <span className="text-destructive">*</span> : null}
          </FormLabel>
          <Select value={(field.value as string) ?? ""} onValueChange={field.onChange}>
            <FormControl>
              <SelectTrigger className="w-full">
                <SelectValue placeholder="请选择" />
              </SelectTrigger>
            </FormControl>
            <SelectContent>
              {Object.entries(labels).map(([v, l]) => (
                <SelectItem key={v} value={v}>
                  {l}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
          <FormMessage />
        </FormItem>
      )}
    />
  );

  return (
    <Form {...form}>
      <form onSubmit={form.handleSubmit(onSubmit)} className="space-y-6" noValidate>
        <section className="grid gap-4 rounded-lg border p-4 sm:grid-cols-2 lg:grid-cols-3">
          <h2 className="font-medium sm:col-span-2 lg:col-span-3">种别（项别 → 种别）</h2>
          <div className="space-y-2">
            <label htmlFor="ledger-item" className="text-sm font-medium">
              项别<span className="ml-1 text-destructive">*</span>
            </label>
            <Select
              value={itemName}
              onValueChange={(v) => {
                setItemName(v);
                form.setValue("kindId", "");
              }}
            >
              <SelectTrigger id="ledger-item" className="w-full">
                <SelectValue placeholder="请选择项别" />
              </SelectTrigger>
              <SelectContent>
                {items.map((i) => (
                  <SelectItem key={i} value={i}>
                    {i}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          </div>
          <FormField
            control={form.control}
            name="kindId"
            render={({ field }) => (
              <FormItem>
                <FormLabel>
                  种别<span className="text-destructive">*</span>
                </FormLabel>
                <Select value={String(field.value ?? "")} onValueChange={field.onChange} disabled={!itemName}>
                  <FormControl>
                    <SelectTrigger className="w-full">
                      <SelectValue placeholder={itemName ? "请选择种别" : "先选择项别"} />
                    </SelectTrigger>
                  </FormControl>
                  <SelectContent>
                    {kinds
                      .filter((k) => k.itemName === itemName)
                      .map((k) => (
                        <SelectItem key={k.id} value={String(k.id)} disabled={k.supervision === "P"}>
                          {k.name}（{k.supervision}）
                        </SelectItem>
                      ))}
                  </SelectContent>
                </Select>
                <FormMessage />
              </FormItem>
            )}
          />
          <div className="rounded-md bg-muted/50 p-3 text-sm" data-testid="kind-hint">
            {kind ? (
              <>
                <p>
                  监管方式：<b>{kind.supervision}</b>（{SUPERVISION_HINT[kind.supervision]}）
                </p>
                <p>强检用途：{kind.purposes.length ? kind.purposes.map((p) => PURPOSE_LABEL[p]).join("、") : "无"}</p>
              </>
            ) : (
              <p className="text-muted-foreground">选择种别后显示监管方式（P / V / P+V）和强检用途</p>
            )}
          </div>
        </section>

        <section className="grid gap-4 rounded-lg border p-4 sm:grid-cols-2 lg:grid-cols-3">
          <h2 className="font-medium sm:col-span-2 lg:col-span-3">器具信息</h2>
          {text("name", "器具名称", { required: true })}
          {text("model", "型号规格", { required: true })}
          {text("measuringRange", "测量范围")}
          {text("accuracyClass", "准确度等级")}
          {text("serialNo", "出厂编号", { required: true, description: "同一生产厂家下出厂编号不能重复" })}
          {text("ownNo", "自编号")}
          {text("manufacturer", "生产厂家", { required: true })}
          {choice("origin", "生产地", ORIGIN_LABEL)}
          {text("typeCertNo", "型式证书号")}
          {choice("purpose", "器具用途", PURPOSE_LABEL, true)}
          {choice("method", "检定方式", METHOD_LABEL, true)}
          {text("instrumentType", "器具类型")}
          {text("quantity", "器具数量", { type: "number" })}
          {text("purchaseDate", "购买日期", { type: "date" })}
          {mode === "edit" ? null : choice("status", "器具状态", { new: "新增", in_use: "在用" })}
        </section>

        <section className="grid gap-4 rounded-lg border p-4 sm:grid-cols-2 lg:grid-cols-3">
          <h2 className="font-medium sm:col-span-2 lg:col-span-3">使用信息</h2>
          {text("installLocation", "安装使用地点", { required: true })}
          {text("department", "部门", { description: "不超过 8 个字；新部门会自动建立" })}
          {text("tags", "自定义标签", { description: "多个标签用空格分隔" })}
          <FormField
            control={form.control}
            name="countyCode"
            render={({ field, fieldState }) => (
              <FormItem className="sm:col-span-2 lg:col-span-3">
                <FormLabel>
                  所在地（省/市/区县）<span className="text-destructive">*</span>
                </FormLabel>
                <RegionPicker idPrefix="ledger-form-region" value={(field.value as string) ?? ""} onChange={field.onChange} invalid={!!fieldState.error} />
                <FormMessage />
              </FormItem>
            )}
          />
          <FormField
            control={form.control}
            name="remark"
            render={({ field }) => (
              <FormItem className="sm:col-span-2 lg:col-span-3">
                <FormLabel>备注</FormLabel>
                <FormControl>
                  <Textarea rows={2} {...field} value={(field.value as string) ?? ""} />
                </FormControl>
                <FormMessage />
              </FormItem>
            )}
          />
        </section>

        <div className="flex gap-2">
          <Button type="submit" disabled={form.formState.isSubmitting}>
            {mode === "edit" ? "保存修改" : "保存"}
          </Button>
          <Button type="button" variant="outline" onClick={() => router.back()}>
            取消
          </Button>
        </div>
      </form>
    </Form>
  );
}
