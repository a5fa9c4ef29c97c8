// The catalogue of malformed 835 inputs (issue 10, "bad input is refused or flagged, never turned into data"): each
// entry is a file a user could really be handed - cut short, a code of the wrong length, an absurd amount, a control
// character - with the exact messages the user reads and the rows the import would write. Hand-built entries use
// the snippets builders; the others are cut or altered copies of the real public samples.
import { readFileSync } from "fs";
import path from "path";
import { parse835, remit835IssueMessage, type Remit835File } from "../../../src/formats/remit835";
import { describeWithSharedData, readSharedData } from "../../support/sharedData";
import { envelope, remit835, transaction835 } from "./snippets";

const FIXTURES = path.resolve(__dirname, "../../fixtures/x12-835");
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), "utf8");

/** A file, the messages the user must read (the refusal, or every warning in file order) and the rows imported. */
interface BadInput {
  readonly input: string;
  readonly messages: readonly string[];
  readonly rows: readonly string[];
}

function messagesOf(input: string): string[] {
  const result = parse835(input);
  return result.ok ? result.value.warnings.map(remit835IssueMessage) : [remit835IssueMessage(result.issue)];
}

/** Each imported row as "claim / line number / code / paid cents / payer", or nothing when the file is refused. */
function rowsOf(input: string): string[] {
  const result = parse835(input);
  if (!result.ok) return [];
  return result.value.lines.map(
    (l) => `${l.claimId} / ${l.claimLineNumber} / ${l.procedureCode ?? "-"} / ${l.paidAmount} / ${l.payer ?? "-"}`,
  );
}

/** Every text the import would write (lines and transactions, warnings aside) that holds a control character. */
function controlCharactersIn(file: Remit835File): string[] {
  const found: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === "string" && /\p{Cc}/u.test(value)) found.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (typeof value === "object" && value !== null)
      for (const [key, inner] of Object.entries(value)) if (key !== "warnings") walk(inner);
  };
  walk({ lines: file.lines, transactions: file.transactions });
  return found;
}

/** The offset of the segment that starts with `start` (at the file's start or after a terminator or newline). */
function segmentOffset(text: string, start: string, from = 0): number {
  let offset = text.indexOf(start, from);
  while (offset > 0 && !"~\n".includes(text[offset - 1] as string)) offset = text.indexOf(start, offset + 1);
  if (offset < 0) throw new Error(`no segment starts with ${start}`);
  return offset;
}

/** The 1-based index of the segment that starts with `start`, counting terminators ("~"-terminated files). */
function segmentIndex(text: string, start: string, from = 0): number {
  return text.slice(0, segmentOffset(text, start, from)).split("~").length;
}

/** Where a segment is, as the messages say it, counted independently of the reader. */
function at(text: string, start: string, from = 0): string {
  const offset = segmentOffset(text, start, from);
  const line = text.slice(0, offset).split("\n").length;
  const id = start.split(/[*|]/)[0] as string;
  return `Segment ${segmentIndex(text, start, from)} (${id}, line ${line}, character ${offset + 1})`;
}

/** `at` in lower case, as a refusal says it mid-sentence. */
const atLower = (text: string, start: string, from = 0) => `s${at(text, start, from).slice(1)}`;

/** The text up to `keep` characters into the segment that starts with `start`: a file cut there. */
function cutInside(text: string, start: string, keep: number, from = 0): string {
  return text.slice(0, segmentOffset(text, start, from) + keep);
}

const AMOUNT = "an amount like 1234.56, between -100,000,000.00 and 100,000,000.00";
const UNITS = "a number of units from 0 to 100,000";
const MODIFIER = "a two-character modifier like 26 or TC";
const HCPCS = "a 5-character CPT/HCPCS code like 99213 or J1100, as qualifier HC requires";
const CONTROL = "holds a control character, which no 835 name, id or code contains";
const REFUSED_FILE =
  "No complete 835 transaction is left, so nothing was read; ask the payer or clearinghouse for the whole file.";
