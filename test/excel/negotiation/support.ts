/**
 * A workbook for the Negotiation tab's specifications: PayerContracts with Acme PPO (a 2025 and a 2026 version, the
 * later ending 2026-12-31 with notice due 2026-10-02), Summit MA (ending 2027-06-30) and Cedar EPO (no term end);
 * a NegotiationLog holding one Acme meeting of two points, and a ContractClauses row reviewing Acme's timely filing.
 * Each sheet's headers come from the column dictionary, so the tables read exactly as declared.
 */
import { emptyForm } from "../../../src/excel/contracts/registryForm";
import type { NegotiationForm } from "../../../src/excel/negotiation/negotiationEditor";
import { CONTRACT_CLAUSES_SPEC, NEGOTIATION_LOG_SPEC } from "../../../src/excel/negotiation/negotiationTables";
import type { Columns, TableSpec } from "../../../src/excel/registry/tableSpec";
import { PAYER_CONTRACTS_SPEC } from "../../../src/excel/registry/registryTables";
import type { CellInput, SheetSnapshot, WorkbookSnapshot } from "../../../src/playground/simulator";

/** A row of a declared table, by column header. */
type Row = Readonly<Record<string, CellInput>>;

const letter = (n: number) => String.fromCharCode(65 + n);

/** A sheet holding one declared table: its headers in declaration order, then the rows. */
function tableSheet(spec: TableSpec<Columns>, sheet: string, rows: readonly Row[]): SheetSnapshot {
  const headers = Object.values(spec.columns).map((column) => column.header);
  const cells: CellInput[][] = [headers, ...rows.map((row) => headers.map((header) => row[header] ?? null))];
  return { name: sheet, cells, tables: [{ name: spec.title, address: `A1:${letter(headers.length - 1)}${cells.length}` }] }; // prettier-ignore
}

const version = (name: string, start: string, end: string | null, termEnd: string | null, notice: string | null): Row => ({
  "Contract Name": name,
  Payer: name.split(" ")[0]!,
  "Effective Start Date": start,
  "Effective End Date": end,
  Method: "Percent of Billed",
  Percent: 0.6,
  "Term End Date": termEnd,
  "Renewal Notice Date": notice,
}); // prettier-ignore

export const CONTRACT_ROWS: readonly Row[] = [
  version("Acme PPO", "2025-01-01", "2025-12-31", "2025-12-31", "2025-10-02"),
  version("Acme PPO", "2026-01-01", "2026-12-31", "2026-12-31", "2026-10-02"),
  version("Summit MA", "2025-01-01", null, "2027-06-30", "2027-03-31"),
  version("Cedar EPO", "2026-01-01", null, null, null),
];

export const LOG_ROWS: readonly Row[] = [
  {
    "Contract Name": "Acme PPO",
    Date: "2026-03-12",
    Meeting: "Rate proposal review",
    Attendees: "Dana Ruiz (Acme); Sam Lee",
    "Discussion Points": "Our 5% ask on the top 20 codes",
    "Tentative Agreements": "4% on the top 20 codes from 2027-01-01",
    "Outstanding Issues": "Lab carve-out rates",
    Owner: "Sam Lee",
    "Due Date": "2026-03-26",
    Status: "Agreed",
  },
  {
    "Contract Name": "Acme PPO",
    Date: "2026-03-12",
    Meeting: "Rate proposal review",
    "Tentative Agreements": "Timely filing of 180 days",
    Status: "Open",
  },
];

export const CLAUSE_ROWS: readonly Row[] = [
  { "Contract Name": "Acme PPO", Clause: "Timely filing", Status: "Watch", Notes: "90 days from the date of service" },
];

/** The workbook above; `without` leaves out the negotiation tables named. */
export function aNegotiationWorkbook(options: { without?: readonly string[] } = {}): WorkbookSnapshot {
  const sheets = [
    tableSheet(PAYER_CONTRACTS_SPEC, "Contracts", CONTRACT_ROWS),
    tableSheet(NEGOTIATION_LOG_SPEC, "Negotiation Log", LOG_ROWS),
    tableSheet(CONTRACT_CLAUSES_SPEC, "Contract Clauses", CLAUSE_ROWS),
  ].filter((sheet) => !(options.without ?? []).includes(sheet.tables![0]!.name));
  return { sheets, activeSheet: "Contracts" };
}

/** A new log entry: Acme PPO's follow-up call of 2026-04-02, an open point owned by Sam Lee. */
export function aLogForm(overrides: Partial<NegotiationForm<"log">> = {}): NegotiationForm<"log"> {
  return {
    ...emptyForm(NEGOTIATION_LOG_SPEC.columns),
    contractName: "Acme PPO",
    date: "2026-04-02",
    meeting: "Follow-up call",
    tentativeAgreements: "Lab carve-out at 55% of billed",
    outstandingIssues: "Audit look-back period",
    owner: "Sam Lee",
    dueDate: "2026-04-16",
    status: "Open",
    ...overrides,
  };
}
