/**
 * The command-line tool (`npx payer-contracts`): arguments in, messages on stderr, an exit code out (cliIssues.ts).
 * bin/payer-contracts.cjs runs it on the process's arguments; the tests call `runCli` directly.
 */
import { parseArgs } from "util";
import { cliIssueMessage, EXIT_CODES, type CliIssue } from "./cliIssues";
import { priceClaimsFile } from "./priceClaimsFile";

export const HELP = `payer-contracts price: price a file of claim lines with the contracts of a workbook.

Usage:
  payer-contracts price --workbook contracts.xlsx --claims claims.parquet --out priced.parquet [--summary summary.xlsx]

Options:
  --workbook FILE   An .xlsx workbook saved with the add-in's contract registry: PayerContracts, ContractCarveOuts,
                    MedicareSchedules and the fee schedule and Medicare schedule tables they name (the same
                    tables and columns as in Excel).
  --claims FILE     Claim lines, .csv (with a header row) or .parquet, of any size. Columns are found by the
                    add-in's claims headers and their synonyms: Contract Name, HCPCS Code (CPT), Service Date
                    (DOS) are required; HCPCS Modifier 1 and 2, Place of Service Code (POS), Service Unit
                    Quantity (Units) and Charge Amount (Billed) are used when present.
  --out FILE        Where to write the priced lines, .parquet or .csv: every column of the claims file, in the same
                    order, then Expected Amount (dollars) and Pricing Issue (why a line has no amount).
  --summary FILE    Also write an .xlsx to open in Excel: the expected amount by contract and code, and the lines
                    without an amount by reason (native tables with totals).
  --help            This text.

Exit codes: 0 done; 2 bad input (the message on stderr says which file, line and column); 1 an internal error.`;

/** Where the tool writes: stderr for progress and messages, stdout for help. */
export interface CliOutput {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

const OPTIONS = {
  workbook: { type: "string" },
  claims: { type: "string" },
  out: { type: "string" },
  summary: { type: "string" },
  help: { type: "boolean" },
} as const;

function usage(detail: string): CliIssue {
  return { code: "usage", detail };
}

/** Runs the tool on `argv` (the arguments after the program name) and returns its exit code. */
export async function runCli(argv: readonly string[], output: CliOutput): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    output.err(cliIssueMessage(usage(error instanceof Error ? error.message : String(error))));
    return EXIT_CODES.badInput;
  }
  const { values, positionals } = parsed;
  if (values.help === true || positionals.length === 0) {
    output.out(HELP);
    return positionals.length === 0 && values.help !== true ? EXIT_CODES.badInput : EXIT_CODES.done;
  }
  if (positionals.length !== 1 || positionals[0] !== "price") {
    output.err(cliIssueMessage(usage(`Unknown command "${positionals.join(" ")}"; the command is "price"`)));
    return EXIT_CODES.badInput;
  }
  for (const option of ["workbook", "claims", "out"] as const) {
    if (values[option] === undefined) {
      output.err(cliIssueMessage(usage(`--${option} is required`)));
      return EXIT_CODES.badInput;
    }
  }
  const started = Date.now();
  const request = {
    workbook: values.workbook!,
    claims: values.claims!,
    out: values.out!,
    ...(values.summary === undefined ? {} : { summary: values.summary }),
  };
  const result = await priceClaimsFile(request, output.err);
  if (!result.ok) {
    output.err(cliIssueMessage(result.issue));
    return EXIT_CODES.badInput;
  }
  const report = result.value;
  for (const issue of report.registryIssues) output.err(`Workbook: ${issue}`);
  const seconds = (Date.now() - started) / 1000;
  const unpriced = report.lines - report.pricedLines;
  output.err(
    `Priced ${report.pricedLines.toLocaleString("en-US")} of ${report.lines.toLocaleString("en-US")} lines` +
      (unpriced > 0 ? ` (${unpriced.toLocaleString("en-US")} with a Pricing Issue)` : "") +
      ` into ${request.out} in ${seconds.toFixed(1)} s.`,
  );
  return EXIT_CODES.done;
}