const PAYER = "ACME HEALTH PLAN";

/** A claim of two lines: the first is where each entry puts its fault, the second stays whole. */
const twoLines = (firstSvc: string, ...firstLineSegments: string[]) => [
  "CLP*C1*1*200*160*40*12*PCN1",
  firstSvc,
  ...firstLineSegments,
  "SVC*HC:99214*100*80**1",
  "CAS*PR*2*20",
];
const SECOND_LINE_ONLY = [`C1 / 2 / 99214 / 8000 / ${PAYER}`];

/** The claim of one line that the cut entries cut. */
const PAID_LINE = ["CLP*C1*1*100*80*20*12*PCN1", "SVC*HC:99213*100*80**1", "DTM*472*20250105", "CAS*PR*2*20"];
const OTHER_CLAIM = ["CLP*C2*1*50*50**12*PCN2", "SVC*HC:99212*50*50**1"];

/** A fault in the first line of a two-line claim: that line is refused, the second imported. */
interface LineFault {
  /** The first line's SVC and the segments after it. */
  readonly line: readonly string[];
  /** The start of the segment holding the fault (default: the SVC). */
  readonly segment?: string;
  readonly element: string;
  /** The value as the message quotes it. */
  readonly value: string;
  readonly expected: string;
}

function lineRefused(fault: LineFault): BadInput {
  const [svc, ...rest] = fault.line as [string, ...string[]];
  const input = remit835(twoLines(svc, ...rest));
  const where = at(input, fault.segment ?? svc);
  return {
    input,
    messages: [
      `${where}: ${fault.element} "${fault.value}" is not valid (expected ${fault.expected}); claim C1 line 1 was not imported.`,
    ],
    rows: SECOND_LINE_ONLY,
  };
}

