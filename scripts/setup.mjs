// postinstall: everything `npm start`, `npm test` and the notebooks need after `npm install`.
// 1. compiles src/ to dist/ (the CLI, the library, and what the notebooks import);
// 2. installs Jupyter, Chromium and a CJK font from Debian's packages where the machine allows it (Debian/Ubuntu,
//    root or passwordless sudo), saying so; METRICS_KIT_NO_APT=1 opts out; elsewhere prints the one command to run;
// 3. registers the project's tslab kernel (its own binary, absolute path) under .jupyter/.
// Installed from a registry tarball there is no src/: dist/ ships prebuilt and steps 1 and 3 have nothing to do.
import { existsSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { APT_PACKAGES, INSTALL_COMMAND, OPT_OUT, aptAccess, aptInstall, missingSystemPackages, osName } from "./system.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const say = (s) => console.log(`metrics-kit: ${s}`);

if (existsSync(join(root, "src")) && existsSync(join(root, "node_modules", "typescript"))) {
  execFileSync(process.execPath, [join(root, "scripts", "build.mjs")], { stdio: "inherit" });
  say("built dist/");
}

let missing = missingSystemPackages();
if (missing.length) {
  const access = aptAccess();
  if (process.env[OPT_OUT] === "1") {
    say(`${missing.join(", ")} missing; ${OPT_OUT}=1, so not installing. The notebooks and npm test need them:\n  ${INSTALL_COMMAND}`);
  } else if (access) {
    say(`installing ${APT_PACKAGES.join(", ")} from ${osName()}'s packages with apt-get${access === "sudo" ? " (sudo)" : ""} for the notebooks and the browser tests (${OPT_OUT}=1 skips this)`);
    try {
      aptInstall(access);
      missing = missingSystemPackages();
    } catch (error) {
      say(`apt-get failed (${error instanceof Error ? error.message.split("\n")[0] : error}); run it yourself:\n  ${INSTALL_COMMAND}`);
    }
  } else {
    say(`${missing.join(", ")} missing (needed by the notebooks and npm test); this machine does not let npm install them (${osName()}, not root). Run:\n  ${INSTALL_COMMAND}`);
  }
}

if (!missing.includes("jupyter") && existsSync(join(root, "node_modules", ".bin", "tslab"))) {
  const { ensureKernel } = await import("./kernel.mjs");
  ensureKernel();
  say("tslab kernel registered for this project (.jupyter/); `npm run notebook` opens the notebooks");
}
say("try `npm start` (report and summary of the bundled sample) or `npx metrics-kit --help`");
