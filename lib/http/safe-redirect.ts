/** A base no request can come from: only used to tell whether a value stays on this site. */
const base = "http://interregio.invalid";

/**
 * The same-site path to return to after signing in, or "/" for anything else. Browsers read a backslash as a
 * slash and drop tabs and newlines inside URLs, so `/\evil.example` and `/<tab>/evil.example` lead off-site even
 * though they start with one slash: such values are refused outright rather than cleaned.
 */
export function safeCallbackPath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//")) return "/";
  // Control characters (C0, DEL, C1) and backslashes, raw or percent-encoded: none belongs in a path we make.
  if (/[\\\u0000-\u001f\u007f-\u009f]/.test(value) || /%(?:5c|[01][0-9a-f]|7f)/i.test(value)) return "/";
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return "/";
  }
  if (url.origin !== base) return "/";
  const path = url.pathname + url.search + url.hash;
  // `/%2F%2Fevil` decodes to a protocol-relative `//evil` on some servers: refuse a path that becomes one.
  if (path.startsWith("//") || decodesToTwoSlashes(url.pathname)) return "/";
  return path;
}

/** Whether a path, once decoded, starts with two slashes; a path that does not decode counts as one that does. */
function decodesToTwoSlashes(path: string): boolean {
  try {
    return decodeURIComponent(path).startsWith("//");
  } catch {
    return true;
  }
}

/**
 * next-auth's redirect callback: where to send the browser after signing in or out, given the callbackUrl a
 * client sent (any JSON value) and the site's origin. A path or an address on this site stays, made safe as
 * above; anything else goes to the site's root. next-auth's default throws on a value that is not a URL (a 500).
 */
export function sameSiteRedirect(url: unknown, baseUrl: string): string {
  if (typeof url !== "string") return baseUrl;
  if (url.startsWith("/")) return `${baseUrl}${safeCallbackPath(url)}`;
  try {
    const parsed = new URL(url);
    if (parsed.origin === baseUrl) return `${baseUrl}${safeCallbackPath(parsed.pathname + parsed.search + parsed.hash)}`;
  } catch {
    // Not an address at all: the root below.
  }
  return baseUrl;
}
