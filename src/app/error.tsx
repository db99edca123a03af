"use client";

import { Button } from "@/components/ui/button";

/** Never a stack trace: a plain Chinese message and a way to try again. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="flex min-h-[60dvh] flex-col items-center justify-center gap-4 p-6 text-center">
      <h1 className="text-xl font-semibold">页面出错了</h1>
      <p className="text-muted-foreground">系统繁忙或网络异常，请稍后再试。</p>
      <Button onClick={reset}>重试</Button>
    </div>
  );
}
