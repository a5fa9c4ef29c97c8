/**
 * The one way an issue becomes words (STYLE.md "two error channels"): issues stay data, a union discriminated by
 * `code`, until a catalogue words them for display, as zod keeps `$ZodIssue` until a locale map renders it. Every
 * module's messages are a table keyed by the codes of its union, and the one generic {@link catalogue} turns the
 * table into its describe function, so a new code without a message, or a message for a code that does not exist,
 * fails to compile instead of falling through to a default.
 */

/** Anything discriminated by `code`: every issue union of the add-in. */
export interface Coded {
  readonly code: string;
}

/** The member of `I` whose code is `K`. */
export type WithCode<I extends Coded, K extends I["code"]> = Extract<I, { readonly code: K }>;

/**
 * One function per code of `I`, each given the member of that code. As an object literal, a table missing a code
 * or naming one the union lacks does not compile.
 */
export type ByCode<I extends Coded, R> = { readonly [K in I["code"]]: (issue: WithCode<I, K>) => R };

/** The messages of an issue union: one per code. */
export type Messages<I extends Coded> = ByCode<I, string>;

/**
 * The describe function of a table keyed by code: it hands each issue to the entry of its code.
 * @example
 * const describe = catalogue<RangeReadIssue>({ nameNotFound: (i) => `No table "${i.name}".`, ... });
 * describe({ code: "nameNotFound", name: "Rates" }) // 'No table "Rates".'
 */
export function catalogue<I extends Coded, R = string>(table: ByCode<I, R>): (issue: I) => R {
  return (issue) => (table[issue.code as I["code"]] as (issue: I) => R)(issue);
}

/**
 * An entry with several facts about the issues of one code (`F`: its field names and their types), for catalogues
 * that say more than a message (the Excel error a function returns, the table rows concerned): each field is a
 * constant, or a function of the issue when the fact depends on it.
 */
export type Entry<I, F> = { readonly [P in keyof F]: F[P] | ((issue: I) => F[P]) };

/** One {@link Entry} per code of `I`; as an object literal, a missing or extra code does not compile. */
export type EntriesByCode<I extends Coded, F> = { readonly [K in I["code"]]: Entry<WithCode<I, K>, F> };

/**
 * One field of every entry, as a table by code ({@link ByCode}) for {@link catalogue}. A field's value must not
 * itself be a function: a function is read as the rule that gives the value.
 * @example const issueMessage = catalogue(fieldOf(ISSUE_CATALOGUE, "message"));
 */
export function fieldOf<I extends Coded, F, P extends keyof F>(table: EntriesByCode<I, F>, field: P): ByCode<I, F[P]> {
  const byCode: Record<string, (issue: I) => F[P]> = {};
  for (const [code, entry] of Object.entries(table) as [string, Entry<I, F>][]) {
    const fact = entry[field];
    byCode[code] = typeof fact === "function" ? (fact as (issue: I) => F[P]) : () => fact as F[P];
  }
  return byCode as unknown as ByCode<I, F[P]>;
}
