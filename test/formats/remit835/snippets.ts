// Builders of small hand-written 835 files for the parser tests: one interchange, one transaction, the claims given.

/** A fixed-width 5010 ISA with "*" elements, "^" repetition, ":" components and "~" terminators. */
export const ISA_5010 =
  "ISA*00*          *00*          *ZZ*PAYERSUBMIT    *ZZ*PROVIDERRECV   *250101*1200*^*00501*000000001*0*P*:~";

/** An 835 transaction around the given claim segments (written with "*", ":" and no terminator). */
export function transaction835(
  claimSegments: readonly string[],
  options: { paymentAmount?: string; control?: string } = {},
) {
  const control = options.control ?? "0001";
  return [
    `ST*835*${control}*005010X221A1`,
    `BPR*I*${options.paymentAmount ?? ""}*C*ACH*CCP*01*999999999*DA*123456*1512345678**01*999999999*DA*654321*20250115`,
    "TRN*1*EFT12345*1512345678",
    "DTM*405*20250114",
    "N1*PR*ACME HEALTH PLAN*XV*99999",
    "N1*PE*RIVERSIDE CLINIC*XX*1234567893",
    "LX*1",
    ...claimSegments,
    `SE*${claimSegments.length + 8}*${control}`,
  ];
}

/** A whole 5010 file: ISA, GS, the transaction(s), GE, IEA, joined with "~" and no newlines. */
export function remit835(claimSegments: readonly string[], options: { paymentAmount?: string } = {}): string {
  return envelope(transaction835(claimSegments, options));
}

/** Wraps transaction segments in ISA/GS..GE/IEA. */
export function envelope(segments: readonly string[]): string {
  return [
    ISA_5010.slice(0, -1),
    "GS*HP*PAYERSUBMIT*PROVIDERRECV*20250101*1200*1*X*005010X221A1",
    ...segments,
    "GE*1*1",
    "IEA*1*000000001",
  ]
    .map((s) => `${s}~`)
    .join("");
}
