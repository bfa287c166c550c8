// What the notebook and browser tests need from the system, how to tell whether it is there, and how to install it.
// Shared by setup.mjs (npm install), test.mjs (npm test), notebooks.mjs and .ci/run.
import { existsSync, readFileSync } from "node:fs";
import { execFileSync, spawnSync } from "node:child_process";
import { createRequire } from "node:module";

// The library's own Chromium lookup (dist/ is built before anything asks what is missing).
const findChromium = () => createRequire(import.meta.url)("../dist/browser/chromium.js").findChromium();

/** Debian's python with Jupyter (not the python3 on PATH); METRICS_KIT_PYTHON overrides it. */
export const PYTHON = process.env.METRICS_KIT_PYTHON || "/usr/bin/python3";
/** Debian's packages: Jupyter (nbconvert, nbclient, the classic Notebook), Chromium, a CJK font for the charts' labels. */
export const APT_PACKAGES = ["jupyter-nbconvert", "python3-nbclient", "jupyter-notebook", "chromium", "fonts-wqy-microhei"];
export const INSTALL_COMMAND = `sudo apt-get update && sudo apt-get install -y --no-install-recommends ${APT_PACKAGES.join(" ")}`;
export const OPT_OUT = "METRICS_KIT_NO_APT";

/** What is missing: "jupyter" (nbconvert/nbclient/notebook under /usr/bin/python3), "chromium", "cjk-font". */
export function missingSystemPackages() {
  const missing = [];
  const py = existsSync(PYTHON) && spawnSync(PYTHON, ["-c", "import nbclient, nbconvert, notebook"], { stdio: "ignore" }).status === 0;
  if (!py) missing.push("jupyter");
  if (!findChromium()) missing.push("chromium");
  if (!existsSync("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc") && spawnSync("sh", ["-c", "fc-list :lang=zh | grep -q ."], { stdio: "ignore" }).status !== 0) missing.push("cjk-font");
  return missing;
}

/** How apt-get can be run here: "root", "sudo" (passwordless), or null (not Debian/Ubuntu, or no rights). */
export function aptAccess() {
  if (!existsSync("/etc/debian_version") || !existsSync("/usr/bin/apt-get")) return null;
  if (process.getuid?.() === 0) return "root";
  return spawnSync("sudo", ["-n", "true"], { stdio: "ignore" }).status === 0 ? "sudo" : null;
}

/** Installs the Debian packages (as root or with sudo); inherits stdio so the user sees apt's output. */
export function aptInstall(access) {
  const run = (args) => execFileSync(access === "sudo" ? "sudo" : args[0], access === "sudo" ? args : args.slice(1), { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  run(["apt-get", "update"]);
  run(["apt-get", "install", "-y", "--no-install-recommends", ...APT_PACKAGES]);
}

/** The message npm test fails with when something is missing. */
export function missingMessage(missing) {
  return `metrics-kit: the notebook and browser tests need ${missing.join(", ")}; install with:\n  ${INSTALL_COMMAND}\n` +
    `(npm install does this itself on Debian/Ubuntu as root or with passwordless sudo, unless ${OPT_OUT}=1)`;
}

/** The OS's name from /etc/os-release, for messages. */
export function osName() {
  try {
    return /^PRETTY_NAME="?([^"\n]*)/m.exec(readFileSync("/etc/os-release", "utf8"))?.[1] ?? "unknown";
  } catch {
    return "unknown";
  }
}
