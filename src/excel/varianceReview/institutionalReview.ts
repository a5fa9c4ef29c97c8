/**
 * The review of a hospital claims table (issue 14 item 4): its lines priced and flagged by the engine
 * (`reviewInstitutionalVariances`), summed up, and the Summary's blocks by code: stays by MS-DRG, outpatient lines by
 * HCPCS code and, for lines without one, by revenue code. Each block covers the table rows its kind of code is read
 * from (a row with an MS-DRG is a stay's; else with a HCPCS code; else by revenue code), so no row counts twice.
 * The Summary's allowed amounts are expected + variance: a stay's allowed amount is the claim's, which no line column
 * holds once per stay.
 */
import { fail, registryKey, reviewInstitutionalVariances, summariseInstitutionalVariances } from "../../engine";
import { STAY_LINE_REASON_PREFIX } from "../../engine";
import type { InstitutionalInputLine, InstitutionalSide, VarianceLine, VarianceTolerance } from "../../engine";
import type { InstitutionalVarianceSummary } from "../../engine";
import type { ClaimsMapping } from "../claims/claimsMapping";
import { registryIssueMessage, type RegistrySnapshot } from "../registry";
import type { InstitutionalReviewLines } from "./readInstitutionalLines";
import type { CodeBlock, SummaryAllowed } from "./reviewSheets";

/** A reviewed hospital table: each row's review (null: an empty row), the summary, and the Summary's layout choices. */
export interface InstitutionalTableReview {
  readonly lines: readonly (VarianceLine | null)[];
  readonly inputs: readonly InstitutionalInputLine[];
  readonly summary: InstitutionalVarianceSummary;
  readonly allowed: SummaryAllowed;
  readonly codeBlocks: readonly CodeBlock[];
  /** How the Reason of a stay's later lines starts: the Summary counts a stay once, on its first line. */
  readonly uncountedReasonPrefix: string;
}

/** Where each side's contract problems are indexed, as PAYER.INPATIENT_PAYMENT and OUTPATIENT_PAYMENT read them. */
const ISSUES_OF_SIDE = {
  inpatient: (snapshot) => snapshot.inpatientIssuesByContract,
  outpatient: (snapshot) => snapshot.outpatientIssuesByContract,
} as const satisfies Record<InstitutionalSide, (snapshot: RegistrySnapshot) => RegistrySnapshot["issuesByContract"]>;

/**
 * A line whose contract's hospital rows of its side have problems, turned into a line with no expected amount (the
 * first problem says why), as the PAYER functions answer with it until it is fixed.
 */
function distrustProblemTerms(line: InstitutionalInputLine, snapshot: RegistrySnapshot): InstitutionalInputLine {
  if (!line.pricing.ok) return line;
  const contractName = line.pricing.value.contractName;
  const problem = ISSUES_OF_SIDE[line.side](snapshot).get(registryKey(contractName))?.[0];
  if (problem === undefined) return line;
  return {
    ...line,
    pricing: fail({ code: "varianceContractUnreliable", contractName, message: registryIssueMessage(problem) }),
  };
}

/** The Summary's blocks by code of a hospital table: one per kind of code whose column the mapping gives. */
function codeBlocksOf(mapping: ClaimsMapping, summary: InstitutionalVarianceSummary): CodeBlock[] {
  const keys = (kind: keyof InstitutionalVarianceSummary["byCodeKind"]) =>
    summary.byCodeKind[kind].map((c) => c.hcpcsCode);
  const present = (columns: readonly (string | null)[]) => columns.filter((c): c is string => c !== null);
  const blocks: CodeBlock[] = [];
  if (mapping.msDrg !== null)
    blocks.push({
      heading: "By MS-DRG (inpatient stays)",
      keyHeader: "MS-DRG",
      keyColumn: mapping.msDrg,
      keys: keys("drg"),
      blankColumns: [],
    });
  if (mapping.hcpcsCode !== null)
    blocks.push({
      heading: "By HCPCS code (outpatient lines)",
      keyHeader: "HCPCS Code",
      keyColumn: mapping.hcpcsCode,
      keys: keys("hcpcs"),
      blankColumns: present([mapping.msDrg]),
    });
  if (mapping.revenueCode !== null && keys("revenueCode").length > 0)
    blocks.push({
      heading: "By revenue code (lines without HCPCS)",
      keyHeader: "Revenue Code",
      keyColumn: mapping.revenueCode,
      keys: keys("revenueCode"),
      blankColumns: present([mapping.msDrg, mapping.hcpcsCode]),
    });
  return blocks;
}

/** Reviews the lines read from a hospital claims table under the workbook's registry. */
export function reviewInstitutionalTable(
  read: InstitutionalReviewLines,
  mapping: ClaimsMapping,
  snapshot: RegistrySnapshot,
  tolerance: VarianceTolerance,
): InstitutionalTableReview {
  const inputs: InstitutionalInputLine[] = [];
  for (const line of read.lines) if (line !== null) inputs.push(distrustProblemTerms(line, snapshot));
  const reviewed = reviewInstitutionalVariances(snapshot.registry, inputs, tolerance);
  const summary = summariseInstitutionalVariances(inputs, reviewed);
  let k = 0;
  const lines = read.lines.map((line) => (line === null ? null : reviewed[k++]!));
  const codeBlocks = codeBlocksOf(mapping, summary);
  return { lines, inputs, summary, allowed: { kind: "reviewed" }, codeBlocks, uncountedReasonPrefix: STAY_LINE_REASON_PREFIX }; // prettier-ignore
}
