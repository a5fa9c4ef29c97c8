/**
 * One run of `payer-contracts price` in a process of its own, for cli.bench.ts: prints its time and the process's
 * peak resident memory (Node and DuckDB together) as JSON on stdout.
 */
import { priceClaimsFile } from "../src/cli/priceClaimsFile";

const [workbook, claims, out] = process.argv.slice(2) as [string, string, string];
const started = performance.now();
priceClaimsFile({ workbook, claims, out }, (text) => process.stderr.write(`    ${text}\n`)).then((result) => {
  if (!result.ok) throw new Error(JSON.stringify(result.issue));
  const seconds = (performance.now() - started) / 1000;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ seconds, peakRssMb, lines: result.value.lines, priced: result.value.pricedLines }));
});
