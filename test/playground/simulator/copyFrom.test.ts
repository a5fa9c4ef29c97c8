/** Range.copyFrom (ExcelApi 1.9): what a paste takes from its source, where it lands, how formulas move. */
import { ErrorCodes, WorkbookSimulator } from "../../../src/playground/simulator";
import { cellAt, rejectionOf, run } from "./helpers";

/** A staging sheet, hidden as the operation runner builds one, and the user's visible Review sheet. */
function stagedReview(): WorkbookSimulator {
  return new WorkbookSimulator({
    sheets: [
      { name: "Review", cells: [["Notes kept by the user"]] },
      {
        name: "~Staging",
        visibility: "Hidden",
        cells: [
          ["HCPCS Code", "Allowed Amount", "Expected Allowed Amount", "Variance Amount"],
          ["00123", 92.5, 100, "=C2-B2"],
          ["=HYPERLINK(1)", 3.1, 3.1, "=C3-B3"],
          [null, 260, 250, "=SUM($B$2:B4)"],
        ],
        numberFormats: [
          { address: "A2:A4", format: "@" },
          { address: "B2:D4", format: "$#,##0.00" },
        ],
      },
    ],
  });
}

async function paste(
  simulator: WorkbookSimulator,
  destination: string,
  source: string,
  copyType?: "All" | "Formulas" | "Values" | "Formats" | "Link",
  skipBlanks?: boolean,
  transpose?: boolean,
): Promise<void> {
  await run(simulator, async (context) => {
    const [sheet = "", address = ""] = destination.split("!");
    context.workbook.worksheets.getItem(sheet).getRange(address).copyFrom(source, copyType, skipBlanks, transpose);
    await context.sync();
  });
}

const at = (simulator: WorkbookSimulator, address: string) => cellAt(simulator, "Review", address);

describe("copying a range from a hidden staging sheet", () => {
  it("pastes values, formulas and number formats with copy type All, the default", async () => {
    const simulator = stagedReview();
    await paste(simulator, "Review!A3", "~Staging!A1:D4");
    expect(at(simulator, "A4")).toMatchObject({ value: "00123", formula: null, numberFormat: "@" });
    expect(at(simulator, "D4")).toMatchObject({ value: 7.5, formula: "=C4-B4", numberFormat: "$#,##0.00" });
    expect(at(simulator, "A1").value).toBe("Notes kept by the user");
  });

  it("moves relative references by the distance of the copy, keeps absolute ones, and breaks those pushed off the sheet", async () => {
    const simulator = stagedReview();
    await paste(simulator, "Review!B11", "~Staging!D2:D4");
    expect([at(simulator, "B11").formula, at(simulator, "B13").formula]).toEqual(["=A11-#REF!", "=SUM(#REF!)"]);
    await paste(simulator, "Review!F1", "~Staging!D2:D4");
    expect([at(simulator, "F1").formula, at(simulator, "F3").formula]).toEqual(["=E1-D1", "=SUM($B$2:D3)"]);
  });

  it("pastes computed values with copy type Values, keeping text that looks like a formula or a number as text", async () => {
    const simulator = stagedReview();
    await paste(simulator, "Review!A3", "~Staging!A2:D3", "Values");
    expect([at(simulator, "A3").value, at(simulator, "A4").value]).toEqual(["00123", "=HYPERLINK(1)"]);
    expect([at(simulator, "A4").formula, at(simulator, "D3").formula, at(simulator, "D3").value]).toEqual([
      null,
      null,
      7.5,
    ]);
    expect(at(simulator, "D3").numberFormat).toBe("General");
  });

  it("pastes formulas and constants but not formats with copy type Formulas", async () => {
    const simulator = stagedReview();
    await paste(simulator, "Review!A3", "~Staging!A2:D2", "Formulas");
    expect(at(simulator, "D3")).toMatchObject({ formula: "=C3-B3", value: 7.5, numberFormat: "General" });
  });

  it("pastes only number formats and conditional formats with copy type Formats", async () => {
    const simulator = stagedReview();
    await run(simulator, async (context) => {
      const format = context.workbook.worksheets
        .getItem("~Staging")
        .getRange("D2:D4")
        .conditionalFormats.add("CellValue");
      format.cellValue.format.font.color = "#9C0006";
      await context.sync();
    });
    await paste(simulator, "Review!D3", "~Staging!D2:D4", "Formats");
    expect(at(simulator, "D3")).toMatchObject({ value: null, numberFormat: "$#,##0.00" });
    expect(simulator.conditionalFormats("Review")).toEqual([
      { type: "CellValue", address: "D3:D5", properties: { "cellValue.format.font.color": "#9C0006" }, calls: [] },
    ]);
  });

  it("leaves destination cells under blank source cells as they were with skipBlanks", async () => {
    const simulator = stagedReview();
    await paste(simulator, "Review!A1", "~Staging!A4:B4", "All", true);
    expect([at(simulator, "A1").value, at(simulator, "B1").value]).toEqual(["Notes kept by the user", 260]);
  });

  it("turns rows into columns with transpose", async () => {
    const simulator = stagedReview();
    await paste(simulator, "Review!A3", "~Staging!A1:C1", "Values", false, true);
    expect([at(simulator, "A3").value, at(simulator, "A4").value, at(simulator, "A5").value]).toEqual([
      "HCPCS Code",
      "Allowed Amount",
      "Expected Allowed Amount",
    ]);
  });

  it("fills a destination that is an exact multiple of the source with copies, as Excel's paste does", async () => {
    const simulator = stagedReview();
    await paste(simulator, "Review!F1:F4", "~Staging!D2:D3", "Formulas");
    expect([1, 2, 3, 4].map((row) => at(simulator, `F${row}`).formula)).toEqual([
      "=E1-D1",
      "=E2-D2",
      "=E3-D3",
      "=E4-D4",
    ]);
  });

  it("takes a source address without a sheet from the destination's sheet", async () => {
    const simulator = stagedReview();
    await paste(simulator, "Review!C1", "A1");
    expect(at(simulator, "C1").value).toBe("Notes kept by the user");
  });

  it("refuses the Link copy type, which the simulator does not paste, and pastes nothing", async () => {
    const simulator = stagedReview();
    const error = await rejectionOf(paste(simulator, "Review!A3", "~Staging!A1:D4", "Link"));
    expect(error.code).toBe(ErrorCodes.notImplemented);
    expect(at(simulator, "A3").value).toBeNull();
  });
});

describe("copying the cells of a spill", () => {
  function withSpill(): WorkbookSimulator {
    return new WorkbookSimulator({ sheets: [{ name: "Review", cells: [[1, "=A1:A3*2"], [2], [3]] }] });
  }

  it("pastes the anchor's formula alone when the anchor is copied, so the copy spills again", async () => {
    const simulator = withSpill();
    await paste(simulator, "Review!D1", "B1:B3", "Formulas");
    expect([at(simulator, "D1").formula, at(simulator, "D2").formula]).toEqual(["=C1:C3*2", null]);
  });

  it("pastes values for spilled cells copied without their anchor", async () => {
    const simulator = withSpill();
    await paste(simulator, "Review!D1", "B2:B3", "Formulas");
    expect([at(simulator, "D1").value, at(simulator, "D2").value, at(simulator, "D1").formula]).toEqual([4, 6, null]);
  });
});
