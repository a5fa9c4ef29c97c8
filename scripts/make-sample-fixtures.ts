/**
 * Builds the small, committed fixtures behind the playground's sample workbook from the public files in
 * ../shared/data (which exists on developer machines and in CI, not on a user's): the ~150 professional HCPCS codes
 * a physician group bills most, their CY2025 PPRRVU rows, one locality's CY2025 GPCIs, and the code/POS/modifier
 * frequencies of the Tuva synthetic claims. Run with `npx tsx scripts/make-sample-fixtures.ts`; the output is
 * deterministic, so re-running it on the same inputs changes nothing.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import Papa from "papaparse";
import { FACILITY_PLACES_OF_SERVICE } from "../src/engine";

const dataDir = path.resolve(__dirname, "../../shared/data");
const outDir = path.resolve(__dirname, "../src/playground/sample/fixtures");

const tuvaFile = "claims/tuva-synthetic/medical_claim.csv";
const pprrvuFile = "cms-pfs/2025-rvu25d/PPRRVU2025_Oct.csv";
const gpciFile = "cms-pfs/2025-rvu25d/GPCI2025.csv";
const pfrevFile = "cms-pfs/2025-rvu25d/PFREV25C.txt";

/** Houston, TX: one of the localities DOMAIN.md section 9 gives reference amounts for. */
const locality = { mac: "04412", localityNumber: "18" };
const targetCodeCount = 150;
const maxLabCodes = 12;
const maxDrugCodes = 6;

/** Codes the issue asks for by name, so the sample shows every pricing situation even where Tuva is silent. */
const listedCodes = [
  ...["99202", "99203", "99204", "99205", "99211", "99212", "99213", "99214", "99215", "G2211"],
  ...["99221", "99222", "99223", "99231", "99232", "99233", "99238", "99239", "99284", "99285"],
  ...["71046", "73721", "70450", "72148", "74177", "93306", "77067"],
  ...["80053", "85025", "36415"],
  ...["20610", "29881", "11042", "45378", "64483", "17110", "97110", "97140", "96372"],
  ...["J3301", "J1885", "J1100"],
  // 76145 is the one code CMS's PFREV25C payment file lists, so it is the oracle for the locality arithmetic.
  "76145",
];

/** PPRRVU columns kept, by the header text CMS prints (joined over its banner rows). */
const keptColumns = [
  "HCPCS",
  "MOD",
  "DESCRIPTION",
  "STATUS CODE",
  "WORK RVU",
  "NON-FAC PE RVU",
  "FACILITY PE RVU",
  "MP RVU",
  "PCTC IND",
  "GLOB DAYS",
  "MULT PROC",
  "BILAT SURG",
  "ASST SURG",
  "CO-SURG",
  "CONV FACTOR",
] as const;
const keptModifiers = new Set(["", "26", "TC", "53"]);

function readCsv(relative: string): string[][] {
  const text = fs.readFileSync(path.join(dataDir, relative), "utf8");
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
  return parsed.data;
}

function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  return (
    Papa.unparse(
      rows.map((row) => row.map(String)),
      { newline: "\n" },
    ) + "\n"
  );
}

const isLabCode = (code: string) => (code >= "80047" && code <= "87999") || code === "36415";
const isDrugCode = (code: string) => code.startsWith("J");

/** PPRRVU: the header row is the one that starts HCPCS,MOD; the names continue upward over the banner rows. */
function readPprrvu(): { rows: Map<string, Record<(typeof keptColumns)[number], string>[]>; headerRow: number } {
  const table = readCsv(pprrvuFile);
  const headerIndex = table.findIndex((row) => row[0]?.trim() === "HCPCS" && row[1]?.trim() === "MOD");
  if (headerIndex < 0) throw new Error(`${pprrvuFile}: no row starts HCPCS,MOD`);
  const headerRows: string[][] = [];
  for (let i = headerIndex; i >= 0; i--) {
    const row = table[i] ?? [];
    // Banner title rows carry one cell of text; header fragments carry several.
    if (row.filter((cell) => cell.trim() !== "").length < 2) break;
    headerRows.unshift(row);
  }
  const width = table[headerIndex]!.length;
  const names = Array.from({ length: width }, (_, col) =>
    headerRows
      .map((row) => (row[col] ?? "").trim())
      .filter((part) => part !== "")
      .join(" ")
      .replace(/\s+/g, " ")
      .replace(/- /g, "-")
      .toUpperCase(),
  );
  const index = Object.fromEntries(
    keptColumns.map((name) => {
      const at = names.indexOf(name);
      if (at < 0) throw new Error(`${pprrvuFile}: no column "${name}" (found ${names.join(" | ")})`);
      return [name, at];
    }),
  ) as Record<(typeof keptColumns)[number], number>;
  const rows = new Map<string, Record<(typeof keptColumns)[number], string>[]>();
  for (const raw of table.slice(headerIndex + 1)) {
    const code = raw[index.HCPCS]?.trim() ?? "";
    if (code === "") continue;
    const row = Object.fromEntries(keptColumns.map((name) => [name, (raw[index[name]] ?? "").trim()])) as Record<
      (typeof keptColumns)[number],
      string
    >;
    rows.set(code, [...(rows.get(code) ?? []), row]);
  }
  return { rows, headerRow: headerIndex + 1 };
}

