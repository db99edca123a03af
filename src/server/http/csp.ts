/**
 * The Content-Security-Policy of every page (issue 9 #6), built per request around a fresh nonce by
 * src/proxy.ts. Next reads the nonce back from the request's CSP header and puts it on its own scripts, so
 * only scripts the server rendered run: an injected inline script or a script from elsewhere is blocked
 * ('strict-dynamic' lets the nonced scripts load the page's chunks). Styles allow 'unsafe-inline' because
 * Radix positions popovers with style attributes and Sonner injects its stylesheet at run time; a style
 * cannot run code. 'unsafe-eval' only in development, where React uses eval for error overlays.
 */
export function contentSecurityPolicy(nonce: string, opts: { dev?: boolean } = {}): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(opts.dev ? ["'unsafe-eval'"] : [])],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    // The reception scanner shows the camera stream in a <video> (srcObject; blob: for older engines).
    "media-src": ["'self'", "blob:"],
    "connect-src": ["'self'", ...(opts.dev ? ["ws:"] : [])],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join("; ");
}

/**
 * Browser features: the camera only for this site itself (接收登记 scans the appointment sheet's QR code or
 * barcode, issue 10 item 5), never for anything it might embed; the rest denied to all.
 */
export const PERMISSIONS_POLICY = "camera=(self), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=()";

/** A nonce: 128 random bits, base64 (fresh for every request). */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}
