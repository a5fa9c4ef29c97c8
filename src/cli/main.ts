/**
 * The command-line tool (`npx payer-contracts`): arguments in, messages on stderr, an exit code out (cliIssues.ts).
 * bin/payer-contracts.cjs runs it on the process's arguments; the tests call `runCli` directly.
 */
import { parseArgs } from "util";
import { cliIssueMessage, EXIT_CODES, type CliIssue } from "./cliIssues";
import { priceClaimsFile } from "./priceClaimsFile";
import { SQL_NAMES, warehouseColumn } from "./sql/pricingSql";
import { SQL_DIALECTS, sqlDialectOf } from "./sql/sqlDialects";
import { writePricingSql } from "./sql/writePricingSql";
import { PRICING_FIELDS } from "./claimsSource";

export const HELP = `payer-contracts price: price a file of claim lines with the contracts of a workbook.
payer-contracts sql: write the contracts of a workbook as SQL that prices a warehouse's claims table.

Usage:
  payer-contracts price --workbook contracts.xlsx --claims claims.parquet --out priced.parquet [--summary summary.xlsx]
  payer-contracts sql --workbook contracts.xlsx [--dialect ${Object.keys(SQL_DIALECTS).join("|")}] [--claims-table claims] --out pricing.sql

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
  --dialect NAME    sql: the SQL dialect, ${Object.keys(SQL_DIALECTS).join(" or ")} (default duckdb).
  --claims-table T  sql: the claims table to price (default claims), with the columns
                    ${PRICING_FIELDS.map(warehouseColumn).join(", ")}.
                    The SQL creates the rate tables and the view ${SQL_NAMES.view}: every column of the
                    table, then expected_allowed_amount and pricing_issue. It lists on stderr and in its header
                    what it leaves to the engine (those lines are NULL with the reason).
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
  dialect: { type: "string" },
  "claims-table": { type: "string" },
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
  const command = positionals.length === 1 ? positionals[0]! : "";
  if (!Object.hasOwn(COMMANDS, command)) {
    output.err(cliIssueMessage(usage(`Unknown command "${positionals.join(" ")}"; the commands are ${Object.keys(COMMANDS).join(" and ")}`))); // prettier-ignore
    return EXIT_CODES.badInput;
  }
  const run = COMMANDS[command as keyof typeof COMMANDS];
  for (const option of run.required) {
    if (values[option] === undefined) {
      output.err(cliIssueMessage(usage(`--${option} is required`)));
      return EXIT_CODES.badInput;
    }
  }
  return run.run(values, output);
}

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>["values"];

/** Each command: the options it cannot do without, and what it does with the parsed options. */
const COMMANDS = {
  price: { required: ["workbook", "claims", "out"], run: price },
  sql: { required: ["workbook", "out"], run: sql },
} as const satisfies Record<string, { required: readonly (keyof typeof OPTIONS)[]; run: (values: Values, output: CliOutput) => Promise<number> }>; // prettier-ignore

async function price(values: Values, output: CliOutput): Promise<number> {
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

async function sql(values: Values, output: CliOutput): Promise<number> {
  const dialect = sqlDialectOf(values.dialect ?? "duckdb");
  if (dialect === null) {
    output.err(cliIssueMessage(usage(`--dialect "${values.dialect}" is not one of ${Object.keys(SQL_DIALECTS).join(", ")}`))); // prettier-ignore
    return EXIT_CODES.badInput;
  }
  const request = { workbook: values.workbook!, out: values.out!, dialect, claimsTable: values["claims-table"] ?? "claims" }; // prettier-ignore
  const result = await writePricingSql(request, output.err);
  if (!result.ok) {
    output.err(cliIssueMessage(result.issue));
    return EXIT_CODES.badInput;
  }
  const { baseRates, modifierRates, notInSql } = result.value;
  output.err(`Not priced in SQL (those lines are NULL with the reason; price them with payer-contracts price):`);
  for (const limit of notInSql) output.err(`  - ${limit}`);
  output.err(
    `Wrote ${request.out} for ${SQL_DIALECTS[dialect].label}: ${baseRates.toLocaleString("en-US")} rates and ` +
      `${modifierRates.toLocaleString("en-US")} modifier rates; run it, then query ${SQL_NAMES.view}.`,
  );
  return EXIT_CODES.done;
}
