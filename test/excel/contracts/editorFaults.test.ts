/**
 * The contract editor's writes are all-or-nothing (issue 10 items 1 and 5): a save over a loaded row, a save of a
 * new row (into Excel's blank row, or added at the end), a delete, and a save that creates the missing registry table
 * are each run with every request of a clean run refused, applied then failed, or cancelled just before it. The
 * workbook then equals the one before, or, when the editor says it saved, the one after a clean save; the message says
 * which; and saving again without faults succeeds.
 */
import {
  deleteContractVersion,
  deleteLoadedRow,
  editorIssueMessage,
  listContracts,
  saveCarveOut,
  saveContractVersion,
  type ContractEditorData,
} from "../../../src/excel/contracts/contractEditor";
import type { ExcelGateway } from "../../../src/excel/core/excelGateway";
import { saveHospitalTerms, termsContextOf, type HospitalSide } from "../../../src/excel/contracts/hospitalTerms";
import { emptyForm } from "../../../src/excel/contracts/registryForm";
import { OUTPATIENT_TERMS_SPEC } from "../../../src/excel/registry/hospitalTermsTables";
import type { Result } from "../../../src/engine";
import { WorkbookSimulator, type WorkbookSnapshot } from "../../../src/playground/simulator";
import {
  countRequests,
  faultCases,
  runCleanly,
  runWithFault,
  type CleanRun,
  type Operation,
  type OperationOutcome,
} from "../../support/faults";
import {
  aCarveOutForm,
  aContractForm,
  aHospitalWorkbook,
  anInpatientTermsForm,
  aRegistryWorkbook,
  aWorkbookWithoutRegistry,
} from "./support";

const outcomeOf = (result: Result<{ readonly rowNumber: number }, Parameters<typeof editorIssueMessage>[0]>): OperationOutcome =>
  result.ok ? { ok: true, message: `Row ${result.value.rowNumber} saved.` } : { ok: false, message: editorIssueMessage(result.issue) }; // prettier-ignore

/** What the editor loaded from the workbook before the user pressed Save or Delete (the same for every fresh copy). */
let loaded: ContractEditorData;
beforeAll(async () => {
  loaded = await listContracts(new WorkbookSimulator(aRegistryWorkbook()).excel);
});
const acmeVersions = () => loaded.contracts.find((c) => c.contractName === "Acme PPO")!.versions;

/** What the editor loaded from the sample's hospital contracts, and the context a terms form is checked in. */
let hospital: ContractEditorData;
beforeAll(async () => {
  hospital = await listContracts(new WorkbookSimulator(aHospitalWorkbook()).excel);
});
const termsContext = <S extends HospitalSide>(side: S) => termsContextOf(hospital.contracts, side, null);
const hospitalPpo = () => hospital.contracts.find((c) => c.contractName === "Acme Hospital PPO")!;

/** A registry whose PayerContracts ends with the blank row Excel gives a new table. */
const withBlankRow = (): WorkbookSnapshot =>
  aRegistryWorkbook({
    contractRows: [
      ["Acme PPO", "Acme", "PPO", "2024-01-01", "2024-12-31", "Percent of Billed", 0.6, null, null, true],
      [null, null, null, null, null, null, null, null, null, null],
    ],
  });

interface Case {
  readonly name: string;
  readonly workbook: () => WorkbookSnapshot;
  readonly operation: Operation;
  /** The operation in the user's words, as its messages begin. */
  readonly what: string;
  /** Requests of a clean run, pinned (`it.each` needs its cases before any test runs); a test checks it. */
  readonly requests: number;
}

