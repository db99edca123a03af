import { clsx, type ClassValue } from "clsx";
import { twMerge } from "tailwind-merge";

/** 合并 Tailwind 类名：clsx 负责条件拼接，tailwind-merge 负责去除冲突类。 */
export function cn(...inputs: ClassValue[]): string {
  return twMerge(clsx(inputs));
}
