import Link from "next/link";
import { Button } from "@/components/ui/button";

/** An unknown, mistyped or altered token (R-PUB-1): a plain answer, nothing about why. */
export default function NotFound() {
  return (
    <div className="mx-auto flex max-w-md flex-col items-center gap-4 py-16 text-center" data-testid="verify-not-found">
      <h1 className="text-2xl font-semibold">未找到该证书</h1>
      <p className="text-muted-foreground">二维码或链接无效，可能是链接不完整或被改动。请重新扫描证书上的二维码，或向出具证书的检定机构核实。</p>
      <Button asChild variant="outline">
        <Link href="/">返回首页</Link>
      </Button>
    </div>
  );
}