const CASES: readonly Case[] = [
  {
    name: "saving over a loaded version",
    workbook: aRegistryWorkbook,
    operation: async (excel: ExcelGateway, signal: AbortSignal) => {
      const [acme2024] = acmeVersions();
      const form = { ...acme2024!.form, percent: "65%", product: "+1 PPO" };
      return outcomeOf(await saveContractVersion(excel, { form, editing: acme2024!.loaded, versions: acmeVersions() }, { signal })); // prettier-ignore
    },
    what: 'Saving the version of contract "Acme PPO" from 2024-01-01',
    requests: 6,
  },
  {
    name: "saving a new contract, added at the end of the table",
    workbook: aRegistryWorkbook,
    operation: async (excel, signal) =>
      outcomeOf(await saveContractVersion(excel, { form: aContractForm({ contractName: '=HYPERLINK("http://x.test","Cedar")' }), editing: null, versions: acmeVersions() }, { signal })), // prettier-ignore
    what: 'Saving the version of contract "=HYPERLINK("http://x.test","Cedar")" from 2025-01-01',
    requests: 6,
  },
  {
    name: "saving a new contract into Excel's blank row",
    workbook: withBlankRow,
    operation: async (excel, signal) =>
      outcomeOf(await saveContractVersion(excel, { form: aContractForm(), editing: null, versions: [] }, { signal })),
    what: 'Saving the version of contract "Cedar Health HMO" from 2025-01-01',
    requests: 5,
  },
  {
    name: "deleting a version",
    workbook: aRegistryWorkbook,
    operation: async (excel, signal) => outcomeOf(await deleteContractVersion(excel, acmeVersions()[0]!.loaded, { signal })), // prettier-ignore
    what: "Deleting row 2 of PayerContracts",
    requests: 4,
  },
  {
    name: "saving a carve-out into a workbook without ContractCarveOuts (the table is created)",
    workbook: () => ({ ...aRegistryWorkbook(), sheets: aRegistryWorkbook().sheets.filter((s) => s.name !== "Carve-outs") }), // prettier-ignore
    operation: async (excel, signal) => outcomeOf(await saveCarveOut(excel, { form: aCarveOutForm(), editing: null }, { signal })), // prettier-ignore
    what: 'Saving the carve-out 80047-87999 of contract "Acme PPO"',
    requests: 9,
  },
  {
    name: "saving the first contract of a new workbook (PayerContracts is created)",
    workbook: aWorkbookWithoutRegistry,
    operation: async (excel, signal) =>
      outcomeOf(await saveContractVersion(excel, { form: aContractForm(), editing: null, versions: [] }, { signal })),
    what: 'Saving the version of contract "Cedar Health HMO" from 2025-01-01',
    requests: 7,
  },
  {
    name: "saving new inpatient terms, added at the end of InpatientTerms",
    workbook: aHospitalWorkbook,
    operation: async (excel, signal) =>
      outcomeOf(await saveHospitalTerms(excel, { side: "inpatient", form: anInpatientTermsForm(), ...termsContext("inpatient") }, { signal })), // prettier-ignore
    what: 'Saving the inpatient terms of contract "Acme Hospital PPO" from 2026-01-01',
    requests: 6,
  },
  {
    name: "saving over loaded inpatient terms",
    workbook: aHospitalWorkbook,
    operation: async (excel, signal) => {
      const [terms] = hospitalPpo().hospitalTerms.inpatient;
      const input = { side: "inpatient" as const, form: { ...terms!.form, baseRate: "11750" }, ...termsContext("inpatient"), editing: terms!.loaded }; // prettier-ignore
      return outcomeOf(await saveHospitalTerms(excel, input, { signal }));
    },
    what: 'Saving the inpatient terms of contract "Acme Hospital PPO" from 2025-01-01',
    requests: 6,
  },
  {
    name: "deleting outpatient terms",
    workbook: aHospitalWorkbook,
    operation: async (excel, signal) => outcomeOf(await deleteLoadedRow(excel, hospitalPpo().hospitalTerms.outpatient[0]!.loaded, { signal })), // prettier-ignore
    what: "Deleting row 2 of OutpatientTerms",
    requests: 4,
  },
  {
    name: "saving outpatient terms into a workbook without OutpatientTerms (the table is created)",
    workbook: () => aHospitalWorkbook({ without: ["OutpatientTerms", "RevenueCodeRates"] }),
    operation: async (excel, signal) => {
      const form = { ...emptyForm(OUTPATIENT_TERMS_SPEC.columns), contractName: "Acme Hospital PPO", effectiveStartDate: "2025-01-01", outpatientMethod: "Percent of Charges", percent: "55%" }; // prettier-ignore
      return outcomeOf(await saveHospitalTerms(excel, { side: "outpatient", form, ...termsContext("outpatient"), others: [] }, { signal })); // prettier-ignore
    },
    what: 'Saving the outpatient terms of contract "Acme Hospital PPO" from 2025-01-01',
    requests: 9,
  },
];

describe.each(CASES)("$name", ({ workbook, operation, what, requests }) => {
  const make = () => new WorkbookSimulator(workbook());
  let clean: CleanRun;
  beforeAll(async () => {
    clean = await runCleanly(make, operation);
  });

  it(`sends ${requests} requests when nothing goes wrong, and changes the workbook`, async () => {
    expect(await countRequests(make, operation)).toBe(requests);
    expect(clean.after).not.toEqual(make().describe({ sheetIdsAsNames: true }));
  });

  it.each(faultCases(requests))(
    "ends as before, or saved as in a clean run if it says so, when $title",
    async (fault) => {
      const run = await runWithFault(make, operation, fault);
      expect(run.fired).toBe(true);
      if (run.outcome.ok) {
        expect(run.after).toEqual(clean.after);
        expect(run.outcome.message).toBe(clean.outcome.message);
        return;
      }
      expect(run.after).toEqual(run.before);
      const said = {
        refused: `${what} did not complete: `,
        failsAfterApplying: `${what} did not complete: `,
        cancelled: `${what} was cancelled. `,
      }[fault.mode];
      expect(run.outcome.message.startsWith(said)).toBe(true);
      expect(run.outcome.message.endsWith("Nothing was changed: the workbook is as it was.")).toBe(true);
      const retry = await run.retry();
      expect(retry.outcome).toEqual(clean.outcome);
      expect(retry.after).toEqual(clean.after);
    },
  );
});