const HAND_BUILT: Record<string, () => BadInput> = {
  "a file cut inside a code (SVC*HC:99) is refused, never read as code 00099 paid $0": () => {
    const input = cutInside(remit835(PAID_LINE), "SVC*HC:99213", "SVC*HC:99".length);
    const where = atLower(input, "SVC*HC:99");
    return {
      input,
      messages: [
        `The file is cut short at ${where}: it ends inside this segment, "SVC*HC:99", which has no segment terminator. ${REFUSED_FILE}`,
      ],
      rows: [],
    };
  },
  "a file cut after a whole service line, before its transaction's SE, is refused": () => {
    const full = remit835(PAID_LINE);
    const input = full.slice(0, segmentOffset(full, "DTM*472"));
    return {
      input,
      messages: [
        `The file is cut short at ${atLower(input, "SVC*HC:99213")}: it ends after this segment, without the SE trailer that closes the transaction. ${REFUSED_FILE}`,
      ],
      rows: [],
    };
  },
  "a file cut inside its second transaction keeps the first, whole, and says what was dropped": () => {
    const full = envelope([
      ...transaction835(PAID_LINE, { control: "0001" }),
      ...transaction835(OTHER_CLAIM, { control: "0002" }),
    ]);
    const input = cutInside(full, "SVC*HC:99212", "SVC*HC:992".length);
    return {
      input,
      messages: [
        `${at(input, "SVC*HC:992", segmentOffset(input, "ST*835*0002"))}: the file is cut short: it ends inside this segment, "SVC*HC:992", which has no segment terminator. Transaction 0002 (from segment ${segmentIndex(input, "ST*835*0002")}) is incomplete and was not imported, nor its 1 claim read so far; the 1 transaction before it is complete and was read.`,
      ],
      rows: [`C1 / 1 / 99213 / 8000 / ${PAYER}`],
    };
  },
  "a file that stops after SE, without GE and IEA, is read with a warning": () => {
    const full = remit835(PAID_LINE);
    const input = full.slice(0, segmentOffset(full, "GE*"));
    return {
      input,
      messages: [
        `${at(input, "SE*")}: the file is cut short: it ends after this segment, without the GE trailer that closes the functional group. Every 835 transaction before it is complete and was read.`,
      ],
      rows: [`C1 / 1 / 99213 / 8000 / ${PAYER}`],
    };
  },
  "a file cut inside its IEA control number is read with a warning": () => {
    const input = cutInside(remit835(PAID_LINE), "IEA*", "IEA*1*0000".length);
    return {
      input,
      messages: [
        `${at(input, "IEA*")}: the file is cut short: it ends inside this segment, "IEA*1*0000", which has no segment terminator. Every 835 transaction before it is complete and was read.`,
      ],
      rows: [`C1 / 1 / 99213 / 8000 / ${PAYER}`],
    };
  },
  "a 4-digit HCPCS code (9921) refuses its line instead of becoming 09921": () =>
    lineRefused({ line: ["SVC*HC:9921*100*80**1", "CAS*PR*2*20"], element: "SVC01-2", value: "9921", expected: HCPCS }),
  "a 6-character HCPCS code refuses its line": () =>
    lineRefused({ line: ["SVC*HC:992134*100*80**1"], element: "SVC01-2", value: "992134", expected: HCPCS }),
  "a one-character modifier refuses its line": () =>
    lineRefused({
      line: ["SVC*HC:99213:2*100*80**1", "CAS*PR*2*20"],
      element: "SVC01-3",
      value: "2",
      expected: MODIFIER,
    }),
  "a three-character second modifier refuses its line": () =>
    lineRefused({ line: ["SVC*HC:99213:25:266*100*80**1"], element: "SVC01-4", value: "266", expected: MODIFIER }),
  "a charge of 1e20 refuses its line instead of reading Paid $0": () =>
    lineRefused({
      line: ["SVC*HC:99213*1e20*80**1", "CAS*PR*2*20"],
      element: "SVC02",
      value: "1e20",
      expected: AMOUNT,
    }),
  "a payment beyond $100,000,000 refuses its line": () =>
    lineRefused({
      line: ["SVC*HC:99213*100*100000000.01**1"],
      element: "SVC03",
      value: "100000000.01",
      expected: AMOUNT,
    }),
  "a charge written with a thousands separator refuses its line": () =>
    lineRefused({ line: ["SVC*HC:99213*1,000.00*80**1"], element: "SVC02", value: "1,000.00", expected: AMOUNT }),
  "units of 10^300 refuse their line": () =>
    lineRefused({
      line: [`SVC*HC:99213*100*80**1${"0".repeat(300)}`],
      element: "SVC05",
      value: `1${"0".repeat(59)}...`,
      expected: UNITS,
    }),
  "negative units on a claim that is not a reversal refuse their line": () =>
    lineRefused({ line: ["SVC*HC:99213*100*80**-1", "CAS*PR*2*20"], element: "SVC05", value: "-1", expected: UNITS }),
  "a qualifier cut to one character refuses its line": () =>
    lineRefused({
      line: ["SVC*H:99213*100*80**1"],
      element: "SVC01-1",
      value: "H",
      expected: "a two-character code qualifier like HC or NU",
    }),
  "an NDC of 10 digits under N4 refuses its line": () =>
    lineRefused({
      line: ["SVC*N4:0002143380*100*80**1"],
      element: "SVC01-2",
      value: "0002143380",
      expected: "an 11-digit NDC like 00002143380, as qualifier N4 requires",
    }),
  "a 3-digit revenue code under NU refuses its line": () =>
    lineRefused({
      line: ["SVC*NU:450*100*80**1"],
      element: "SVC01-2",
      value: "450",
      expected: "a 4-digit revenue code like 0450, as qualifier NU requires",
    }),
  "a submitted code (SVC06) of 4 digits refuses its line": () =>
    lineRefused({ line: ["SVC*HC:99213*100*80**1*HC:9921"], element: "SVC06-2", value: "9921", expected: HCPCS }),
  "an adjustment amount with a comma refuses its line": () =>
    lineRefused({
      line: ["SVC*HC:99213*100*80**1", "CAS*PR*2*2,0"],
      segment: "CAS*PR*2*2,0",
      element: "CAS03",
      value: "2,0",
      expected: AMOUNT,
    }),
  "an allowed amount (AMT*B6) that is not a number refuses its line": () =>
    lineRefused({
      line: ["SVC*HC:99213*100*80**1", "AMT*B6*abc"],
      segment: "AMT*B6",
      element: "AMT02",
      value: "abc",
      expected: AMOUNT,
    }),
  "a date of service that is not a calendar date refuses its line": () =>
    lineRefused({
      line: ["SVC*HC:99213*100*80**1", "DTM*472*20251340"],
      segment: "DTM*472",
      element: "DTM02",
      value: "20251340",
      expected: "a date as CCYYMMDD",
    }),
  "a composite cut before its code refuses its line": () => {
    const input = remit835(twoLines("SVC*HC*100*80**1"));
    return {
      input,
      messages: [`${at(input, "SVC*HC*")}: SVC01-2 is empty; claim C1 line 1 was not imported.`],
      rows: SECOND_LINE_ONLY,
    };
  },
  "an adjustment without its reason code refuses its line": () => {
    const input = remit835(twoLines("SVC*HC:99213*100*80**1", "CAS*PR**20"));
    return {
      input,
      messages: [`${at(input, "CAS*PR**")}: CAS02 is empty; claim C1 line 1 was not imported.`],
      rows: SECOND_LINE_ONLY,
    };
  },
  "a tab inside a line item control number refuses its line": () => {
    const input = remit835(twoLines("SVC*HC:99213*100*80**1", "REF*6R*LINE\t0001"));
    return {
      input,
      messages: [`${at(input, "REF*6R")}: REF02 "LINE\u24090001" ${CONTROL}; claim C1 line 1 was not imported.`],
      rows: SECOND_LINE_ONLY,
    };
  },
  "a claim charge of 1e20 refuses the claim and its lines, and only them": () => {
    const input = remit835(["CLP*C1*1*1e20*80*20*12*PCN1", "SVC*HC:99213*100*80**1", "CAS*PR*2*20", ...OTHER_CLAIM]);
    return {
      input,
      messages: [
        `${at(input, "CLP*C1")}: CLP03 "1e20" is not valid (expected ${AMOUNT}); claim C1 and its lines were not imported.`,
      ],
      rows: [`C2 / 1 / 99212 / 5000 / ${PAYER}`],
    };
  },
  "an absurd claim-level adjustment on a claim without lines refuses the claim": () => {
    const input = remit835(["CLP*C9*4*500*0**MC*PCN9", "CAS*CO*26*5000000000", ...OTHER_CLAIM]);
    return {
      input,
      messages: [
        `${at(input, "CAS*CO*26")}: CAS03 "5000000000" is not valid (expected ${AMOUNT}); claim C9 and its lines were not imported.`,
      ],
      rows: [`C2 / 1 / 99212 / 5000 / ${PAYER}`],
    };
  },
  "a statement date written 2025-01-01 refuses its claim": () => {
    const input = remit835([
      "CLP*C1*1*100*80*20*12*PCN1",
      "DTM*232*2025-01-01",
      "SVC*HC:99213*100*80**1",
      "CAS*PR*2*20",
      ...OTHER_CLAIM,
    ]);
    return {
      input,
      messages: [
        `${at(input, "DTM*232")}: DTM02 "2025-01-01" is not valid (expected a date as CCYYMMDD); claim C1 and its lines were not imported.`,
      ],
      rows: [`C2 / 1 / 99212 / 5000 / ${PAYER}`],
    };
  },
  "a NUL inside a claim id refuses the claim": () => {
    const input = remit835([
      "CLP*C\u00001*1*100*80*20*12*PCN1",
      "SVC*HC:99213*100*80**1",
      "CAS*PR*2*20",
      ...OTHER_CLAIM,
    ]);
    return {
      input,
      messages: [
        `${at(input, "CLP*C\u0000")}: CLP01 "C\u24001" ${CONTROL}; claim (no id) and its lines were not imported.`,
      ],
      rows: [`C2 / 1 / 99212 / 5000 / ${PAYER}`],
    };
  },
  "a NUL inside the payer name leaves the payer blank, never in a cell": () => {
    const input = remit835(PAID_LINE).replace("N1*PR*ACME HEALTH", "N1*PR*ACME\u0000HEALTH");
    return {
      input,
      messages: [`${at(input, "N1*PR")}: N102 "ACME\u2400HEALTH PLAN" ${CONTROL}; read as blank.`],
      rows: ["C1 / 1 / 99213 / 8000 / -"],
    };
  },
  "a provider adjustment amount of 1e5 is skipped, not read as a number": () => {
    const input = remit835([...PAID_LINE, "PLB*1234567893*20251231*WO:OVERPAY123*1e5"]);
    return {
      input,
      messages: [`${at(input, "PLB*")}: PLB04 "1e5" is not valid (expected an amount like 1234.56); skipped.`],
      rows: [`C1 / 1 / 99213 / 8000 / ${PAYER}`],
    };
  },
};

