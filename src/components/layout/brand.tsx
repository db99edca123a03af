import Link from "next/link";
import { ShieldCheck } from "lucide-react";

export function Brand({ href = "/" }: { href?: string }) {
  return (
    <Link href={href} className="flex items-center gap-2 font-semibold text-primary">
      <ShieldCheck className="size-6" aria-hidden />
      <span className="text-lg tracking-wide">强检通</span>
      <span className="hidden text-xs font-normal text-muted-foreground sm:inline">计量器具强制检定服务平台</span>
    </Link>
  );
}
