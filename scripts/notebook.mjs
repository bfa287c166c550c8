// npm run notebook: starts Jupyter (the classic Notebook from Debian's packages) on notebooks/ with the project's
// tslab kernel registered. Extra arguments go to Jupyter (e.g. -- --port 8899 --no-browser).
import { spawn } from "node:child_process";
import { join } from "node:path";
import { PYTHON } from "./system.mjs";
import { requireKernel, jupyterEnv, root } from "./kernel.mjs";

requireKernel();
console.log("metrics-kit: starting Jupyter on notebooks/ (kernel: TypeScript, tslab); Ctrl-C stops it");
// Jupyter refuses to run as root without --allow-root (containers, CI): pass it there.
const asRoot = process.getuid?.() === 0 ? ["--allow-root"] : [];
const child = spawn(PYTHON, ["-m", "notebook", `--notebook-dir=${join(root, "notebooks")}`, ...asRoot, ...process.argv.slice(2)], { stdio: "inherit", env: jupyterEnv() });
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
for (const s of ["SIGINT", "SIGTERM"]) process.on(s, () => child.kill(s));
