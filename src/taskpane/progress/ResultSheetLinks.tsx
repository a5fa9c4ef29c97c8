import { Caption1, Link, makeStyles, tokens } from "@fluentui/react-components";
import { selectSheet } from "../../excel/core/operation";
import type { TaskPaneCommand } from "../taskPaneCommand";
import { useCommand } from "../useCommand";

const useStyles = makeStyles({
  links: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalL,
    marginTop: tokens.spacingVerticalXS,
  },
});

/** Activates a sheet by name; false when it is no longer in the workbook (or hidden). */
export const goToSheetCommand: TaskPaneCommand<string, boolean> = {
  name: "workbook.goToSheet",
  label: "Go to sheet",
  run: (excel, sheetName) => selectSheet(excel, sheetName),
};

/**
 * Under a "Done" message: a link per sheet the operation wrote, which selects that sheet in Excel, so that the user
 * can go to the result from where the pane says what was written. Says so when a sheet has gone since.
 */
export function ResultSheetLinks({ sheets }: { readonly sheets: readonly string[] }) {
  const styles = useStyles();
  const [state, goTo] = useCommand(goToSheetCommand);
  if (sheets.length === 0) return null;
  return (
    <>
      <span className={styles.links}>
        {sheets.map((sheet) => (
          <Link key={sheet} as="button" onClick={() => void goTo(sheet)}>
            Go to sheet “{sheet}”
          </Link>
        ))}
      </span>
      {state.status === "succeeded" && !state.result && (
        <Caption1 role="status">That sheet is no longer in the workbook.</Caption1>
      )}
      {state.status === "failed" && <Caption1 role="status">{state.message}</Caption1>}
    </>
  );
}
