// postinstall: compiles src/ to dist/ so that `npx metrics-kit` and the library work right after `npm install`.
// (Installed from a registry tarball there is no src/: dist/ ships prebuilt and there is nothing to do.)
import { existsSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
if (existsSync(join(root, "src")) && existsSync(join(root, "node_modules", "typescript"))) {
  execFileSync(process.execPath, [join(root, "scripts", "build.mjs")], { stdio: "inherit" });
  console.log("metrics-kit: built dist/ — try `npm start` (summary of the bundled sample) or `npx metrics-kit --help`");
}
