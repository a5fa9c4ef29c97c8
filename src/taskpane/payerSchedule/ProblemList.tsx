import { Caption1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { PayerScheduleProblem, Severity } from "../../formats/payerSchedule";

const useStyles = makeStyles({
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, maxHeight: "240px", overflowY: "auto" },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorNeutralForeground2 },
  more: { color: tokens.colorNeutralForeground3 },
});

/** Problems listed per severity before "and N more": enough to act on, few enough for the pane to stay fast. */
export const PROBLEMS_SHOWN_PER_SEVERITY = 100;

const GROUPS: readonly { readonly severity: Severity; readonly title: string }[] = [
  { severity: "error", title: "Errors" },
  { severity: "warning", title: "Warnings" },
  { severity: "info", title: "Notes" },
];

/** The message with its row number in front, unless the message already starts with it. */
function withRow(p: PayerScheduleProblem): string {
  return p.rowNumber === null || /^Rows? \d/.test(p.message) ? p.message : `Row ${p.rowNumber}: ${p.message}`;
}

/**
 * The preview's problems grouped by severity (errors first), each with its row number, capped per group with
 * "and N more"; a group without problems is left out.
 */
export function ProblemList({ problems }: { readonly problems: readonly PayerScheduleProblem[] }) {
  const styles = useStyles();
  return (
    <>
      {GROUPS.map(({ severity, title }) => {
        const items = problems.filter((p) => p.severity === severity);
        if (items.length === 0) return null;
        const shown = items.slice(0, PROBLEMS_SHOWN_PER_SEVERITY);
        const name = `${title} (${items.length.toLocaleString("en-US")})`;
        return (
          <section key={severity} className={styles.group}>
            <Subtitle2 as="h3" className={styles[severity]}>
              {name}
            </Subtitle2>
            <ul className={styles.list} aria-label={name}>
              {shown.map((p, i) => (
                <li key={i} data-row={p.rowNumber ?? undefined}>
                  {withRow(p)}
                </li>
              ))}
            </ul>
            {items.length > shown.length && (
              <Caption1 className={styles.more}>
                and {(items.length - shown.length).toLocaleString("en-US")} more
              </Caption1>
            )}
          </section>
        );
      })}
    </>
  );
}
