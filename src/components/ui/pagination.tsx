import * as React from "react";
import {
  ChevronLeftIcon,
  ChevronRightIcon,
  MoreHorizontalIcon,
} from "lucide-react";

import { cn } from "@/lib/utils";
import { Button, buttonVariants } from "@/components/ui/button";

/* ---------- shadcn 风格的分页基础组件（页码链接式） ---------- */

function Pagination({
  className,
  "aria-label": ariaLabel = "分页",
  ...props
}: React.ComponentProps<"nav">) {
  return (
    <nav
      aria-label={ariaLabel}
      data-slot="pagination"
      className={cn("mx-auto flex w-full justify-center", className)}
      {...props}
    />
  );
}

function PaginationContent({
  className,
  ...props
}: React.ComponentProps<"ul">) {
  return (
    <ul
      data-slot="pagination-content"
      className={cn("flex flex-row flex-wrap items-center gap-1", className)}
      {...props}
    />
  );
}

function PaginationItem(props: React.ComponentProps<"li">) {
  return <li data-slot="pagination-item" {...props} />;
}

type PaginationLinkProps = {
  isActive?: boolean;
} & Pick<React.ComponentProps<typeof Button>, "size"> &
  React.ComponentProps<"a">;

function PaginationLink({
  className,
  isActive,
  size = "icon",
  ...props
}: PaginationLinkProps) {
  return (
    <a
      aria-current={isActive ? "page" : undefined}
      data-slot="pagination-link"
      data-active={isActive}
      className={cn(
        buttonVariants({
          variant: isActive ? "outline" : "ghost",
          size,
        }),
        className,
      )}
      {...props}
    />
  );
}

function PaginationPrevious({
  className,
  ...props
}: React.ComponentProps<typeof PaginationLink>) {
  return (
    <PaginationLink
      aria-label="转到上一页"
      size="default"
      className={cn("gap-1 px-2.5 sm:pl-2.5", className)}
      {...props}
    >
      <ChevronLeftIcon aria-hidden="true" />
      <span>上一页</span>
    </PaginationLink>
  );
}

function PaginationNext({
  className,
  ...props
}: React.ComponentProps<typeof PaginationLink>) {
  return (
    <PaginationLink
      aria-label="转到下一页"
      size="default"
      className={cn("gap-1 px-2.5 sm:pr-2.5", className)}
      {...props}
    >
      <span>下一页</span>
      <ChevronRightIcon aria-hidden="true" />
    </PaginationLink>
  );
}

function PaginationEllipsis({
  className,
  ...props
}: React.ComponentProps<"span">) {
  return (
    <span
      data-slot="pagination-ellipsis"
      className={cn("flex size-9 items-center justify-center", className)}
      {...props}
    >
      <MoreHorizontalIcon aria-hidden="true" className="size-4" />
      <span className="sr-only">更多页</span>
    </span>
  );
}

/* ---------- 游标（keyset）分页器：只有“上一页 / 下一页” ---------- */

type KeysetPaginationProps = Omit<React.ComponentProps<"nav">, "children"> & {
  hasPrev: boolean;
  hasNext: boolean;
  onPrev: () => void;
  onNext: () => void;
  /** 可选的摘要信息，如“第 2 页 · 每页 20 条”，变化时会被读屏播报。 */
  summary?: React.ReactNode;
  /** 加载中时禁用两个按钮。 */
  disabled?: boolean;
};

function KeysetPagination({
  hasPrev,
  hasNext,
  onPrev,
  onNext,
  summary,
  disabled = false,
  className,
  "aria-label": ariaLabel = "分页",
  ...props
}: KeysetPaginationProps) {
  return (
    <nav
      aria-label={ariaLabel}
      data-slot="keyset-pagination"
      className={cn(
        "no-print flex w-full flex-wrap items-center justify-between gap-2",
        className,
      )}
      {...props}
    >
      <div
        className="min-w-0 text-sm text-muted-foreground"
        aria-live="polite"
        aria-atomic="true"
      >
        {summary}
      </div>
      <div className="ml-auto flex items-center gap-2">
        <Button
          type="button"
          variant="outline"
          size="sm"
          onClick={onPrev}
          disabled={disabled || !hasPrev}
        >
          <ChevronLeftIcon aria-hidden="true" />
          上一页
        </Button>
        <Button
          type="button"
          variant="outline"
          size="sm"
          onClick={onNext}
          disabled={disabled || !hasNext}
        >
          下一页
          <ChevronRightIcon aria-hidden="true" />
        </Button>
      </div>
    </nav>
  );
}

export {
  Pagination,
  PaginationContent,
  PaginationLink,
  PaginationItem,
  PaginationPrevious,
  PaginationNext,
  PaginationEllipsis,
  KeysetPagination,
  type KeysetPaginationProps,
};
