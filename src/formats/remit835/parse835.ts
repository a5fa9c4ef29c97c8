import { fail, ok, type Result } from "../../engine";
import { readMia, readMoa } from "./adjudication";
import { readCas, readPlb } from "./adjustments";
import { closeClaim, readClaimDtm, readClaimName, readClaimRef, readClp } from "./claimLoop";
import { decode835Bytes, isPdf, type TextEncoding } from "./encoding";
import {
  closesOpenEnvelope,
  cutWarning,
  endOfFile,
  readGe,
  readGs,
  readIea,
  readIsa,
  readSe,
  readSt,
} from "./envelope";
import { readBpr, readHeaderRef, readN1, readTrn } from "./header";
import type { Remit835Refusal } from "./issues";
import { SEGMENT_IDS, type SegmentId } from "./layout";
import { Reader, type ClaimDraft, type TransactionDraft } from "./reader";
import { describeNonX12, segment835, type RawSegment, type Segmented } from "./segments";
import { readLineAmt, readLineDtm, readLineRef, readLq, readSvc } from "./serviceLine";
import type { Remit835File } from "./types";

/** Options of {@link parse835}. */
export interface Parse835Options {
  /** Files larger than this are refused up front (ARCHITECTURE.md s.10). Default 100 MB. */
  readonly maxBytes?: number;
}

/** Default size limit: far above a month of remits for a large group, far below what a browser tab can hold. */
export const DEFAULT_MAX_835_BYTES = 100_000_000;

/**
 * Parses an X12 835 health care claim payment/advice (005010X221A1 or 004010X091A1) into transactions, claims and
 * service lines with amounts in cents, the allowed amount, and each line's denial verdict (DOMAIN.md 4.3-4.5, 6).
 * Problems inside the file are issues with their position (never an exception): a line or claim with an element
 * that cannot be read is reported and left out, never turned into made-up data; a file cut short keeps only its
 * complete transactions. A file that is not an 835 (empty, a CSV, a PDF, an 837, too large) or holds no complete
 * transaction is refused with a message naming what was found.
 * @example parse835("ISA*00*...~ST*835*1~...~SE*20*1~IEA*1*1~") // { ok: true, value: { lines: [...], warnings: [] } }
 */
export function parse835(
  input: string | Uint8Array,
  options: Parse835Options = {},
): Result<Remit835File, Remit835Refusal> {
  const limit = options.maxBytes ?? DEFAULT_MAX_835_BYTES;
  const size = typeof input === "string" ? input.length : input.byteLength;
  if (size > limit) return fail({ code: "fileTooLarge", sizeBytes: size, limitBytes: limit });
  if (typeof input !== "string" && isPdf(input)) return fail({ code: "notX12", found: "a PDF document" });
  const decoded = typeof input === "string" ? { text: input, encoding: null } : decode835Bytes(input);
  const segmented = segment835(decoded.text);
  if (!segmented.ok) return segmented;
  return readSegments(segmented.value, decoded.encoding);
}

/** A reader of one segment id, given the reader state (and the open transaction, for segments inside one). */
type SegmentReader = (r: Reader, s: RawSegment) => void;

/** A reader of a segment that belongs inside a transaction: skipped in a skipped transaction, reported outside one. */
function inTransaction(read: (r: Reader, s: RawSegment, t: TransactionDraft) => void): SegmentReader {
  return (r, s) => {
    if (r.skippingTransaction) return;
    if (r.transaction === null) return r.outOfPlace(s, "a transaction (ST..SE)");
    read(r, s, r.transaction);
  };
}

/** A reader of a segment that belongs inside a claim (after CLP). */
function inClaim(read: (r: Reader, s: RawSegment, claim: ClaimDraft) => void): SegmentReader {
  return inTransaction((r, s) => (r.claim === null ? r.outOfPlace(s, "a claim (after CLP)") : read(r, s, r.claim)));
}

/** Segments the reader does not need (N2-N4, PER, RDM, CUR, QTY): known, and skipped quietly. */
const ignored: SegmentReader = () => undefined;

