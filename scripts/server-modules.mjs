// Lets a command (scripts/import.ts) load the app's server modules outside Next: their `import "server-only"`
// guards against a browser bundle, and Next resolves it to an empty module on the server, as this does.
import { register } from "node:module";

const empty = new URL("../node_modules/server-only/empty.js", import.meta.url).href;
const hook = `export async function resolve(specifier, context, next) {
  return specifier === "server-only" ? { url: ${JSON.stringify(empty)}, shortCircuit: true } : next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`, import.meta.url);
