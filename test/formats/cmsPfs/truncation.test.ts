// Real CMS files cut short must be refused, saying how far they got and what a complete file has; the complete
// files must read as before (their counts are pinned in pprrvu.test.ts and gpci.test.ts).
import { parseGpciCsv } from "../../../src/formats/cmsPfs/gpci";
import { importIssueMessage } from "../../../src/formats/cmsPfs/importIssues";
import { parsePprrvuCsv } from "../../../src/formats/cmsPfs/pprrvu";
import { describeWithSharedData, readSharedData } from "../../support/sharedData";
import { cutShort, firstField, linesOf, type Cut } from "./cutFiles";

const PPRRVU_KIND = "CMS PFS relative value (PPRRVU)";
const GPCI_KIND = "CMS GPCI";
/** The PPRRVU header is the 10th line of every release here; data starts on line 11. */
const PPRRVU_HEADER_ROW = 10;
const n = (value: number) => value.toLocaleString("en-US");

const refusal = (result: ReturnType<typeof parsePprrvuCsv> | ReturnType<typeof parseGpciCsv>): string =>
  result.ok ? "accepted" : importIssueMessage(result.issue);

/** What the reader must say of a file cut inside its last line, its header on row `headerRow`. */
function midLineMessage(kind: string, cut: string, headerRow: number): string {
  const lines = linesOf(cut);
  const complete = lines.slice(headerRow, -1).filter((line) => !/^,*$/.test(line)).length;
  return `The ${kind} file is cut short: its last line (row ${n(lines.length)}) stops in the middle, after ${n(complete)} complete rows below the header; a complete file ends with a whole line. Nothing was imported: download the file again.`;
}

const PPRRVU_FILES = [
  { path: "cms-pfs/2024-rvu24c/PPRRVU24_JUL.csv", end: "the 99 codes (CPT evaluation and management), which follow the HCPCS Level II codes" }, // prettier-ignore
  { path: "cms-pfs/2025-rvu25a-excel-resaved/PPRRVU25_JAN1.csv", end: "the 99 codes (CPT evaluation and management), which follow the HCPCS Level II codes" }, // prettier-ignore
  { path: "cms-pfs/2025-rvu25d/PPRRVU2025_Oct.csv", end: "the V codes (HCPCS Level II), which follow the CPT codes" },
  { path: "cms-pfs/2026-rvu26c/PPRRVU2026_Jul_nonQPP.csv", end: "the V codes (HCPCS Level II), which follow the CPT codes" }, // prettier-ignore
] as const;
const SHARES = [0.05, 0.37, 0.6, 0.9, 0.98] as const;
const CUTS: readonly Cut[] = ["mid-line", "line boundary"];

describeWithSharedData("a PPRRVU file cut short is refused", () => {
  const cases = PPRRVU_FILES.flatMap((file) =>
    SHARES.flatMap((share) => CUTS.map((cut) => [file.path, share, cut, file.end] as const)),
  );
  const texts = new Map(PPRRVU_FILES.map((file) => [file.path, readSharedData(file.path)]));

  it.each(cases)("%s cut at %p, %s", (path, share, cut, end) => {
    const text = cutShort(texts.get(path) ?? "", share, cut);
    const lines = linesOf(text);
    const dataRows = lines.length - PPRRVU_HEADER_ROW;

    const expected =
      cut === "mid-line"
        ? midLineMessage(PPRRVU_KIND, text, PPRRVU_HEADER_ROW)
        : `The ${PPRRVU_KIND} file is cut short: it stops at row ${n(lines.length)} (code ${firstField(lines.at(-1) ?? "")}) after ${n(dataRows)} data rows, but CMS lists the codes in order and a complete file runs on to ${end}. Nothing was imported: download the file again.`;
    expect(refusal(parsePprrvuCsv(text))).toBe(expected);
  });

  it("refuses the CY2025 October file cut at 37%, which used to register 6,961 of its 19,090 codes", () => {
    const text = cutShort(readSharedData("cms-pfs/2025-rvu25d/PPRRVU2025_Oct.csv"), 0.37, "line boundary");
    expect(refusal(parsePprrvuCsv(text))).toBe(
      `The ${PPRRVU_KIND} file is cut short: it stops at row 6,971 (code 64520) after 6,961 data rows, but CMS lists the codes in order and a complete file runs on to the V codes (HCPCS Level II), which follow the CPT codes. Nothing was imported: download the file again.`,
    );
  });

  it("refuses a file cut inside its last line even when a line break was added after the cut", () => {
    const text = cutShort(readSharedData("cms-pfs/2026-rvu26c/PPRRVU2026_Jul_nonQPP.csv"), 0.5, "mid-line");
    const lines = linesOf(text);
    const cells = (lines.at(-1) ?? "").split(",").length;
    expect(refusal(parsePprrvuCsv(`${text}\r\n`))).toBe(
      `The ${PPRRVU_KIND} file is cut short: its last row (row ${n(lines.length)}) has ${cells} of the 32 columns, after ${n(lines.length - PPRRVU_HEADER_ROW)} data rows. Nothing was imported: download the file again.`,
    );
  });

  it("refuses a file that stops right after its header", () => {
    const header = linesOf(readSharedData("cms-pfs/2025-rvu25d/PPRRVU2025_Oct.csv")).slice(0, PPRRVU_HEADER_ROW);
    expect(refusal(parsePprrvuCsv(`${header.join("\r\n")}\r\n`))).toBe(
      `The ${PPRRVU_KIND} file stops after its header (row 10): it has no data rows. Nothing was imported: download the file again.`,
    );
  });
});

const GPCI_FILES = ["cms-pfs/2025-rvu25d/GPCI2025.csv", "cms-pfs/2025-rvu25a-excel-resaved/GPCI2025.csv"] as const;

describeWithSharedData("a GPCI file cut short is refused", () => {
  const texts = new Map(GPCI_FILES.map((path) => [path, readSharedData(path)]));
  const cases = GPCI_FILES.flatMap((path) =>
    [0.3, 0.6, 0.9].flatMap((share) => CUTS.map((cut) => [path, share, cut] as const)),
  );

  it.each(cases)("%s cut at %p, %s", (path, share, cut) => {
    const text = cutShort(texts.get(path) ?? "", share, cut);
    const lines = linesOf(text);
    // Localities are the lines that start with a MAC number (the header is on row 3).
    const localities = lines.filter((line) => /^\d+,/.test(line)).length;

    const expected =
      cut === "mid-line"
        ? midLineMessage(GPCI_KIND, text, 3)
        : `The ${GPCI_KIND} file is cut short: it stops at row ${lines.length} after ${localities} localities, and the footnote for "*" (row 5, ALASKA*) that CMS prints under the table is missing. Nothing was imported: download the file again.`;
    expect(refusal(parseGpciCsv(text))).toBe(expected);
  });

  it("refuses a file cut between the two footnotes: WYOMING** is left without its explanation", () => {
    const text = readSharedData("cms-pfs/2025-rvu25d/GPCI2025.csv");
    const cut = text.slice(0, text.indexOf("**PE GPCI"));
    expect(refusal(parseGpciCsv(cut))).toBe(
      `The ${GPCI_KIND} file is cut short: it stops at row 115 after 109 localities, and the footnote for "**" (row 71, MONTANA**) that CMS prints under the table is missing. Nothing was imported: download the file again.`,
    );
  });
});