interface CodeStats {
  lineCount: number;
  facilityLineCount: number;
  modifier26LineCount: number;
  modifierTcLineCount: number;
  multiUnitLineCount: number;
}

function readTuva() {
  const [header, ...body] = readCsv(tuvaFile);
  if (!header) throw new Error(`${tuvaFile}: empty`);
  const col = (name: string) => {
    const at = header.indexOf(name);
    if (at < 0) throw new Error(`${tuvaFile}: no column ${name}`);
    return at;
  };
  const [type, code, mod1, mod2, pos, units] = [
    "claim_type",
    "hcpcs_code",
    "hcpcs_modifier_1",
    "hcpcs_modifier_2",
    "place_of_service_code",
    "service_unit_quantity",
  ].map(col) as [number, number, number, number, number, number];
  const stats = new Map<string, CodeStats>();
  const lines = body.filter((row) => row[type] === "professional" && (row[code] ?? "") !== "");
  for (const row of lines) {
    const c = row[code]!;
    const s = stats.get(c) ?? {
      lineCount: 0,
      facilityLineCount: 0,
      modifier26LineCount: 0,
      modifierTcLineCount: 0,
      multiUnitLineCount: 0,
    };
    const mods = [row[mod1], row[mod2]];
    s.lineCount++;
    if (FACILITY_PLACES_OF_SERVICE.has(row[pos] ?? "")) s.facilityLineCount++;
    if (mods.includes("26")) s.modifier26LineCount++;
    if (mods.includes("TC")) s.modifierTcLineCount++;
    if (Number(row[units] || "1") > 1) s.multiUnitLineCount++;
    stats.set(c, s);
  }
  return { stats, lines, columns: { code, mod1, pos } };
}

function readLocality(): string[][] {
  const table = readCsv(gpciFile);
  const headerIndex = table.findIndex((row) => row[0]?.startsWith("Medicare Administrative Contractor"));
  if (headerIndex < 0) throw new Error(`${gpciFile}: no header row`);
  const header = table[headerIndex]!.map((cell) => cell.trim());
  const row = table.find((r) => r[0] === locality.mac && r[2] === locality.localityNumber);
  if (!row) throw new Error(`${gpciFile}: no locality ${locality.mac}-${locality.localityNumber}`);
  return [header, row.map((cell) => cell.trim())];
}

/** Exact half-up rounding of (sum of RVU x GPCI) x CF to cents, on integers scaled from the decimal strings. */
function localityAmountCents(rvus: [string, string, string], gpcis: [string, string, string], cf: string): number {
  const scaled = (text: string, places: number) => {
    const [whole = "0", fraction = ""] = text.split(".");
    return BigInt(whole + fraction.padEnd(places, "0").slice(0, places));
  };
  const sum = rvus.reduce((acc, rvu, i) => acc + scaled(rvu, 2) * scaled(gpcis[i]!, 3), 0n);
  const exact = sum * scaled(cf, 4); // units of 1e-9 dollars
  return Number((exact + 5_000_000n) / 10_000_000n);
}

