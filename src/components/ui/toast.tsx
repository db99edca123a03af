"use client";

import * as React from "react";
import { Toaster as Sonner, type ToasterProps } from "sonner";

/**
 * 全局消息提示容器。在根布局中挂载一次：`<Toaster />`，
 * 之后在客户端组件里调用 `toast.success("已保存")` 等。
 */
function Toaster({ toastOptions, ...props }: ToasterProps) {
  return (
    <Sonner
      richColors
      position="top-center"
      containerAriaLabel="通知"
      className="toaster group"
      toastOptions={{ closeButtonAriaLabel: "关闭通知", ...toastOptions }}
      style={
        {
          "--normal-bg": "var(--popover)",
          "--normal-text": "var(--popover-foreground)",
          "--normal-border": "var(--border)",
          "--border-radius": "var(--radius)",
          fontFamily: "inherit",
        } as React.CSSProperties
      }
      {...props}
    />
  );
}

export { Toaster, type ToasterProps };
export { toast } from "sonner";
