import { useEffect, useState } from "react";
import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type {
  CarveOutForm,
  ContractEditorData,
  ContractEntry,
  ContractForm,
  EditableRow,
} from "../../excel/contracts/contractEditor";
import type { LoadedRow } from "../../excel/contracts/registryRowWriter";
import { CONTRACT_CARVE_OUTS_SPEC, PAYER_CONTRACTS_SPEC } from "../../excel/registry/registryTables";
import { emptyForm } from "../../excel/contracts/registryForm";
import { ActionProgress } from "../progress/OperationProgress";
import { useOperationCommand } from "../progress/useOperationCommand";
import { usePanelStyles } from "../shared/panelStyles";
import { deleteRow } from "./contractCommands";

const useStyles = makeStyles({
  row: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: "4px" },
  rows: { listStyleType: "none", margin: 0, padding: 0 },
  rowActions: { display: "flex", flexShrink: 0 },
  problem: { color: tokens.colorPaletteRedForeground1 },
});

/** What the Contracts panel edits: a contract version or a carve-out, from its form (editing null: a new row). */
export type EditTarget =
  | { readonly view: "version"; readonly initial: ContractForm; readonly editing: LoadedRow | null }
  | { readonly view: "carveOut"; readonly initial: CarveOutForm; readonly editing: LoadedRow | null };

/** A row the user asked to delete, and how the confirmation names it. */
interface Doomed {
  readonly what: "version" | "carveOut";
  readonly row: EditableRow<unknown>;
  readonly label: string;
}

const percentOrRate = (form: ContractForm | CarveOutForm) =>
  "rate" in form && form.rate !== "" ? `$${String(form.rate)}` : String(form.percent);

function versionSummary(form: ContractForm): string {
  const basis =
    form.method === "Fee Schedule"
      ? String(form.feeSchedule)
      : `${String(form.percent)} ${String(form.medicareSchedule)}`;
  // The terms that change every amount besides the method: lesser-of billed and the rule for unlisted codes.
  const lesserOf = form.lesserOf === true ? " · lesser of billed" : "";
  const unlisted =
    String(form.defaultMethod ?? "") === ""
      ? ""
      : ` · unlisted codes: ${String(form.defaultMethod)} ${String(form.defaultPercent ?? "")}`.trimEnd();
  return `${String(form.effectiveStartDate)} to ${String(form.effectiveEndDate) || "no end"} · ${String(form.method)} ${basis.trim()}${lesserOf}${unlisted}`;
}

/** Props of {@link ContractList}. */
export interface ContractListProps {
  readonly data: ContractEditorData;
  readonly onEdit: (target: EditTarget) => void;
  /** Called once a row is deleted, with the deletion's message. */
  readonly onDeleted: (message: string) => void;
}

/**
 * The registry's contracts, each with its versions and carve-outs to edit or delete. A delete is confirmed first,
 * then runs with a progress bar and Cancel, and says why when it did not delete.
 */