/** Cut or altered copies of the real samples in test/fixtures/x12-835 (copies of ../shared/data/x12-835). */
const REAL_SAMPLES: Record<string, () => BadInput> = {
  "eMedNY's remit cut inside its first service code is refused": () => {
    const input = cutInside(fixture("emedny_sample.835"), "SVC*HC:V2020:RB", "SVC*HC:V20".length);
    return {
      input,
      messages: [
        `The file is cut short at ${atLower(input, "SVC*HC:V20")}: it ends inside this segment, "SVC*HC:V20", which has no segment terminator. ${REFUSED_FILE}`,
      ],
      rows: [],
    };
  },
  "eMedNY's remit with one code shortened to V202 loses that line only": () => {
    const input = fixture("emedny_sample.835").replace("SVC*HC:V2700:RB*2.75*2.75", "SVC*HC:V270:RB*2.75*2.75");
    const rows = rowsOf(fixture("emedny_sample.835"));
    return {
      input,
      messages: [
        `${at(input, "SVC*HC:V270:")}: SVC01-2 "V270" is not valid (expected ${HCPCS}); claim PATIENT ACCOUNT NUMBER line 2 was not imported.`,
      ],
      rows: rows.filter((row) => !row.startsWith("PATIENT ACCOUNT NUMBER / 2 / V2700 / 275")),
    };
  },
  "TigerShark's 4010 remit cut inside its last segment keeps its balance warning and says what was cut": () => {
    const full = fixture("tigershark_4010_out_of_balance.835");
    const input = cutInside(full, "IEA|", "IEA|1|00".length);
    return {
      input,
      messages: [
        `${at(input, "BPR|")}: total payment 12345.67 (BPR02) differs from claims paid 12200.67 less provider adjustments -361.19.`,
        `${at(input, "IEA|")}: the file is cut short: it ends inside this segment, "IEA|1|00", which has no segment terminator. Every 835 transaction before it is complete and was read.`,
      ],
      rows: rowsOf(full),
    };
  },
};

