import fc from "fast-check";
import Papa from "papaparse";
import { DELIMITERS } from "../../../src/formats/payerSchedule";
import { previewText } from "./fixtures";

interface ValidRow {
  code: string;
  modifier: string | null;
  nonFacilityCents: number;
  facilityCents: number | null;
  start: string | null;
  end: string | null;
}

const digits = (n: number) => fc.stringMatching(new RegExp(`^[0-9]{${n}}$`));
const code = fc.oneof(
  digits(5).filter((d) => d !== "00000"),
  fc.tuple(fc.constantFrom("A", "G", "J", "Q"), digits(4)).map(([l, d]) => l + d),
  fc.tuple(digits(4), fc.constantFrom("F", "T", "U")).map(([d, l]) => d + l),
);
const isoDay = fc
  .date({ min: new Date("2020-01-01"), max: new Date("2030-12-31"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const row: fc.Arbitrary<ValidRow> = fc
  .record({
    code,
    modifier: fc.option(fc.constantFrom("26", "TC", "50", "59", "LT", "RT"), { nil: null }),
    nonFacilityCents: fc.integer({ min: 1, max: 10_000_000 }),
    facilityCents: fc.option(fc.integer({ min: 1, max: 10_000_000 }), { nil: null }),
    dates: fc.option(fc.tuple(isoDay, isoDay), { nil: null }),
  })
  .map(({ dates, ...rest }) => {
    const [a, b] = dates ?? [null, null];
    const start = a !== null && b !== null && a > b ? b : a;
    const end = a !== null && b !== null && a > b ? a : b;
    return { ...rest, start, end };
  });

const dollars = (cents: number): string => (cents / 100).toFixed(2);

describe("parsing a schedule rendered to delimited text gives back its rows", () => {
  it("holds for any valid rows, delimiter and header wording", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(row, { minLength: 1, maxLength: 30, selector: (r) => `${r.code}|${r.modifier ?? ""}` }),
        fc.constantFrom(...DELIMITERS),
        fc.constantFrom(
          ["CPT", "Mod", "Fee", "Facility Fee", "Effective", "Term Date"],
          ["HCPCS Code", "Modifier", "Allowed", "Fac Rate", "Start Date", "End Date"],
        ),
        fc.boolean(),
        (rows, delimiter, headers, crlf) => {
          const grid = [
            headers,
            ...rows.map((r) => [
              r.code,
              r.modifier ?? "",
              dollars(r.nonFacilityCents),
              r.facilityCents === null ? "" : dollars(r.facilityCents),
              r.start ?? "",
              r.end ?? "",
            ]),
          ];
          const text = Papa.unparse(grid, { delimiter, newline: crlf ? "\r\n" : "\n" });
          const preview = previewText(text);
          expect(preview.counts.errors).toBe(0);
          expect(
            preview.rows.map((r) => ({
              code: r.hcpcsCode as string,
              modifier: r.modifier as string | null,
              nonFacilityCents: r.nonFacilityRate?.times(100).toNumber(),
              facilityCents: r.facilityRate === null ? null : r.facilityRate.times(100).toNumber(),
              start: r.effectiveStartDate as string | null,
              end: r.effectiveEndDate as string | null,
            })),
          ).toEqual(rows);
        },
      ),
      { numRuns: 200 },
    );
  });
});
