// The transaction header: BPR (payment), TRN (trace number), N1 (payer loop 1000A, payee loop 1000B) and the
// payer's REF*2U. These values carry no line amounts, so one that cannot be read reads as blank with a warning.
import { rawElement, readDate, readText, readTotalAmount } from "./elements";
import { BPR, N1, N1_ENTITY, qualifierName, REF, REF_QUALIFIER, TRN } from "./layout";
import type { Reader, TransactionDraft } from "./reader";
import type { RawSegment } from "./segments";

/** BPR: handling code, total payment (BPR02, balanced against the claims), payment method and date. */
export function readBpr(r: Reader, s: RawSegment, t: TransactionDraft): void {
  t.bpr = s;
  t.transactionHandlingCode = r.take(readText(s, BPR.transactionHandlingCode), s, "blank");
  t.totalActualProviderPaymentAmount = r.take(readTotalAmount(s, BPR.totalActualProviderPaymentAmount), s, "blank");
  t.paymentMethodCode = r.take(readText(s, BPR.paymentMethodCode), s, "blank");
  t.paymentDate = r.take(readDate(s, BPR.paymentDate), s, "blank");
}

/** TRN: the check or EFT trace number that reassociates the remit with the bank deposit. */
export function readTrn(r: Reader, s: RawSegment, t: TransactionDraft): void {
  t.checkOrEftTraceNumber = r.take(readText(s, TRN.checkOrEftTraceNumber), s, "blank");
}

const PARTIES = {
  payer: (t, name, identifier) => {
    t.payer = name;
    t.payerIdentifier = identifier ?? t.payerIdentifier;
  },
  payee: (t, name, identifier) => {
    t.payee = name;
    t.payeeIdentifier = identifier;
  },
} satisfies Record<keyof typeof N1_ENTITY, (t: TransactionDraft, name: string | null, id: string | null) => void>;

/** N1: the payer (N1*PR) or payee (N1*PE) name and identifier; other parties are not read. */
export function readN1(r: Reader, s: RawSegment, t: TransactionDraft): void {
  t.n1Context = rawElement(s, N1.entityIdentifierCode);
  const party = qualifierName(N1_ENTITY, t.n1Context);
  if (party === null) return;
  const name = r.take(readText(s, N1.name), s, "blank");
  PARTIES[party](t, name, r.take(readText(s, N1.identifier), s, "blank"));
}

/** REF in the header: the payer's additional identifier (REF*2U after N1*PR) when N104 gave none. */
export function readHeaderRef(r: Reader, s: RawSegment, t: TransactionDraft): void {
  if (r.claim !== null || t.n1Context !== N1_ENTITY.payer) return;
  if (rawElement(s, REF.referenceIdentificationQualifier) !== REF_QUALIFIER.payerIdentification) return;
  t.payerIdentifier ??= r.take(readText(s, REF.referenceIdentification), s, "blank");
}
