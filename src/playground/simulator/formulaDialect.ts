/**
 * Excel formula text that HyperFormula reads differently: bare TRUE and FALSE are constants in Excel but
 * function calls (TRUE()) in HyperFormula, where a bare word is a name (#NAME?); a reference broken by a deleted
 * sheet keeps its cell part in Excel (`#REF!B2`), which HyperFormula cannot parse, so it gets the bare `#REF!`.
 */

const BROKEN_REFERENCE =
  /#REF!(?:\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d+:\$?\d+)(?![A-Za-z0-9_(])/g;

/** Rewrites the parts of a formula outside its string literals ("..." with "" for a quote). */
export function outsideStrings(formula: string, rewrite: (part: string) => string): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : rewrite(part)))
    .join("");
}

/** Rewrites an Excel formula for HyperFormula; string literals are left alone. */
export function toEngineFormula(formula: string): string {
  return outsideStrings(formula, (part) =>
    part.replace(/(?<![A-Za-z0-9_.!$'])(TRUE|FALSE)(?![A-Za-z0-9_.(!])/gi, "$1()").replace(BROKEN_REFERENCE, "#REF!"),
  );
}
