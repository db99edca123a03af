/**
 * 年度检定计划 (issue 10 item 9): which instruments fall due in `year`, month by month.
 * The month is the one of the certificate's validUntil; in the current year an instrument already overdue, or
 * filed and never verified, is planned for this month (marked 已超期 / 首次检定). Stopped and scrapped
 * instruments are left out.
 */
export function plannedMonth(x: { validUntil: string | null; certificateNo: string | null; filingStatus: string }, year: number, today: string): { month: number; note: string } | null {
  const thisYear = Number(today.slice(0, 4));
  const thisMonth = Number(today.slice(5, 7));
  if (x.validUntil) {
    const y = Number(x.validUntil.slice(0, 4));
    if (y === year) return x.validUntil < today ? { month: thisYear === year ? thisMonth : Number(x.validUntil.slice(5, 7)), note: "已超期" } : { month: Number(x.validUntil.slice(5, 7)), note: "" };
    if (y < year && year === thisYear) return { month: thisMonth, note: "已超期" };
    return null;
  }
  if (year === thisYear && x.filingStatus === "filed" && !x.certificateNo) return { month: thisMonth, note: "首次检定" };
  return null;
}

