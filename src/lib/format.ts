/** Date and time as people in China read them, in the platform's time zone (R-TIME-1). */
const TZ = process.env.NEXT_PUBLIC_APP_TIME_ZONE ?? "Asia/Shanghai";

const dateTime = new Intl.DateTimeFormat("zh-CN", {
  timeZone: TZ,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hour12: false,
});

export function formatDateTime(d: Date | string | null | undefined): string {
  if (!d) return "—";
  return dateTime.format(typeof d === "string" ? new Date(d) : d).replace(/\//g, "-");
}
