// The column dictionary: one header matcher for every table the add-in reads, reading only the columns it reads,
// required columns typed non-null, check severities, and the written kinds the contract editor and the imports use.
import { describeWithSharedData, readSharedData } from "../../support/sharedData";
import type { HcpcsCode, Modifier } from "../../../src/engine";
import { suggestClaimsMapping } from "../../../src/excel/claims/claimsMapping";
import { checkForm, rowCells, writtenKind } from "../../../src/excel/contracts/registryForm";
import { decimalCell, readCell, textCell } from "../../../src/excel/registry/cellKinds";
import {
  columnPositions,
  tableColumnsOf,
  type ColumnSpec,
  type Columns,
  type ParsedRow,
} from "../../../src/excel/registry/columnDictionary";
import {
  CONTRACT_CARVE_OUTS_SPEC,
  FEE_SCHEDULE_SPEC,
  MEDICARE_SCHEDULES_SPEC,
  PAYER_CONTRACTS_SPEC,
} from "../../../src/excel/registry/registryTables";
import { parseTable, type TableData } from "../../../src/excel/registry/tableSpec";
import { aCarveOutForm, aContractForm } from "../contracts/support";

/** A fee schedule table's cells as read from a sheet, headers first. */
function aFeeSchedule(headers: readonly string[], ...rows: unknown[][]): TableData {
  return { name: "FS_Acme_2025", sheet: "Acme", headers, rows, firstRowNumber: 2 };
}

describe("finding a table's columns by header", () => {
  it("matches a header whatever its case, spaces and punctuation", () => {
    const table = aFeeSchedule(["hcpcs_code", "NON-FACILITY  RATE", "facility.rate"], ["99213", 109.2, 78.83]);

    const parsed = parseTable(FEE_SCHEDULE_SPEC, table);

    expect(parsed.issues).toEqual([]);
    expect(parsed.rows[0]).toMatchObject({ hcpcsCode: "99213", nonFacilityRate: expect.anything() });
    expect(parsed.rows[0]!.facilityRate?.toString()).toBe("78.83");
  });

  it("prefers a column's own header to its synonyms when a table has both", () => {
    const positions = columnPositions(FEE_SCHEDULE_SPEC.columns, ["Code", "Description", "HCPCS Code"]);

    expect(positions.get("hcpcsCode")).toBe(2);
  });

  it("finds a column under a synonym users' files have (CPT for HCPCS Code, Mod for Modifier)", () => {
    const positions = columnPositions(FEE_SCHEDULE_SPEC.columns, ["CPT", "Mod", "Non-Facility Rate"]);

    expect(Object.fromEntries(positions)).toEqual({ hcpcsCode: 0, modifier: 1, nonFacilityRate: 2 });
  });
});

describeWithSharedData("the claims mapping suggested for a real claims export (Tuva synthetic claims)", () => {
  const headers = readSharedData("claims/tuva-synthetic/medical_claim.csv").split(/\r?\n/)[0]!.split(",");

  it("maps the Tuva snake_case headers with the matcher the registry tables use", () => {
    expect(suggestClaimsMapping(headers)).toMatchObject({
      hcpcsCode: "hcpcs_code",
      amount: "allowed_amount",
      units: "service_unit_quantity",
      chargeAmount: "charge_amount",
      serviceDate: "claim_start_date",
      hcpcsModifier1: "hcpcs_modifier_1",
      hcpcsModifier2: "hcpcs_modifier_2",
      placeOfServiceCode: "place_of_service_code",
      claimId: "claim_id",
      allowedAmount: "allowed_amount",
      paidAmount: "paid_amount",
    });
  });

  it("leaves a field unmapped when the export has no column for it (payer, contract)", () => {
    expect(suggestClaimsMapping(headers)).toMatchObject({ payer: null, contractName: null });
  });
});

describe("reading a table by its declared columns", () => {
  it("ignores the columns the add-in only writes (an imported schedule's Description), whatever they hold", () => {
    const table = aFeeSchedule(
      ["HCPCS Code", "Description", "Non-Facility Rate", "Source Row"],
      ["99213", true, 92, "x"],
    );

    const parsed = parseTable(FEE_SCHEDULE_SPEC, table);

    expect(parsed.issues).toEqual([]);
    expect(Object.keys(parsed.rows[0]!)).not.toContain("description");
  });

  it("names only the columns it reads when a required column is missing", () => {
    const parsed = parseTable(FEE_SCHEDULE_SPEC, aFeeSchedule(["Code Description"], ["office visit"]));

    expect(parsed.issues).toEqual([
      expect.objectContaining({
        code: "columnMissing",
        column: "HCPCS Code",
        columns: [
          "HCPCS Code",
          "Modifier",
          "Non-Facility Rate",
          "Facility Rate",
          "Effective Start Date",
          "Effective End Date",
        ],
      }),
    ]);
  });

  it("types a required column's value as never blank, and an optional one as possibly blank", () => {
    const parsed = parseTable(FEE_SCHEDULE_SPEC, aFeeSchedule(["HCPCS Code", "Modifier"], ["71046", "26"]));
    const row: ParsedRow<typeof FEE_SCHEDULE_SPEC.columns> = parsed.rows[0]!;

    const code: HcpcsCode = row.hcpcsCode;
    // @ts-expect-error a modifier may be blank: the parsed type says so
    const modifier: Modifier = row.modifier;

    expect([code, modifier]).toEqual(["71046", "26"]);
  });
});

