import * as React from "react";
import { InboxIcon } from "lucide-react";

import { cn } from "@/lib/utils";

type EmptyStateProps = Omit<React.ComponentProps<"div">, "title"> & {
  /** 图标元素，如 `<FileTextIcon />`；默认收件箱图标。传 null 不显示图标。 */
  icon?: React.ReactNode;
  /** 标题，默认“暂无数据”。 */
  title?: React.ReactNode;
  description?: React.ReactNode;
  /** 可选操作区，如一个“新建”按钮。 */
  action?: React.ReactNode;
};

function EmptyState({
  icon = <InboxIcon />,
  title = "暂无数据",
  description,
  action,
  className,
  ...props
}: EmptyStateProps) {
  return (
    <div
      data-slot="empty-state"
      className={cn(
        "flex flex-col items-center justify-center gap-3 rounded-lg border border-dashed px-4 py-10 text-center",
        className,
      )}
      {...props}
    >
      {icon ? (
        <div
          aria-hidden="true"
          className="flex size-12 items-center justify-center rounded-full bg-muted text-muted-foreground [&_svg:not([class*='size-'])]:size-6"
        >
          {icon}
        </div>
      ) : null}
      <div className="flex max-w-md flex-col gap-1">
        <p className="text-base font-medium text-foreground">{title}</p>
        {description ? (
          <div className="text-sm text-muted-foreground">{description}</div>
        ) : null}
      </div>
      {action ? (
        <div className="mt-1 flex flex-wrap items-center justify-center gap-2">
          {action}
        </div>
      ) : null}
    </div>
  );
}

export { EmptyState, type EmptyStateProps };
