import { Button, Caption1, Text } from "@fluentui/react-components";
import { registryKey, CONTRACT_CLAUSES, type ContractClause } from "../../engine";
import type { EditableRow } from "../../excel/contracts/editableRows";
import { emptyForm } from "../../excel/contracts/registryForm";
import type { NegotiationForm } from "../../excel/negotiation/negotiationEditor";
import { CONTRACT_CLAUSES_SPEC } from "../../excel/negotiation/negotiationTables";
import { RegistryRowList, useRowStyles } from "../contracts/RegistryRows";
import { usePanelStyles } from "../shared/panelStyles";
import type { NegotiationEditTarget } from "./editTarget";

type ClauseRow = EditableRow<NegotiationForm<"clauses">>;
const CLAUSES = Object.keys(CONTRACT_CLAUSES) as ContractClause[];
const sameClause = (row: ClauseRow, clause: ContractClause) =>
  String(row.form.clause).toLowerCase() === CONTRACT_CLAUSES[clause].label.toLowerCase();

/** Props of {@link ClauseChecklist}. */
export interface ClauseChecklistProps {
  readonly contractName: string;
  /** Every ContractClauses row (the contract's are picked by name). */
  readonly rows: readonly ClauseRow[];
  readonly onEdit: (target: NegotiationEditTarget) => void;
  readonly onDelete: (row: EditableRow<unknown>, label: string) => void;
}

/**
 * The contract-language watch of one contract: the clauses reviewed (status and notes, to edit or delete), then the
 * clauses not reviewed yet, each with what to check and a button to review it.
 */
export function ClauseChecklist({ contractName, rows, onEdit, onDelete }: ClauseChecklistProps) {
  const styles = usePanelStyles();
  const own = useRowStyles();
  const mine = rows.filter((row) => registryKey(String(row.form.contractName)) === registryKey(contractName));
  const notReviewed = CLAUSES.filter((clause) => !mine.some((row) => sameClause(row, clause)));
  const review = (clause: ContractClause) =>
    onEdit({
      table: "clauses",
      initial: { ...emptyForm(CONTRACT_CLAUSES_SPEC.columns), contractName, clause: CONTRACT_CLAUSES[clause].label },
      editing: null,
    });
  return (
    <>
      <RegistryRowList
        title="Clauses reviewed"
        label={`Clauses reviewed of ${contractName}`}
        entries={mine.map((row) => {
          const label = String(row.form.clause);
          const notes = row.form.notes === "" ? "" : ` · ${String(row.form.notes)}`;
          return {
            row,
            label,
            summary: `${label}: ${String(row.form.status)}${notes}`,
            onEdit: () => onEdit({ table: "clauses", initial: row.form, editing: row.loaded }),
            onDelete: () => onDelete(row, `The review of ${label}`),
          };
        })}
      />
      {notReviewed.length > 0 && <Caption1 className={styles.muted}>Not reviewed yet</Caption1>}
      <ul className={styles.cardList} aria-label={`Clauses not reviewed of ${contractName}`}>
        {notReviewed.map((clause) => (
          <li key={clause} aria-label={CONTRACT_CLAUSES[clause].label}>
            <div className={own.row}>
              <Text>{CONTRACT_CLAUSES[clause].label}</Text>
              <Button size="small" appearance="subtle" onClick={() => review(clause)}>
                Review
              </Button>
            </div>
            <Caption1 className={styles.muted}>Check: {CONTRACT_CLAUSES[clause].check}</Caption1>
          </li>
        ))}
      </ul>
    </>
  );
}
