/**
 * The Negotiation tab's workbook side (issue 17 items 3, 5): the renewal calendar read from PayerContracts, and
 * NegotiationLog and ContractClauses rows saved, edited and deleted through the registry row writer on the simulator.
 */
import { editorIssueMessage } from "../../../src/excel/contracts/editorIssues";
import { emptyForm } from "../../../src/excel/contracts/registryForm";
import {
  checkNegotiationRow,
  deleteNegotiationRow,
  loadNegotiation,
  saveNegotiationRow,
  type NegotiationData,
  type NegotiationTable,
} from "../../../src/excel/negotiation/negotiationEditor";
import { CONTRACT_CLAUSES_SPEC, NEGOTIATION_LOG_SPEC } from "../../../src/excel/negotiation/negotiationTables";
import { columnFormat } from "../../../src/excel/registry/columnDictionary";
import type { IsoDate } from "../../../src/engine";
import { WorkbookSimulator } from "../../../src/playground/simulator";
import { aLogForm, aNegotiationWorkbook } from "./support";

const ON = "2026-09-02" as IsoDate;
const load = (simulator: WorkbookSimulator) => loadNegotiation(simulator.excel, ON);
const contextOf = <T extends NegotiationTable>(data: NegotiationData, table: T) => ({
  contractNames: data.contractNames,
  others: data.rows[table],
  editing: null,
});

describe("reading the negotiation workbook", () => {
  let data: NegotiationData;
  beforeAll(async () => {
    data = await load(new WorkbookSimulator(aNegotiationWorkbook()));
  });

  it("puts each contract on the calendar with its latest version's dates, soonest term end first", () => {
    expect(data.calendar.map((e) => [e.contractName, e.termEndDate, e.flag])).toEqual([
      ["Acme PPO", "2026-12-31", "noticeClosing"],
      ["Summit MA", "2027-06-30", "upcoming"],
      ["Cedar EPO", null, "noTermEnd"],
    ]);
  });

  it("lists the log's rows as forms, in the words typed in the sheet", () => {
    expect(data.rows.log.map((r) => [r.loaded.rowNumber, r.form.meeting, r.form.status, r.form.dueDate])).toEqual([
      [2, "Rate proposal review", "Agreed", "2026-03-26"],
      [3, "Rate proposal review", "Open", ""],
    ]);
  });

  it("reads the log's entries for the follow-up, with their status as the engine's", () => {
    expect(data.entries.map((e) => [e.date, e.status])).toEqual([
      ["2026-03-12", "agreed"],
      ["2026-03-12", "open"],
    ]);
  });

  it("shows the reader's problem under a log row whose status is not one of the words", async () => {
    const simulator = new WorkbookSimulator(aNegotiationWorkbook());
    simulator.setCellInput("Negotiation Log", 2, 9, "Maybe");
    const [, second] = (await load(simulator)).rows.log;
    expect(second!.problems).toEqual([expect.stringContaining("one of Open, Agreed, Done, Dropped")]);
  });
});