describe("the severity of a column's checks", () => {
  const spec = {
    title: "Benchmarks",
    purpose: "A scratch table: a required name, and a rate whose problems are only warnings.",
    columns: {
      name: { header: "Name", kind: textCell, required: true, description: "The name." },
      rate: { header: "Rate", kind: decimalCell, severity: "warning", description: "A rate." },
    },
  } as const;
  const table: TableData = {
    name: "Benchmarks",
    sheet: "Benchmarks",
    headers: ["Name", "Rate"],
    rows: [
      ["MGMA median", "n/a"],
      [true, 1.2],
    ],
    firstRowNumber: 2,
  };

  it("keeps a row whose warning column does not read, reads the cell as blank and reports a warning", () => {
    const parsed = parseTable(spec, table);

    expect(parsed.rows).toEqual([{ name: "MGMA median", rate: null, rowNumber: 2 }]);
    expect(parsed.warnings).toEqual([
      expect.objectContaining({ code: "cellInvalid", rowNumber: 2, column: "Rate", value: "n/a" }),
    ]);
  });

  it("leaves out a row whose error column does not read (the default severity)", () => {
    const parsed = parseTable(spec, table);

    expect(parsed.rejected.map((row) => row.rowNumber)).toEqual([3]);
    expect(parsed.issues).toEqual([expect.objectContaining({ code: "cellInvalid", rowNumber: 3, column: "Name" })]);
  });
});

describe("how the add-in writes each column", () => {
  it("writes a contract version's cells with the kinds its columns declare", () => {
    const checked = checkForm(PAYER_CONTRACTS_SPEC, aContractForm({ lesserOf: true, termEndDate: "2025-12-31" }));

    const cells = rowCells(PAYER_CONTRACTS_SPEC.columns, checked.row!);

    expect(cells).toMatchObject({
      contractName: { kind: "text", value: "Cedar Health HMO" },
      effectiveStartDate: { kind: "date", value: 45658 },
      percent: { kind: "percent", value: 0.6 },
      lesserOf: { kind: "boolean", value: true },
      termEndDate: { kind: "date", value: 46022 },
    });
  });

  it("writes a carve-out's flat rate as dollars and its codes as text", () => {
    const checked = checkForm(CONTRACT_CARVE_OUTS_SPEC, aCarveOutForm());

    const cells = rowCells(CONTRACT_CARVE_OUTS_SPEC.columns, checked.row!);

    expect(cells).toMatchObject({
      hcpcsCodeFrom: { kind: "text", value: "80047" },
      rate: { kind: "money", value: 12.5 },
    });
  });

  it("gives the form of MedicareSchedules a number input for the year, text for the locality", () => {
    const { year, locality } = MEDICARE_SCHEDULES_SPEC.columns;

    expect([writtenKind(year), writtenKind(locality)]).toEqual(["number", "text"]);
  });

  it("writes each example of PayerContracts, ContractCarveOuts and MedicareSchedules as a cell read back the same", () => {
    // The tables whose rows the contract editor and the Medicare registration write, value by value (rowCells).
    const edited = [PAYER_CONTRACTS_SPEC, CONTRACT_CARVE_OUTS_SPEC, MEDICARE_SCHEDULES_SPEC];
    const columns = edited.flatMap((spec) =>
      Object.entries(spec.columns as Columns).flatMap(([field, column]) =>
        column.kind === undefined ? [] : [{ table: spec.title, field, column: column as ColumnSpec }],
      ),
    );
    const roundTrips = columns.map(({ table, field, column }) => {
      const read = readCell(column.kind, column.example);
      const value = read.ok ? read.value : undefined;
      const written = rowCells({ [field]: column }, { [field]: value, rowNumber: 2 } as ParsedRow<Columns>)[field]!;
      const reread = readCell(column.kind, written.value);
      return { table, header: column.header, reads: String(value), readsBack: String(reread.ok && reread.value) };
    });

    // 17 PayerContracts columns (Anesthesia Conversion Factor the 17th), 6 ContractCarveOuts, 6 MedicareSchedules.
    expect(roundTrips.length).toBe(29);
    expect(roundTrips.filter((trip) => trip.readsBack !== trip.reads)).toEqual([]);
  });

  it("gives the table writer every column of a fee schedule the import writes, in order, with its kind", () => {
    expect(tableColumnsOf(FEE_SCHEDULE_SPEC.columns)).toEqual([
      { name: "HCPCS Code", kind: "text" },
      { name: "Modifier", kind: "text" },
      { name: "Description", kind: "text" },
      { name: "Non-Facility Rate", kind: "money" },
      { name: "Facility Rate", kind: "money" },
      { name: "Effective Start Date", kind: "date" },
      { name: "Effective End Date", kind: "date" },
      { name: "Source Row", kind: "number" },
    ]);
  });
});
