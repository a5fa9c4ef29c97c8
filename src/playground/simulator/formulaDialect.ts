/**
 * Excel formula text that HyperFormula reads differently: bare TRUE and FALSE are constants in Excel but
 * function calls (TRUE()) in HyperFormula, where a bare word is a name (#NAME?).
 */

/** Rewrites an Excel formula for HyperFormula; string literals are left alone. */
export function toEngineFormula(formula: string): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1 ? part : part.replace(/(?<![A-Za-z0-9_.!$'])(TRUE|FALSE)(?![A-Za-z0-9_.(!])/gi, "$1()"),
    )
    .join("");
}