describe("saving and deleting log entries", () => {
  it("creates the NegotiationLog table on its own sheet for the first entry", async () => {
    const simulator = new WorkbookSimulator(aNegotiationWorkbook({ without: ["NegotiationLog"] }));
    const data = await load(simulator);
    const saved = await saveNegotiationRow(simulator.excel, { table: "log", form: aLogForm(), ...contextOf(data, "log") }); // prettier-ignore
    expect(saved).toEqual({
      ok: true,
      value: { table: "NegotiationLog", sheet: "Negotiation Log", rowNumber: 2, createdTable: true },
    });
    const [row] = (await load(simulator)).rows.log;
    expect([row!.form.meeting, row!.form.dueDate, row!.form.status, row!.problems]).toEqual(["Follow-up call", "2026-04-16", "Open", []]); // prettier-ignore
  });

  it("writes a new log's cells as the README documents its columns: dates as yyyy-mm-dd, the rest as text", async () => {
    const simulator = new WorkbookSimulator(aNegotiationWorkbook({ without: ["NegotiationLog"] }));
    const data = await load(simulator);
    await saveNegotiationRow(simulator.excel, { table: "log", form: aLogForm(), ...contextOf(data, "log") });
    const written = Object.keys(NEGOTIATION_LOG_SPEC.columns).map((_, c) => [
      simulator.cell("Negotiation Log", 0, c).value,
      simulator.cell("Negotiation Log", 1, c).numberFormat,
    ]);
    expect(written).toEqual(Object.values(NEGOTIATION_LOG_SPEC.columns).map((column) => [column.header, columnFormat(column)])); // prettier-ignore
    expect(written.filter(([, format]) => format !== "@").map(([header]) => header)).toEqual(["Date", "Due Date"]);
  });

  it("adds an entry at the end of an existing log", async () => {
    const simulator = new WorkbookSimulator(aNegotiationWorkbook());
    const data = await load(simulator);
    const saved = await saveNegotiationRow(simulator.excel, { table: "log", form: aLogForm(), ...contextOf(data, "log") }); // prettier-ignore
    expect(saved.ok && saved.value.rowNumber).toBe(4);
  });

  it("saves a changed status over the loaded entry", async () => {
    const simulator = new WorkbookSimulator(aNegotiationWorkbook());
    const data = await load(simulator);
    const [, second] = data.rows.log;
    const input = { table: "log" as const, form: { ...second!.form, status: "Done" }, ...contextOf(data, "log"), editing: second!.loaded }; // prettier-ignore
    expect((await saveNegotiationRow(simulator.excel, input)).ok).toBe(true);
    const after = await load(simulator);
    expect(after.rows.log.map((r) => r.form.status)).toEqual(["Agreed", "Done"]);
  });

  it("refuses an entry without a meeting, says why, and writes nothing", async () => {
    const simulator = new WorkbookSimulator(aNegotiationWorkbook());
    const before = simulator.describe();
    const data = await load(simulator);
    const saved = await saveNegotiationRow(simulator.excel, { table: "log", form: aLogForm({ meeting: "" }), ...contextOf(data, "log") }); // prettier-ignore
    expect(saved.ok ? "saved" : editorIssueMessage(saved.issue)).toBe("Fix the highlighted fields first: Required.");
    expect(simulator.describe()).toEqual(before);
  });

  it("deletes an entry, the rows below moving up", async () => {
    const simulator = new WorkbookSimulator(aNegotiationWorkbook());
    const [first] = (await load(simulator)).rows.log;
    expect(await deleteNegotiationRow(simulator.excel, first!.loaded)).toEqual({ ok: true, value: { rowNumber: 2 } });
    const after = await load(simulator);
    expect(after.rows.log.map((r) => [r.loaded.rowNumber, r.form.tentativeAgreements])).toEqual([[2, "Timely filing of 180 days"]]); // prettier-ignore
  });

  it("refuses to delete an entry changed in the sheet since it was loaded", async () => {
    const simulator = new WorkbookSimulator(aNegotiationWorkbook());
    const [first] = (await load(simulator)).rows.log;
    simulator.setCellInput("Negotiation Log", 1, 9, "Done");
    const deleted = await deleteNegotiationRow(simulator.excel, first!.loaded);
    expect(deleted.ok ? "deleted" : editorIssueMessage(deleted.issue)).toMatch(/^Row 2 of NegotiationLog \(sheet Negotiation Log\) changed in the sheet/); // prettier-ignore
  });
});

describe("checking a clause review", () => {
  const clauseForm = (overrides: Record<string, string>) => ({
    ...emptyForm(CONTRACT_CLAUSES_SPEC.columns),
    contractName: "Acme PPO",
    status: "OK",
    ...overrides,
  });

  it("refuses a second review of a clause the contract already has one for", async () => {
    const data = await load(new WorkbookSimulator(aNegotiationWorkbook()));
    const checked = checkNegotiationRow("clauses", clauseForm({ clause: "Timely filing" }), contextOf(data, "clauses"));
    expect(checked.errors.clause).toBe("Row 2 already reviews this clause of the contract: edit that row.");
  });

  it("refuses a contract PayerContracts does not have", async () => {
    const data = await load(new WorkbookSimulator(aNegotiationWorkbook()));
    const checked = checkNegotiationRow("clauses", clauseForm({ contractName: "Birch HMO", clause: "Audit provisions" }), contextOf(data, "clauses")); // prettier-ignore
    expect(checked.errors.contractName).toBe("Choose a contract of the PayerContracts table.");
  });

  it("saves a clause review into ContractClauses", async () => {
    const simulator = new WorkbookSimulator(aNegotiationWorkbook());
    const data = await load(simulator);
    const form = clauseForm({ clause: "audit", status: "problem", notes: "Three-year look-back" });
    expect((await saveNegotiationRow(simulator.excel, { table: "clauses", form, ...contextOf(data, "clauses") })).ok).toBe(true); // prettier-ignore
    const after = await load(simulator);
    expect(after.rows.clauses.map((r) => [r.form.clause, r.form.status])).toEqual([["Timely filing", "Watch"], ["Audit provisions", "Problem"]]); // prettier-ignore
  });
});