function main() {
  if (!fs.existsSync(dataDir)) throw new Error(`${dataDir} not found: this script needs the shared public data`);
  const { rows: pprrvu } = readPprrvu();
  const tuva = readTuva();

  const globalRow = (code: string) => pprrvu.get(code)?.find((row) => row.MOD === "");
  const isPayable = (code: string) => {
    const row = globalRow(code);
    if (!row || !["A", "R", "T"].includes(row["STATUS CODE"])) return false;
    return Number(row["WORK RVU"]) + Number(row["NON-FAC PE RVU"]) + Number(row["MP RVU"]) > 0;
  };
  const byFrequency = [...tuva.stats.entries()]
    .sort(([a, x], [b, y]) => y.lineCount - x.lineCount || a.localeCompare(b))
    .map(([code]) => code);

  const selected = new Map<string, "listed" | "frequency">();
  for (const code of listedCodes) {
    if (!globalRow(code)) throw new Error(`listed code ${code} is not in ${pprrvuFile}`);
    selected.set(code, "listed");
  }
  const count = (predicate: (code: string) => boolean) => [...selected.keys()].filter(predicate).length;
  for (const code of byFrequency) {
    if (selected.size >= targetCodeCount) break;
    if (selected.has(code) || !globalRow(code)) continue;
    // Labs and drugs have no PFS RVUs; the sample prices them through carve-outs, so a few of each are enough.
    if (isLabCode(code) && globalRow(code)!["STATUS CODE"] === "X") {
      if (count(isLabCode) < maxLabCodes) selected.set(code, "frequency");
    } else if (isDrugCode(code)) {
      if (count(isDrugCode) < maxDrugCodes) selected.set(code, "frequency");
    } else if (isPayable(code)) {
      selected.set(code, "frequency");
    }
  }
  const codes = [...selected.keys()].sort();

  const pprrvuRows = codes.flatMap((code) => pprrvu.get(code)!.filter((row) => keptModifiers.has(row.MOD)));
  const pprrvuCsv = toCsv([keptColumns, ...pprrvuRows.map((row) => keptColumns.map((name) => row[name]))]);

  const weightsCsv = toCsv([
    [
      "hcpcs_code",
      "line_count",
      "facility_line_count",
      "modifier_26_line_count",
      "modifier_tc_line_count",
      "multi_unit_line_count",
      "selected_because",
    ],
    ...codes.map((code) => {
      const s = tuva.stats.get(code);
      return [
        code,
        s?.lineCount ?? 0,
        s?.facilityLineCount ?? 0,
        s?.modifier26LineCount ?? 0,
        s?.modifierTcLineCount ?? 0,
        s?.multiUnitLineCount ?? 0,
        selected.get(code)!,
      ];
    }),
  ]);

  const mix = new Map<string, number>();
  const selectedSet = new Set(codes);
  for (const row of tuva.lines) {
    if (!selectedSet.has(row[tuva.columns.code]!)) continue;
    for (const [dimension, value] of [
      ["place_of_service_code", row[tuva.columns.pos] ?? ""],
      ["hcpcs_modifier_1", row[tuva.columns.mod1] ?? ""],
    ] as const) {
      if (value === "") continue;
      const key = `${dimension},${value}`;
      mix.set(key, (mix.get(key) ?? 0) + 1);
    }
  }
  const mixCsv = toCsv([
    ["dimension", "value", "line_count"],
    ...[...mix.entries()]
      .filter(([, n]) => n >= 3)
      .sort(([a, x], [b, y]) => a.split(",")[0]!.localeCompare(b.split(",")[0]!) || y - x || a.localeCompare(b))
      .map(([key, n]) => [...key.split(","), n]),
  ]);

  const localityRows = readLocality();
  const gpciCsv = toCsv(localityRows);

  fs.mkdirSync(outDir, { recursive: true });
  const files: [string, string][] = [
    ["pprrvu-sample.csv", pprrvuCsv],
    ["gpci-locality.csv", gpciCsv],
    ["code-weights.csv", weightsCsv],
    ["claim-mix.csv", mixCsv],
  ];
  for (const [name, text] of files) fs.writeFileSync(path.join(outDir, name), text);

  const listed = codes.filter((c) => selected.get(c) === "listed");
  const sources = `# Sample workbook fixtures

Generated by \`scripts/make-sample-fixtures.ts\` (\`npx tsx scripts/make-sample-fixtures.ts\`) from the public files in
\`../shared/data\`; do not edit by hand. Re-running the script on the same inputs reproduces these files byte for byte.

| file | from | what was selected |
|---|---|---|
| pprrvu-sample.csv | \`${pprrvuFile}\` (CMS CY2025 PFS relative value file, October release RVU25D; header row found by content, names joined over the banner rows) | ${pprrvuRows.length} rows: every blank/26/TC/53 modifier row of ${codes.length} HCPCS codes; columns ${keptColumns.join(", ")}. DESCRIPTION is empty because the shared copy blanked it (CPT descriptors are AMA copyright). |
| gpci-locality.csv | \`${gpciFile}\` (CMS CY2025 GPCIs, Addendum E; header row found by content, footnotes dropped) | the one row of locality ${locality.mac}-${locality.localityNumber} (${localityRows[1]![3]}, ${localityRows[1]![1]}), whose CY2025 amounts DOMAIN.md section 9 lists |
| code-weights.csv | \`${tuvaFile}\` (Tuva Project demo synthetic claims, Apache-2.0; professional lines only) | per selected code: line count, lines in a facility place of service, lines with modifier 26 / TC, lines with more than one unit; \`selected_because\` says whether frequency or the issue's list of must-have codes chose it |
| claim-mix.csv | same | line counts of place_of_service_code and hcpcs_modifier_1 over the selected codes (values seen at least 3 times) |

Selection rule: the ${listed.length} codes the issue names (E/M, imaging with 26/TC, labs, procedures, therapy, drugs,
and 76145, the one code in CMS's PFREV25C payment file, kept as the oracle for the locality arithmetic), then the most
frequent professional codes of the Tuva claims that have a CY2025 PPRRVU row and are payable under the PFS (status
A, R or T with RVUs), plus at most ${maxLabCodes} clinical-lab codes (status X, priced by carve-outs) and at most
${maxDrugCodes} J-code drugs, until ${targetCodeCount} codes. Ties rank by code.

Check: with these GPCIs, [(work RVU x work GPCI) + (PE RVU x PE GPCI) + (MP RVU x MP GPCI)] x CF rounded half-up to
cents once reproduces PFREV25C for 76145 in this locality and DOMAIN.md section 9's amounts for 99213 and 99214.
`;
  fs.writeFileSync(path.join(outDir, "SOURCES.md"), sources);

  verify(pprrvuRows, localityRows[1]!);
  const total = files.reduce((n, [, text]) => n + Buffer.byteLength(text), 0);
  console.log(`${codes.length} codes, ${pprrvuRows.length} PPRRVU rows, fixtures ${total} bytes in ${outDir}`);
}

