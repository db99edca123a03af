/**
 * Words of the appointment timeline (AppointmentHistoryEntry.action), shown to both sides. Steps written by
 * other parts (reception, results, certificates) read "办理" until they add their word here.
 */
export const APPOINTMENT_HISTORY_LABEL: Record<string, string> = {
  created: "创建预约单",
  submitted: "提交预约",
  confirmed: "机构确认预约",
  rescheduled: "机构修改预约时间",
  rejected: "机构拒绝预约",
  item_cancelled: "企业取消器具",
  cancelled: "预约已取消",
  received: "接收登记",
  returned: "退单",
  result: "登记检定结果",
  completed: "检定完成",
};

export const historyLabel = (action: string) => APPOINTMENT_HISTORY_LABEL[action] ?? "办理";
