/**
 * The security headers, in one place for next.config.ts (every response) and the proxy (pages and its own
 * answers). Pure: the proxy bundle and the config both import it.
 */

/** Headers that are the same on every response. */
export const fixedSecurityHeaders: ReadonlyArray<{ key: string; value: string }> = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // Old browsers that do not read CSP's frame-ancestors.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

/** One year, as the HSTS preload list asks; only ever sent over HTTPS. */
export const strictTransportSecurity = "max-age=31536000; includeSubDomains";

/** For responses that are not pages (the JSON API): nothing may load from them or frame them. */
export const apiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

/**
 * The pages' policy. Scripts run only with this response's nonce (Next puts it on its own scripts), and what
 * they load ('strict-dynamic'); styles may be inline, as Next and Tailwind write some. Development needs
 * 'unsafe-eval' for React's error overlays.
 */
export function contentSecurityPolicy(nonce: string, development = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
}

/** A fresh, unguessable nonce: 16 random bytes in base64. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** Whether the reader reached us over HTTPS: the public address says so, or the TLS-ending proxy in front does. */
export function servedOverHttps(forwardedProto: string | null, publicUrl: string | undefined, requestProtocol?: string): boolean {
  if (publicUrl?.startsWith("https:")) return true;
  if (requestProtocol === "https:") return true;
  return (forwardedProto ?? "").split(",")[0]?.trim().toLowerCase() === "https";
}