/** Cut copies of the samples in ../shared/data/x12-835 that have no copy in test/fixtures. */
const SHARED_SAMPLES: Record<string, () => BadInput> = {
  "the 156-interchange profee-multiple.edi cut inside its last line keeps the 155 complete transactions": () => {
    const full = readSharedData("x12-835/tastypackets/profee-multiple.edi");
    const lastTransaction = full.lastIndexOf("ST*835*1740");
    const lastLine = full.lastIndexOf("SVC*HC:S0580");
    const input = cutInside(full, "SVC*HC:S0580", "SVC*HC:S05".length, lastLine);
    return {
      input,
      messages: [
        `${at(input, "SVC*HC:S05", lastLine)}: the file is cut short: it ends inside this segment, "SVC*HC:S05", which has no segment terminator. Transaction 1740 (from segment ${segmentIndex(input, "ST*835*1740", lastTransaction)}) is incomplete and was not imported, nor its 3 claims read so far; the 155 transactions before it are complete and were read.`,
      ],
      rows: rowsOf(full).slice(0, 155 * 10),
    };
  },
  "TigerShark's two-payer remit cut inside the second payer's line keeps the first payer's": () => {
    const full = readSharedData("x12-835/tigershark/835-example-2.txt");
    const second = full.indexOf("ST|835|0002");
    const input = cutInside(full, "SVC|HC^88888", "SVC|HC^888".length, second);
    return {
      input,
      messages: [
        `${at(input, "BPR|")}: total payment 12345.67 (BPR02) differs from claims paid 200.02 less provider adjustments 0.00.`,
        `${at(input, "SVC|HC^888", second)}: the file is cut short: it ends inside this segment, "SVC|HC^888", which has no segment terminator. Transaction 0002 (from segment ${segmentIndex(input, "ST|835|0002")}) is incomplete and was not imported, nor its 1 claim read so far; the 1 transaction before it is complete and was read.`,
      ],
      rows: ["001-DDDDDDDDDD / 1 / 88888 / 20002 / UNITED HEALTHCARE INSURANCE COMPANY"],
    };
  },
  "UnitedHealthcare's remit cut inside a code (HC>B41) is refused": () => {
    const full = readSharedData("x12-835/keironstoddart/united_healthcare_legacy_sample.txt");
    const cutLine = segmentOffset(full, "SVC*HC>B4154");
    const input = cutInside(full, "SVC*HC>B4154", "SVC*HC>B41".length);
    return {
      input,
      messages: [
        `The file is cut short at ${atLower(input, "SVC*HC>B41", cutLine)}: it ends inside this segment, "SVC*HC>B41", which has no segment terminator. ${REFUSED_FILE}`,
      ],
      rows: [],
    };
  },
  "Nevada Medicaid's remit without its IEA keeps its three transactions, with a warning": () => {
    const full = readSharedData("x12-835/affect-therapeutics/nevada_medicaid.txt");
    const input = full.slice(0, segmentOffset(full, "IEA*"));
    return {
      input,
      messages: [
        `${at(input, "GE*")}: the file is cut short: it ends after this segment, without the IEA trailer that closes the interchange. Every 835 transaction before it is complete and was read.`,
      ],
      rows: rowsOf(full),
    };
  },
};

/** Each entry: the exact messages, the rows imported, and no control character in any of them. */
function catalogueTests(catalogue: Record<string, () => BadInput>): void {
  const names = Object.keys(catalogue);

  it.each(names)("%s: the user reads exactly what is wrong and where", (name) => {
    const entry = catalogue[name]!();
    expect(messagesOf(entry.input)).toEqual(entry.messages);
  });

  it.each(names)("%s: no row is made from the bad part", (name) => {
    const entry = catalogue[name]!();
    expect(rowsOf(entry.input)).toEqual(entry.rows);
  });

  it.each(names)("%s: no control character reaches a row", (name) => {
    const result = parse835(catalogue[name]!().input);
    expect(result.ok ? controlCharactersIn(result.value) : []).toEqual([]);
  });
}

describe("bad input catalogue: hand-built 835 files", () => catalogueTests(HAND_BUILT));
describe("bad input catalogue: the samples in test/fixtures, cut or altered", () => catalogueTests(REAL_SAMPLES));
describeWithSharedData("bad input catalogue: the samples in ../shared/data, cut", () => catalogueTests(SHARED_SAMPLES));
