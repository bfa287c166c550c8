import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { join } from "node:path";

const root = join(__dirname, "..", "..");

test("npm run notebook starts Jupyter on notebooks/ with the project's tslab kernel", async () => {
  const token = "metrics-kit-test";
  const port = 18000 + Math.floor(Math.random() * 1000);
  const child = spawn(process.execPath, [join(root, "scripts", "notebook.mjs"), "--no-browser", `--port=${port}`, `--NotebookApp.token=${token}`], { cwd: root, detached: true });
  let log = "";
  child.stdout.on("data", (d) => (log += d));
  child.stderr.on("data", (d) => (log += d));
  try {
    const deadline = Date.now() + 30_000;
    let specs: { kernelspecs: Record<string, { spec: { argv: string[] } }> } | undefined;
    let tree = "";
    while (!specs && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
      try {
        const r = await fetch(`http://127.0.0.1:${port}/api/kernelspecs?token=${token}`);
        if (r.ok) specs = await r.json() as typeof specs;
        tree = await (await fetch(`http://127.0.0.1:${port}/api/contents?token=${token}`)).text();
      } catch { /* not up yet */ }
    }
    assert.ok(specs, `Jupyter did not answer:\n${log}`);
    assert.equal(specs!.kernelspecs.tslab.spec.argv[0], join(root, "node_modules", ".bin", "tslab"));
    assert.match(tree, /ability_analysis\.ipynb/);
  } finally {
    if (child.exitCode === null) process.kill(-child.pid!, "SIGTERM");
  }
});
