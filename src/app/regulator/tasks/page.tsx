import type { Metadata } from "next";
import { TasksBoard } from "@/components/regulator/tasks-board";

export const metadata: Metadata = { title: "任务分配" };

export default function Page() {
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">任务分配</h1>
        <p className="text-sm text-muted-foreground">
          将本辖区待处理的备案或尚未接收的预约转给具备检定能力的机构。预约转派后日期不变，回到“已提交”，由新机构确认或改期。
        </p>
      </div>
      <TasksBoard />
    </div>
  );
}
