/**
 * `npm run bench`: runs every bench/*.bench.ts in its own process (so one benchmark's garbage does not slow the
 * next) and prints each figure beside its budget from ARCHITECTURE.md section 9.
 */
import { spawnSync } from "child_process";
import { readdirSync } from "fs";
import path from "path";

const only = process.argv[2];
const files = readdirSync(__dirname)
  .filter((file) => file.endsWith(".bench.ts") && (only === undefined || file.includes(only)))
  .sort();
let failed = false;
for (const file of files) {
  console.log(`\n== ${file}`);
  const result = spawnSync(
    process.execPath,
    ["--require", path.join(__dirname, "textFiles.cjs"), "--import", "tsx", path.join(__dirname, file)],
    { stdio: "inherit" },
  );
  if (result.status !== 0) failed = true;
}
process.exitCode = failed ? 1 : 0;