export function ContractList({ data, onEdit, onDeleted }: ContractListProps) {
  const styles = usePanelStyles();
  const [confirm, setConfirm] = useState<Doomed | null>(null);
  const remove = useOperationCommand(deleteRow);
  useEffect(() => {
    if (remove.state.status === "succeeded") onDeleted(remove.state.message);
  }, [remove.state, onDeleted]);

  if (data.contracts.length === 0)
    return (
      <Text className={styles.muted}>
        No contracts yet. New contract adds one to the PayerContracts table (created on a Contracts sheet if needed).
      </Text>
    );
  return (
    <>
      <ActionProgress action={remove} label="Deleting the row" failedTitle="Not deleted" />
      <ul className={styles.cardList} aria-label="Contracts">
        {data.contracts.map((contract) => (
          <ContractCard
            key={contract.contractName}
            contract={contract}
            onEdit={onEdit}
            onDelete={(what, row, label) => setConfirm({ what, row, label })}
          />
        ))}
      </ul>
      <Dialog open={confirm !== null} onOpenChange={(_, d) => !d.open && setConfirm(null)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Delete this row?</DialogTitle>
            <DialogContent>
              {confirm?.label} (row {confirm?.row.loaded.rowNumber} of {confirm?.row.loaded.table}) will be removed from
              the sheet. Formulas that use it will change.
            </DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                onClick={() => {
                  if (confirm !== null) void remove.start({ what: confirm.what, row: confirm.row.loaded });
                  setConfirm(null);
                }}
              >
                Delete
              </Button>
              <Button onClick={() => setConfirm(null)}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}

/** Props of {@link RegistryRowItem}. */
interface RegistryRowItemProps {
  /** The item's accessible name ("Version from 2025-01-01"). */
  readonly label: string;
  /** The row in one line. */
  readonly summary: string;
  /** What the registry reader says is wrong with the row. */
  readonly problems: readonly string[];
  readonly onEdit: () => void;
  readonly onDelete: () => void;
}

/** One registry row of a contract: its summary, Edit and Delete, and the reader's problems with it. */
function RegistryRowItem({ label, summary, problems, onEdit, onDelete }: RegistryRowItemProps) {
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
      {problems.map((problem) => (
        <Caption1 key={problem} className={own.problem}>
          {problem}
        </Caption1>
      ))}
    </li>
  );
}

function ContractCard({
  contract,
  onEdit,
  onDelete,
}: {
  contract: ContractEntry;
  onEdit: (target: EditTarget) => void;
  onDelete: (what: Doomed["what"], row: EditableRow<unknown>, label: string) => void;
}) {
  const styles = usePanelStyles();
  const own = useStyles();
  const newVersion = (): ContractForm => {
    const last = contract.versions[contract.versions.length - 1]?.form;
    const blank = emptyForm(PAYER_CONTRACTS_SPEC.columns);
    return last === undefined
      ? { ...blank, contractName: contract.contractName }
      : { ...last, effectiveStartDate: "", effectiveEndDate: "", termEndDate: "", renewalNoticeDate: "" };
  };
  return (
    <li className={styles.card} aria-label={contract.contractName}>
      <div className={own.row}>
        <Text weight="semibold">{contract.contractName}</Text>
        <Caption1 className={styles.muted}>{contract.payer}</Caption1>
      </div>
      <ul className={own.rows} aria-label={`Versions of ${contract.contractName}`}>
        {contract.versions.map((version) => {
          const label = `Version from ${String(version.form.effectiveStartDate)}`;
          return (
            <RegistryRowItem
              key={version.loaded.rowNumber}
              label={label}
              summary={versionSummary(version.form)}
              problems={version.problems}
              onEdit={() => onEdit({ view: "version", initial: version.form, editing: version.loaded })}
              onDelete={() =>
                onDelete("version", version, `The version from ${String(version.form.effectiveStartDate)}`)
              }
            />
          );
        })}
      </ul>
      {contract.carveOuts.length > 0 && <Caption1 className={styles.muted}>Carve-outs</Caption1>}
      <ul className={own.rows} aria-label={`Carve-outs of ${contract.contractName}`}>
        {contract.carveOuts.map((carveOut) => {
          const range = `${String(carveOut.form.hcpcsCodeFrom)}${carveOut.form.hcpcsCodeTo === "" ? "" : `–${String(carveOut.form.hcpcsCodeTo)}`}`;
          return (
            <RegistryRowItem
              key={carveOut.loaded.rowNumber}
              label={`Carve-out ${range}`}
              summary={`${range} · ${String(carveOut.form.method)} ${percentOrRate(carveOut.form)}`}
              problems={carveOut.problems}
              onEdit={() => onEdit({ view: "carveOut", initial: carveOut.form, editing: carveOut.loaded })}
              onDelete={() => onDelete("carveOut", carveOut, `Carve-out ${range}`)}
            />
          );
        })}
      </ul>
      <div>
        <Button size="small" onClick={() => onEdit({ view: "version", initial: newVersion(), editing: null })}>
          Add version
        </Button>{" "}
        <Button
          size="small"
          onClick={() =>
            onEdit({
              view: "carveOut",
              initial: { ...emptyForm(CONTRACT_CARVE_OUTS_SPEC.columns), contractName: contract.contractName },
              editing: null,
            })
          }
        >
          Add carve-out
        </Button>
      </div>
    </li>
  );
}
