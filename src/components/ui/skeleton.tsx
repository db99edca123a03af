import * as React from "react";

import { cn } from "@/lib/utils";

/** 加载占位块（纯装饰，已对读屏隐藏；请在外层容器上设置 aria-busy 或提供“加载中”文字）。 */
function Skeleton({ className, ...props }: React.ComponentProps<"div">) {
  return (
    <div
      data-slot="skeleton"
      aria-hidden="true"
      className={cn("animate-pulse rounded-md bg-muted", className)}
      {...props}
    />
  );
}

export { Skeleton };
