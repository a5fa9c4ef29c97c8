#!/usr/bin/env node
// Prints each built bundle's size, raw and gzipped, beside the budgets of ARCHITECTURE.md section 9 and issue 20 (the
// add-in page's scripts together), and fails the build when one is over.
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const dist = path.join(__dirname, "..", "dist");
const budgetsKb = { "taskpane.js": 350, "functions.js": 120 };
/** What the add-in page downloads and parses before the task pane shows: every script taskpane.html names. */
const pageBudgetKb = 300;

const rows = fs
  .readdirSync(dist)
  .filter((file) => /\.(js|html|json)$/.test(file))
  .map((file) => {
    const bytes = fs.readFileSync(path.join(dist, file));
    return { file, kb: bytes.length / 1024, gzipKb: zlib.gzipSync(bytes, { level: 9 }).length / 1024 };
  })
  .sort((a, b) => b.gzipKb - a.gzipKb);

let overBudget = false;
console.log("\nbundle                       raw KB   gzip KB   budget (gzip)");
for (const { file, kb, gzipKb } of rows) {
  const budget = budgetsKb[file];
  const verdict = budget === undefined ? "" : `${budget} KB ${gzipKb <= budget ? "ok" : "OVER"}`;
  if (budget !== undefined && gzipKb > budget) overBudget = true;
  console.log(`${file.padEnd(28)} ${kb.toFixed(1).padStart(7)} ${gzipKb.toFixed(1).padStart(9)}   ${verdict}`);
}
// The add-in page loads every script taskpane.html names (the functions, the task pane and the chunk both share).
const page = fs.readFileSync(path.join(dist, "taskpane.html"), "utf8");
const pageScripts = rows.filter(({ file }) => new RegExp(`src=["']?${file.replace(".", "\\.")}`).test(page));
const pageGzipKb = pageScripts.reduce((sum, { gzipKb }) => sum + gzipKb, 0);
if (pageGzipKb > pageBudgetKb) overBudget = true;
console.log(
  `add-in page (${pageScripts.map(({ file }) => file).join(" + ")}): ${pageGzipKb.toFixed(1)} KB gzip, ` +
    `budget ${pageBudgetKb} KB ${pageGzipKb <= pageBudgetKb ? "ok" : "OVER"}`,
);
console.log("(each task-pane tab but the first is a numbered chunk, fetched from the add-in's site when it opens.)");
console.log("(playground.js is the development host with the simulator and HyperFormula; it is never deployed.)\n");
process.exitCode = overBudget ? 1 : 0;
