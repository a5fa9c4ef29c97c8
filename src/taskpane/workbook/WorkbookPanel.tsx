import { useEffect } from "react";
import { Button, Caption1, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { TableOverview } from "../../excel/workbook/workbookOverview";
import { LoadingStatus } from "../shared/Notice";
import { PanelSection } from "../shared/PanelSection";
import { usePanelStyles } from "../shared/panelStyles";
import { countOf } from "../shared/wording";
import { useCommand } from "../useCommand";
import { listTables } from "./workbookCommands";

const useStyles = makeStyles({
  // Tighter than the shared card: a table's lines read as one block.
  item: { gap: "2px" },
  columns: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
});

/** The Workbook panel: the workbook's tables as Excel holds them now, re-read on Refresh. */
export function WorkbookPanel() {
  const [state, refresh] = useCommand(listTables);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  return (
    <PanelSection
      id="workbook"
      title="Workbook"
      actions={
        <Button size="small" onClick={() => void refresh()} disabled={state.status === "running"}>
          {listTables.label}
        </Button>
      }
    >
      <LoadingStatus state={state} reading="Reading the workbook's tables…" failedTitle="Could not read the workbook" />
      {state.status === "succeeded" && <TableList tables={state.result} />}
    </PanelSection>
  );
}

function TableList({ tables }: { tables: readonly TableOverview[] }) {
  const styles = usePanelStyles();
  const own = useStyles();
  if (tables.length === 0) {
    return (
      <Text className={styles.muted}>
        This workbook has no tables yet. Format a range as a table (Insert &gt; Table) to use it here.
      </Text>
    );
  }
  return (
    <>
      <Caption1 className={styles.muted}>{countOf(tables.length, "table", "tables")} in this workbook</Caption1>
      <ul className={styles.cardList} aria-label="Tables">
        {tables.map((table) => (
          <li
            key={table.name}
            className={mergeClasses(styles.card, own.item)}
            aria-label={table.name}
            data-table-name={table.name}
          >
            <div className={styles.titleLine}>
              <Text weight="semibold">{table.name}</Text>
              <Caption1 className={styles.muted}>{countOf(table.rowCount, "row", "rows")}</Caption1>
            </div>
            <Caption1 className={styles.muted}>Sheet {table.sheetName}</Caption1>
            <Caption1 className={own.columns} title={table.columnNames.join(", ")}>
              {countOf(table.columnNames.length, "column", "columns")}: {table.columnNames.join(", ")}
            </Caption1>
          </li>
        ))}
      </ul>
    </>
  );
}
