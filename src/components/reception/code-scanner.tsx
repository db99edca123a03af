"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { extractAppointmentNumber } from "@/lib/schemas/reception";

type Controls = { stop: () => void };

/** What the browser said, in words the front desk can act on (issue 10 item 5). */
export function cameraProblem(err: unknown): string {
  const name = (err as { name?: string } | null)?.name ?? "";
  if (name === "NotAllowedError" || name === "SecurityError" || name === "PermissionDeniedError")
    return "未获得摄像头权限：请在浏览器地址栏左侧的权限设置中允许本网站使用摄像头后重试，或直接输入预约单号。";
  if (name === "NotFoundError" || name === "DevicesNotFoundError" || name === "OverconstrainedError") return "未检测到可用的摄像头，请直接输入预约单号。";
  if (name === "NotReadableError" || name === "TrackStartError") return "摄像头正被其他程序占用，请关闭其他使用摄像头的程序后重试。";
  return "无法打开摄像头，请直接输入预约单号。";
}

/**
 * 扫码: reads the appointment sheet's QR code or Code 128 barcode from the phone or laptop camera (the back
 * camera on a phone) with @zxing/browser, loaded only when the user starts it. Calls `onNumber` with the
 * first appointment number it sees and stops the camera.
 */
export function CodeScanner({ onNumber, onClose }: { onNumber: (n: string) => void; onClose: () => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState("正在打开摄像头…");

  useEffect(() => {
    let controls: Controls | null = null;
    let done = false;
    (async () => {
      if (typeof navigator === "undefined" || !navigator.mediaDevices?.getUserMedia) {
        setProblem("当前浏览器不支持摄像头扫码（须通过 HTTPS 访问本平台），请直接输入预约单号。");
        return;
      }
      try {
        const [{ BrowserMultiFormatReader }, { BarcodeFormat, DecodeHintType }] = await Promise.all([import("@zxing/browser"), import("@zxing/library")]);
        const hints = new Map<number, unknown>([
          [DecodeHintType.POSSIBLE_FORMATS, [BarcodeFormat.QR_CODE, BarcodeFormat.CODE_128]],
          [DecodeHintType.TRY_HARDER, true],
        ]);
        const reader = new BrowserMultiFormatReader(hints, { delayBetweenScanAttempts: 150 });
        if (done || !video.current) return;
        controls = await reader.decodeFromConstraints({ audio: false, video: { facingMode: { ideal: "environment" } } }, video.current, (result) => {
          if (!result || done) return;
          const n = extractAppointmentNumber(result.getText());
          if (!n) {
            setStatus("识别到的条码不是预约单号，请对准预约单上的二维码或条形码");
            return;
          }
          done = true;
          controls?.stop();
          onNumber(n);
        });
        if (done) controls.stop();
        else setStatus("请将预约单上的二维码或条形码对准取景框");
      } catch (err) {
        setProblem(cameraProblem(err));
      }
    })();
    return () => {
      done = true;
      controls?.stop();
    };
  }, [onNumber]);

  return (
    <div className="space-y-2 rounded-md border p-3" data-testid="code-scanner">
      {problem ? (
        <p role="alert" className="text-sm text-destructive">
          {problem}
        </p>
      ) : (
        <>
          <div className="relative mx-auto aspect-[4/3] w-full max-w-md overflow-hidden rounded bg-black">
            <video ref={video} className="h-full w-full object-cover" muted playsInline aria-label="摄像头取景" />
            <div className="pointer-events-none absolute inset-[15%] rounded border-2 border-white/80" />
          </div>
          <p className="text-center text-sm text-muted-foreground" aria-live="polite">
            {status}
          </p>
        </>
      )}
      <div className="flex justify-end">
        <Button type="button" variant="outline" size="sm" onClick={onClose}>
          关闭扫码
        </Button>
      </div>
    </div>
  );
}