/** One reader per 835 segment id: the compiler checks that every id of layout.ts has one. */
const SEGMENT_READERS = {
  ISA: readIsa,
  IEA: readIea,
  GS: readGs,
  GE: readGe,
  ST: readSt,
  SE: readSe,
  BPR: inTransaction(readBpr),
  TRN: inTransaction(readTrn),
  CUR: ignored,
  REF: inTransaction((r, s, t) => {
    if (r.line !== null) readLineRef(r, s, r.line);
    else if (r.claim !== null) readClaimRef(r, s, r.claim);
    else readHeaderRef(r, s, t);
  }),
  DTM: inTransaction((r, s) => {
    if (r.line !== null) readLineDtm(r, s, r.line);
    else if (r.claim !== null) readClaimDtm(r, s, r.claim);
  }),
  N1: inTransaction((r, s, t) => {
    closeClaim(r);
    readN1(r, s, t);
  }),
  N2: ignored,
  N3: ignored,
  N4: ignored,
  PER: ignored,
  RDM: ignored,
  LX: inTransaction((r) => closeClaim(r)),
  TS3: inTransaction((r) => closeClaim(r)),
  TS2: inTransaction((r) => closeClaim(r)),
  CLP: inTransaction(readClp),
  CAS: inClaim(readCas),
  NM1: inTransaction((r, s) => {
    if (r.claim !== null && r.line === null) readClaimName(r, s, r.claim);
  }),
  MIA: inClaim(readMia),
  MOA: inClaim(readMoa),
  AMT: inTransaction((r, s) => {
    if (r.line !== null) readLineAmt(r, s, r.line);
  }),
  QTY: ignored,
  SVC: inClaim(readSvc),
  LQ: inTransaction((r, s) => (r.line === null ? r.outOfPlace(s, "a service line (after SVC)") : readLq(r, s, r.line))),
  PLB: inTransaction((r, s, t) => {
    closeClaim(r);
    readPlb(r, s, t);
  }),
} satisfies Record<SegmentId, SegmentReader>;

const KNOWN_SEGMENTS: ReadonlySet<string> = new Set(SEGMENT_IDS);
const SEGMENT_ID = /^[A-Z][A-Z0-9]{1,2}$/;

function readSegment(r: Reader, s: RawSegment): void {
  const id = s.elements[0] ?? "";
  if (!SEGMENT_ID.test(id)) {
    const text = s.elements.join(s.delimiters.element);
    const shown = text.length > 60 ? `${text.slice(0, 60)}...` : text;
    return r.warn({ code: "segmentUnreadable", position: r.positionOf(s), text: shown });
  }
  if (!KNOWN_SEGMENTS.has(id)) {
    if (!r.skippingTransaction) r.warn({ code: "segmentUnknown", position: r.positionOf(s) });
    return;
  }
  SEGMENT_READERS[id as SegmentId](r, s);
}

function readSegments(segmented: Segmented, encoding: TextEncoding | null): Result<Remit835File, Remit835Refusal> {
  const { segments, hasEnvelope, firstDelimiters } = segmented;
  const r = new Reader(segmented.positionOf);
  const first = segments[0];
  const last = segments[segments.length - 1];
  if (first === undefined || last === undefined) return fail({ code: "fileEmpty" });
  if (!hasEnvelope) {
    const d = firstDelimiters;
    const shown = `element "${d.element}", component "${d.component}", segment "${d.segment === "\n" ? "newline" : d.segment}"`;
    r.warn({ code: "envelopeMissing", position: r.positionOf(first), delimiters: shown });
  }
  const whole = segmented.lastSegmentTerminated ? segments.length : segments.length - 1;
  for (let i = 0; i < whole; i++) readSegment(r, segments[i] as RawSegment);
  // A last segment without terminator is whole only when it is the trailer that closes the file.
  const cutSegment = whole < segments.length && !closesOpenEnvelope(r, last) ? last : null;
  if (whole < segments.length && cutSegment === null) readSegment(r, last);
  const end = endOfFile(r, cutSegment, last);
  if (r.transactions.length === 0) {
    if (r.otherTransactionSets.size > 0)
      return fail({ code: "notA835", transactionSetIds: [...r.otherTransactionSets] });
    if (first.elements[0] !== "ISA" && !KNOWN_SEGMENTS.has(first.elements[0] ?? ""))
      return fail({ code: "notX12", found: describeNonX12(first.elements.join(first.delimiters.element)) });
    if (end !== null) return fail({ code: "fileCutShort", position: end.position, cut: end.cut });
    return fail({ code: "noTransactions" });
  }
  if (end !== null) r.warnings.push(cutWarning(end, r.transactions.length));
  // Balancing warnings are found when a claim or transaction closes; list everything in file order.
  const warnings = [...r.warnings].sort((a, b) => a.position.segmentIndex - b.position.segmentIndex);
  return ok({
    interchangeCount: r.interchangeCount,
    hasEnvelope,
    delimiters: firstDelimiters,
    textEncoding: encoding,
    transactions: r.transactions,
    lines: r.lines,
    warnings,
  });
}
