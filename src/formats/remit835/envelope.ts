// The envelope: interchange (ISA..IEA), functional group (GS..GE) and transaction set (ST..SE), and how the file
// ends. A file cut short (its last segment without terminator, or a trailer missing at the end) never turns the cut
// part into data: the transaction it cuts is dropped whole and reported.
import { checkTransactionBalance } from "./balancing";
import { closeClaim } from "./claimLoop";
import { rawElement, readText } from "./elements";
import type { EnvelopeTrailer, FileCut, Remit835Warning, SegmentPosition } from "./issues";
import { GE, GS, IEA, ISA, REMITTANCE_TRANSACTION_SET, SE, ST, VERSION_PREFIXES } from "./layout";
import type { Reader } from "./reader";
import type { RawSegment } from "./segments";
import type { X12Version } from "./types";

/** ISA: a new interchange (closing a transaction left open by a missing SE). */
export function readIsa(r: Reader, s: RawSegment): void {
  closeTransactionIfOpen(r, s);
  r.interchangeCount++;
  r.interchange = {
    controlNumber: r.take(readText(s, ISA.interchangeControlNumber), s, "blank"),
    version: versionOf(rawElement(s, ISA.interchangeControlVersionNumber)),
  };
  r.group = null;
}

/** IEA: the end of the interchange. */
export function readIea(r: Reader, s: RawSegment): void {
  closeTransactionIfOpen(r, s);
  r.interchange = null;
  r.group = null;
}

/** GS: a functional group, whose GS08 gives the version of its transactions. */
export function readGs(r: Reader, s: RawSegment): void {
  r.group = {
    controlNumber: r.take(readText(s, GS.groupControlNumber), s, "blank"),
    version: versionOf(rawElement(s, GS.versionCode)),
  };
}

/** GE: the end of the functional group. */
export function readGe(r: Reader, s: RawSegment): void {
  closeTransactionIfOpen(r, s);
  r.group = null;
}

/** ST: opens an 835 transaction, or skips a transaction of another set (an 837 in the same file). */
export function readSt(r: Reader, s: RawSegment): void {
  closeTransactionIfOpen(r, s);
  const setId = rawElement(s, ST.transactionSetIdentifierCode) ?? "";
  const controlNumber = r.take(readText(s, ST.transactionSetControlNumber), s, "blank");
  r.openTransactionControlNumber = controlNumber;
  if (setId !== REMITTANCE_TRANSACTION_SET) {
    r.otherTransactionSets.add(setId);
    r.warn({ code: "transactionSkipped", position: r.positionOf(s), transactionSetId: setId });
    r.skippingTransaction = true;
    return;
  }
  r.transaction = {
    st: s,
    interchangeControlNumber: r.interchange?.controlNumber ?? null,
    transactionSetControlNumber: controlNumber ?? "",
    version: versionOf(rawElement(s, ST.version)) ?? r.group?.version ?? r.interchange?.version ?? null,
    bpr: null,
    transactionHandlingCode: null,
    totalActualProviderPaymentAmount: null,
    paymentMethodCode: null,
    paymentDate: null,
    checkOrEftTraceNumber: null,
    payer: null,
    payerIdentifier: null,
    payee: null,
    payeeIdentifier: null,
    n1Context: null,
    claims: [],
    providerAdjustments: [],
    hasRefusedClaim: false,
    claimsRead: 0,
    firstLineIndex: r.lines.length,
  };
}

/** SE: closes the transaction. */
export function readSe(r: Reader, s: RawSegment): void {
  r.openTransactionControlNumber = null;
  if (r.skippingTransaction) r.skippingTransaction = false;
  else if (r.transaction === null) r.outOfPlace(s, "a transaction (ST..SE)");
  else closeTransaction(r);
}

/** A trailer or header met while a transaction is open: the SE is missing; what was read is kept, with a warning. */
function closeTransactionIfOpen(r: Reader, s: RawSegment): void {
  r.skippingTransaction = false;
  r.openTransactionControlNumber = null;
  if (r.transaction === null) return;
  r.warn({ code: "transactionNotClosed", position: r.positionOf(s) });
  closeTransaction(r);
}

