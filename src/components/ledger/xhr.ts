"use client";

/**
 * Uploads with XMLHttpRequest because it reports upload progress (fetch and server actions do not). The
 * answer is either JSON, or NDJSON lines ({type:"progress"…} … {type:"result"|"error"}) read as they arrive.
 */
export function xhrUpload(
  url: string,
  form: FormData,
  handlers: { onUpload?: (fraction: number) => void; onLine?: (line: Record<string, unknown>) => void } = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    let seen = 0;
    const flush = () => {
      const text = xhr.responseText;
      const end = text.lastIndexOf("\n");
      if (end < seen) return;
      for (const line of text.slice(seen, end).split("\n")) {
        if (!line.trim()) continue;
        try {
          handlers.onLine?.(JSON.parse(line));
        } catch {
          /* a partial line is completed by the next chunk */
        }
      }
      seen = end + 1;
    };
    xhr.upload.onprogress = (e) => e.lengthComputable && handlers.onUpload?.(e.loaded / e.total);
    xhr.onprogress = () => handlers.onLine && flush();
    xhr.onload = () => {
      if (handlers.onLine) flush();
      resolve({ status: xhr.status, body: xhr.responseText });
    };
    xhr.onerror = () => reject(new Error("网络错误，请检查网络后重试"));
    xhr.send(form);
  });
}

/** The Chinese message of a JSON error answer. */
export function errorMessage(body: string, fallback = "操作失败，请稍后重试"): string {
  try {
    return (JSON.parse(body) as { message?: string }).message ?? fallback;
  } catch {
    return fallback;
  }
}

/** Saves a response body as a download. */
export function saveBlob(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
