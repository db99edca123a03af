import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";

/** The three states of every list: loading (skeleton), nothing to show (empty state), or the rows. */
export function ListState({
  pending,
  empty,
  emptyTitle,
  emptyDescription,
  emptyAction,
  children,
}: {
  pending: boolean;
  empty: boolean;
  emptyTitle?: string;
  emptyDescription?: React.ReactNode;
  emptyAction?: React.ReactNode;
  children: React.ReactNode;
}) {
  if (pending) return <Skeleton className="h-40 w-full" />;
  if (empty) return <EmptyState title={emptyTitle} description={emptyDescription} action={emptyAction} />;
  return <>{children}</>;
}
