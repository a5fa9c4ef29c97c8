import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { EditableRow } from "../../excel/contracts/contractEditor";
import { usePanelStyles } from "../shared/panelStyles";

const useStyles = makeStyles({
  row: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: "4px" },
  rows: { listStyleType: "none", margin: 0, padding: 0 },
  rowActions: { display: "flex", flexShrink: 0 },
  problem: { color: tokens.colorPaletteRedForeground1 },
});

/** One registry row of a contract as a list shows it. */
export interface RegistryRowEntry {
  /** The row as loaded (its number keys the item, and Edit and Delete act on it). */
  readonly row: EditableRow<unknown>;
  /** The item's accessible name ("Version from 2025-01-01"). */
  readonly label: string;
  /** The row in one line. */
  readonly summary: string;
  readonly onEdit: () => void;
  readonly onDelete: () => void;
}

/** One registry row of a contract: its summary, Edit and Delete, and the reader's problems with it. */
function RegistryRowItem({ row, label, summary, onEdit, onDelete }: RegistryRowEntry) {
  const own = useStyles();
  return (
    <li aria-label={label}>
      <div className={own.row}>
        <Caption1>{summary}</Caption1>
        <span className={own.rowActions}>
          <Button size="small" appearance="subtle" onClick={onEdit}>
            Edit
          </Button>
          <Button size="small" appearance="subtle" onClick={onDelete}>
            Delete
          </Button>
        </span>
      </div>
      {row.problems.map((problem) => (
        <Caption1 key={problem} className={own.problem}>
          {problem}
        </Caption1>
      ))}
    </li>
  );
}

/** Props of {@link RegistryRowList}. */
export interface RegistryRowListProps {
  /** The list's accessible name ("Carve-outs of Acme PPO"). */
  readonly label: string;
  /** The caption above the rows, shown when there are some (null: none). */
  readonly title: string | null;
  readonly entries: readonly RegistryRowEntry[];
}

/**
 * The rows of one registry table that belong to a contract (its versions, carve-outs, inpatient or outpatient
 * terms), each with Edit, Delete and the reader's problems: one list for every table the Contracts panel edits.
 */
export function RegistryRowList({ label, title, entries }: RegistryRowListProps) {
  const styles = usePanelStyles();
  const own = useStyles();
  return (
    <>
      {title !== null && entries.length > 0 && <Caption1 className={styles.muted}>{title}</Caption1>}
      <ul className={own.rows} aria-label={label}>
        {entries.map((entry) => (
          <RegistryRowItem key={`${entry.row.loaded.table}|${entry.row.loaded.rowNumber}`} {...entry} />
        ))}
      </ul>
    </>
  );
}

/** The style of a line holding a title and what goes with it on the right (a contract's name and payer). */
export const useRowStyles = useStyles;
