/**
 * The columns the tool adds after every column of the claims file, declared once in the column dictionary's shape
 * (columnDictionary.ts): the output's headers and --help come from here.
 */
import type { Column, TableSpec } from "../excel/registry/columnDictionary";

export const PRICED_LINES_SPEC = {
  title: "Priced claim lines (command-line tool)",
  purpose:
    "Written by `payer-contracts price`: every column of the claims file as it was, in the same order of lines, then these.",
  columns: {
    expectedAmount: {
      header: "Expected Amount",
      written: "money",
      description:
        "The contract's expected allowed amount for the line, in dollars to the cent (the engine of PAYER.EXPECTED_PAYMENT); blank when the line cannot be priced.",
    },
    pricingIssue: {
      header: "Pricing Issue",
      written: "text",
      description:
        "Why the line has no expected amount (a code not on the contract's schedule, no contract version in effect on the service date, a problem in the contract's rows); blank on priced lines.",
    },
  },
} as const satisfies TableSpec<Readonly<Record<string, Column>>>;
