"use client";

import * as React from "react";
import { Toaster as Sonner, type ToasterProps } from "sonner";

/**
 * 消息提示容器，由 AppProviders（src/components/layout/app-providers.tsx）挂载在用到它的框架里
 * （工作台、账户页、注册与找回密码），不在根布局：公开页面不加载它。之后在其下的客户端组件里调用
 * `toast.success("已保存")` 等。
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
