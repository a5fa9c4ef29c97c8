/**
 * The number formats of the cells the add-in writes, declared once so that the same kind of figure looks the same
 * on every sheet (a dollar amount on the model, the review and the portfolio; a share on the Summary and the
 * portfolio). Formats the user's own tables already carry are theirs and never read from here.
 */
export const NUMBER_FORMATS = {
  /** Keeps file and user text as typed: "=HYPERLINK(...)", "+1-555" and "00110" stay text (ARCHITECTURE.md s.10). */
  text: "@",
  general: "General",
  /** Finance's accounting negatives: ($214.43), never -$214.43. */
  money: "$#,##0.00;($#,##0.00)",
  /** Rates and uplifts the user sets or reads back exactly (115.25%). */
  percent: "0.00%",
  /** Shares and rates on summaries read at a glance (a denial rate of 12.3%). */
  share: "0.0%",
  count: "#,##0",
  date: "yyyy-mm-dd",
} as const;