/** Prints our locality amounts beside CMS's PFREV25C and DOMAIN.md's reference values, and fails on a mismatch. */
function verify(rows: Record<(typeof keptColumns)[number], string>[], gpci: string[]) {
  const gpcis: [string, string, string] = [gpci[4]!, gpci[5]!, gpci[6]!];
  const amount = (code: string, setting: "NON-FAC PE RVU" | "FACILITY PE RVU") => {
    const row = rows.find((r) => r.HCPCS === code && r.MOD === "");
    if (!row) throw new Error(`verify: ${code} not selected`);
    return localityAmountCents([row["WORK RVU"], row[setting], row["MP RVU"]], gpcis, row["CONV FACTOR"]);
  };
  const expected: [string, "NON-FAC PE RVU" | "FACILITY PE RVU", number][] = [
    ["99213", "NON-FAC PE RVU", 9100],
    ["99213", "FACILITY PE RVU", 6569],
    ["99214", "NON-FAC PE RVU", 12821],
    ["99214", "FACILITY PE RVU", 9674],
  ];
  const pfrev = fs
    .readFileSync(path.join(dataDir, pfrevFile), "utf8")
    .split(/\r?\n/)
    .map((line) => line.split(",").map((field) => field.replace(/"/g, "").trim()))
    .filter((f) => f[1] === locality.mac && f[2] === locality.localityNumber);
  for (const f of pfrev) {
    expected.push([f[3]!, "NON-FAC PE RVU", Math.round(Number(f[5]) * 100)]);
    expected.push([f[3]!, "FACILITY PE RVU", Math.round(Number(f[6]) * 100)]);
  }
  for (const [code, setting, cents] of expected) {
    const ours = amount(code, setting);
    console.log(`${code} ${setting}: ours ${ours / 100} reference ${cents / 100}`);
    if (ours !== cents) throw new Error(`verify: ${code} ${setting} ${ours} != ${cents}`);
  }
}

main();