function closeTransaction(r: Reader): void {
  const t = r.transaction;
  if (t === null) return;
  closeClaim(r);
  const balance = t.hasRefusedClaim ? null : checkTransactionBalance(t, r.positionOf(t.bpr ?? t.st));
  if (balance !== null) r.warnings.push(balance);
  r.transactions.push({
    interchangeControlNumber: t.interchangeControlNumber,
    transactionSetControlNumber: t.transactionSetControlNumber,
    version: t.version,
    transactionHandlingCode: t.transactionHandlingCode,
    totalActualProviderPaymentAmount: t.totalActualProviderPaymentAmount,
    paymentMethodCode: t.paymentMethodCode,
    paymentDate: t.paymentDate,
    checkOrEftTraceNumber: t.checkOrEftTraceNumber,
    payer: t.payer,
    payerIdentifier: t.payerIdentifier,
    payee: t.payee,
    payeeIdentifier: t.payeeIdentifier,
    claims: t.claims,
    providerAdjustments: t.providerAdjustments,
    position: r.positionOf(t.st),
  });
  r.transaction = null;
}

/**
 * Whether a last segment that has no terminator is nevertheless whole: the trailer that closes what is open, with
 * its header's control number (SE02 = ST02, GE02 = GS06, IEA02 = ISA13), as files that end without a final "~" send.
 */
export function closesOpenEnvelope(r: Reader, s: RawSegment): boolean {
  const id = s.elements[0];
  if (r.openTransactionControlNumber !== null)
    return id === "SE" && rawElement(s, SE.transactionSetControlNumber) === r.openTransactionControlNumber;
  if (r.group !== null) return id === "GE" && rawElement(s, GE.groupControlNumber) === r.group.controlNumber;
  if (r.interchange !== null)
    return id === "IEA" && rawElement(s, IEA.interchangeControlNumber) === r.interchange.controlNumber;
  return false;
}

/** How the file ends when it is cut short: where, how, and the transaction dropped (null when none was open). */
export interface FileEnd {
  readonly position: SegmentPosition;
  readonly cut: FileCut;
  readonly dropped: {
    readonly transactionSetControlNumber: string;
    readonly position: SegmentPosition;
    readonly claimCount: number;
  } | null;
}

/**
 * Checks how the file ends, after every whole segment was read. `cutSegment` is a last segment without terminator
 * that closes nothing. Null when the file ends whole; else the open transaction, if any, is dropped (its rows taken
 * back) and the cut is described.
 */
export function endOfFile(r: Reader, cutSegment: RawSegment | null, lastSegment: RawSegment): FileEnd | null {
  const trailer = missingTrailer(r);
  const cut: FileCut | null =
    cutSegment !== null
      ? { kind: "insideSegment", text: cutSegment.elements.join(cutSegment.delimiters.element) }
      : trailer !== null
        ? { kind: "beforeTrailer", trailer }
        : null;
  if (cut === null) return null;
  const t = r.transaction;
  const dropped =
    t === null
      ? null
      : {
          transactionSetControlNumber: t.transactionSetControlNumber,
          position: r.positionOf(t.st),
          claimCount: t.claimsRead,
        };
  if (t !== null) r.lines.length = t.firstLineIndex;
  r.transaction = null;
  r.claim = null;
  r.line = null;
  return { position: r.positionOf(cutSegment ?? lastSegment), cut, dropped };
}

/** The warning for a cut file that still holds complete transactions. */
export function cutWarning(end: FileEnd, completeTransactionCount: number): Remit835Warning {
  if (end.dropped === null) return { code: "envelopeCut", position: end.position, cut: end.cut };
  return {
    code: "transactionCut",
    position: end.position,
    cut: end.cut,
    transactionSetControlNumber: end.dropped.transactionSetControlNumber,
    transactionPosition: end.dropped.position,
    claimCount: end.dropped.claimCount,
    completeTransactionCount,
  };
}

/** The innermost trailer still missing at the end of the file: SE, GE or IEA; null when everything is closed. */
function missingTrailer(r: Reader): EnvelopeTrailer | null {
  if (r.transaction !== null || r.skippingTransaction) return "SE";
  if (r.group !== null) return "GE";
  return r.interchange !== null ? "IEA" : null;
}

function versionOf(text: string | null): X12Version | null {
  if (text === null) return null;
  for (const [version, prefixes] of Object.entries(VERSION_PREFIXES) as [X12Version, readonly string[]][])
    if (prefixes.some((prefix) => text.startsWith(prefix))) return version;
  return null;
}
