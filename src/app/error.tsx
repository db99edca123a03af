"use client";

/**
 * Never a stack trace: a plain Chinese message and a way to try again.
 * The root error boundary's code loads with every page, the public ones too (issue 11 #7), so its button is a
 * plain <button> with the default Button's look rather than <Button>, whose Radix Slot, cva and tailwind-merge
 * added ~33 KiB to each of them.
 */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="flex min-h-[60dvh] flex-col items-center justify-center gap-4 p-6 text-center">
      <h1 className="text-xl font-semibold">页面出错了</h1>
      <p className="text-muted-foreground">系统繁忙或网络异常，请稍后再试。</p>
      <button
        type="button"
        onClick={reset}
        className="inline-flex h-9 items-center justify-center rounded-md bg-primary px-4 py-2 text-sm font-medium text-primary-foreground shadow-xs outline-none transition-all hover:bg-primary/90 focus-visible:ring-[3px] focus-visible:ring-ring/50"
      >
        重试
      </button>
    </div>
  );
}
