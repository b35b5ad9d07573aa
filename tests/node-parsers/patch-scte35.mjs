// Comcast's scte35 0.2.4 publishes ES modules (build/lib) whose relative imports lack the ".js" suffix and whose
// package.json does not say "type": "module"; Node 20 loads neither. This gives the imports their suffix and marks
// build/lib as ES modules. Idempotent; run by .ci/deps after `npm ci`.
import { readFileSync, writeFileSync, readdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const lib = join(dirname(fileURLToPath(import.meta.url)), "node_modules", "scte35", "build", "lib");
for (const name of readdirSync(lib).filter((n) => n.endsWith(".js"))) {
  const path = join(lib, name);
  const source = readFileSync(path, "utf8");
  const patched = source.replace(/(from\s+["'])(\.{1,2}\/[^"']+?)(?<!\.js)(["'])/g, "$1$2.js$3");
  if (patched !== source) writeFileSync(path, patched);
}
writeFileSync(join(lib, "package.json"), JSON.stringify({ type: "module" }) + "\n");
