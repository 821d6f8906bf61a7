import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { actionBodyLimit, importUploadBodyBytes } from "./lib/http/body-size";
import { apiContentSecurityPolicy, fixedSecurityHeaders, strictTransportSecurity } from "./lib/http/security-headers";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  output: "standalone",
  // argon2 and pg load native or optional modules that the bundler should leave to Node; pdfmake (the briefing
  // PDF) finds its font files beside its own code; prom-client is the one copy the server script loads too.
  serverExternalPackages: ["argon2", "pg", "@prisma/adapter-pg", "pdfmake", "prom-client"],
  poweredByHeader: false,
  typedRoutes: false,
  experimental: {
    // Stated rather than left to the default: the staff form (lib/http/body-size.ts) checks the same limit before it
    // sends, and the proxy answers 413 above it.
    serverActions: { bodySizeLimit: actionBodyLimit.text },
    // The proxy buffers a request's body for the route after it and cuts it at this size (10 MB by default):
    // the import's upload (app/api/staff/imports) takes a spreadsheet of up to 20 MB.
    proxyClientMaxBodySize: importUploadBodyBytes,
  },
  async headers() {
    return [
      // Every response. The proxy adds the pages' CSP with its nonce, and HSTS when the public address is HTTPS.
      { source: "/:path*", headers: [...fixedSecurityHeaders] },
      // Behind a TLS-ending proxy, for the responses the proxy does not see (the JSON API, static files).
      {
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [{ key: "Strict-Transport-Security", value: strictTransportSecurity }],
      },
      // The JSON API is not a page: nothing loads from it or frames it. (Pages get theirs from the proxy.)
      { source: "/api/v1/:path*", headers: [{ key: "Content-Security-Policy", value: apiContentSecurityPolicy }] },
    ];
  },
};

export default withNextIntl(nextConfig);
