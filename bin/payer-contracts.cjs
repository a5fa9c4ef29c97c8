#!/usr/bin/env node
// `npx payer-contracts`: runs the TypeScript of src/cli with tsx (no build step), so the tool is the code in the repo.
require("tsx/cjs/api").register();
const { runCli } = require("../src/cli/main.ts");
const { EXIT_CODES } = require("../src/cli/cliIssues.ts");

runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
}).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(
      `Internal error (please report it): ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exit(EXIT_CODES.internalError);
  },
);
