import { useEffect } from "react";
import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { TableOverview } from "../../excel/workbookOverview";
import { useCommand } from "../useCommand";
import { listTables } from "./workbookCommands";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  header: { display: "flex", alignItems: "center", justifyContent: "space-between" },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "8px" },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  titleLine: { display: "flex", alignItems: "baseline", justifyContent: "space-between", gap: "8px" },
  muted: { color: tokens.colorNeutralForeground3 },
  columns: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
});

const numberFormat = new Intl.NumberFormat();

function plural(count: number, one: string, many: string): string {
  return `${numberFormat.format(count)} ${count === 1 ? one : many}`;
}

/** The Workbook panel: the workbook's tables as Excel holds them now, re-read on Refresh. */
export function WorkbookPanel() {
  const styles = useStyles();
  const [state, refresh] = useCommand(listTables);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  return (
    <section className={styles.panel} aria-labelledby="workbook-panel-title">
      <div className={styles.header}>
        <Subtitle2 as="h2" id="workbook-panel-title">
          Workbook
        </Subtitle2>
        <Button size="small" onClick={() => void refresh()} disabled={state.status === "running"}>
          {listTables.label}
        </Button>
      </div>
      {state.status === "running" && <Spinner size="tiny" label="Reading the workbook's tables…" />}
      {state.status === "failed" && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>Could not read the workbook</MessageBarTitle>
            {state.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {state.status === "succeeded" && <TableList tables={state.result} />}
    </section>
  );
}

function TableList({ tables }: { tables: readonly TableOverview[] }) {
  const styles = useStyles();
  if (tables.length === 0) {
    return (
      <Text className={styles.muted}>
        This workbook has no tables yet. Format a range as a table (Insert &gt; Table) to use it here.
      </Text>
    );
  }
  return (
    <>
      <Caption1 className={styles.muted}>{plural(tables.length, "table", "tables")} in this workbook</Caption1>
      <ul className={styles.list} aria-label="Tables">
        {tables.map((table) => (
          <li key={table.name} className={styles.item} aria-label={table.name} data-table-name={table.name}>
            <div className={styles.titleLine}>
              <Text weight="semibold">{table.name}</Text>
              <Caption1 className={styles.muted}>{plural(table.rowCount, "row", "rows")}</Caption1>
            </div>
            <Caption1 className={styles.muted}>Sheet {table.sheetName}</Caption1>
            <Caption1 className={styles.columns} title={table.columnNames.join(", ")}>
              {plural(table.columnNames.length, "column", "columns")}: {table.columnNames.join(", ")}
            </Caption1>
          </li>
        ))}
      </ul>
    </>
  );
}
