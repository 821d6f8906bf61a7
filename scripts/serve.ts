/**
 * The app's server: Next's request handler behind node:http, so that every request passes through
 * `prepareIncoming` (lib/http/incoming.ts) first: the client's real address from the socket, forwarded headers
 * only from trusted proxies, no chunked bodies. `npm start`, the end-to-end tests and the benchmark serve
 * through it; in production run `npm run serve` (after `npm run build`) rather than `next start`.
 *
 *   PORT=3000 HOST=0.0.0.0 npm run serve          the production build
 *   tsx scripts/serve.ts --dev                    next dev, the same way
 */
import { createServer } from "node:http";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";
import { prepareIncoming, trustedProxyHops } from "../lib/http/incoming.ts";

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "0.0.0.0";

async function main() {
  const app = next({ dev, dir: projectRoot, hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const hops = trustedProxyHops();
  const server = createServer((request, response) => {
    if (prepareIncoming(request, response, hops)) void handle(request, response);
  });
  server.listen(port, hostname, () => console.log(`Serving on http://${hostname}:${port}${dev ? " (development)" : ""}`));
  const stop = () => server.close(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
