// =PAYER.EXPECTED_PAYMENT over 100,000 claim rows through its Excel adapter (issue 20: an adapter call over 100,000
// rows under 100 ms): the sample workbook's claims repeated to 100,000 rows, as Excel passes the ranges (2-D arrays,
// codes as text, dates as text, charges as numbers), the registry already read (the shared runtime's steady state).
import { buildSampleWorkbook } from "../src/playground/sample/sampleWorkbook";
import { installCustomFunctionsShim } from "../src/playground/customFunctionsShim";
import { WorkbookSimulator } from "../src/playground/simulator";
import { measure } from "./measure";

installCustomFunctionsShim();

const ROWS = 100_000;
const BUDGET_MS = 100;

async function main(): Promise<void> {
  const workbook = buildSampleWorkbook();
  const claims = workbook.sheets.find((sheet) => sheet.name === "Claims")!.cells;
  const [headers, ...rows] = claims;
  const at = (header: string) => headers!.indexOf(header);
  const column = (header: string) =>
    Array.from({ length: ROWS }, (_, i) => [rows[i % rows.length]![at(header)] ?? null]);
  const modifiers = Array.from({ length: ROWS }, (_, i) => {
    const row = rows[i % rows.length]!;
    return [row[at("HCPCS Modifier 1")] ?? null, row[at("HCPCS Modifier 2")] ?? null];
  });
  const args = [
    column("Contract Name"),
    column("HCPCS Code"),
    modifiers,
    column("Service Unit Quantity"),
    column("Charge Amount"),
    column("Service Date"),
    column("Place of Service Code"),
  ];
  const { registryCache } = await import("../src/functions/registryCache");
  await registryCache.start(new WorkbookSimulator(workbook).excel);
  const { expectedPaymentResult } = await import("../src/functions/expectedPayment");
  const sample = expectedPaymentResult(...args) as unknown[][];
  const priced = sample.filter((row) => typeof row[0] === "number").length;
  measure(
    `=PAYER.EXPECTED_PAYMENT over ${ROWS.toLocaleString("en-US")} rows (${priced} priced)`,
    () => expectedPaymentResult(...args),
    {
      budgetMs: BUDGET_MS,
      runs: 11,
    },
  );
}

void main();
