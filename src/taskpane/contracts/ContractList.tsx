import { useEffect, useState } from "react";
import { Button, Caption1, Text } from "@fluentui/react-components";
import type {
  CarveOutForm,
  ContractEditorData,
  ContractEntry,
  ContractForm,
  EditableRow,
} from "../../excel/contracts/contractEditor";
import { CONTRACT_CARVE_OUTS_SPEC, PAYER_CONTRACTS_SPEC } from "../../excel/registry/registryTables";
import { emptyForm } from "../../excel/contracts/registryForm";
import { ActionProgress } from "../progress/OperationProgress";
import { useOperationCommand } from "../progress/useOperationCommand";
import { ConfirmDelete, type Doomed } from "../shared/ConfirmDelete";
import { usePanelStyles } from "../shared/panelStyles";
import { deleteRow } from "./contractCommands";
import type { EditTarget } from "./editTarget";
import { HospitalTermsSection } from "./HospitalTermsSection";
import { RegistryRowList, useRowStyles } from "./RegistryRows";

export type { EditTarget } from "./editTarget";

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
  const method = [String(form.method), basis.trim()].filter((part) => part !== "").join(" ");
  return `${String(form.effectiveStartDate)} to ${String(form.effectiveEndDate) || "no end"} · ${method}${lesserOf}${unlisted}`;
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
            onDelete={(row, label) => setConfirm({ row, label })}
          />
        ))}
      </ul>
      <ConfirmDelete
        doomed={confirm}
        consequence="Formulas that use it will change."
        onCancel={() => setConfirm(null)}
        onConfirm={({ row }) => {
          setConfirm(null);
          void remove.start({ row: row.loaded });
        }}
      />
    </>
  );
}

/** One contract: its versions, carve-outs and hospital terms, and buttons to add each. */
function ContractCard({
  contract,
  onEdit,
  onDelete,
}: {
  contract: ContractEntry;
  onEdit: (target: EditTarget) => void;
  onDelete: (row: EditableRow<unknown>, label: string) => void;
}) {
  const styles = usePanelStyles();
  const own = useRowStyles();
  const newVersion = (): ContractForm => {
    const last = contract.versions[contract.versions.length - 1]?.form;
    const blank = emptyForm(PAYER_CONTRACTS_SPEC.columns);
    return last === undefined
      ? { ...blank, contractName: contract.contractName }
      : { ...last, effectiveStartDate: "", effectiveEndDate: "", termEndDate: "", renewalNoticeDate: "" };
  };
  const range = (form: CarveOutForm) =>
    `${String(form.hcpcsCodeFrom)}${form.hcpcsCodeTo === "" ? "" : `–${String(form.hcpcsCodeTo)}`}`;
  return (
    <li className={styles.card} aria-label={contract.contractName}>
      <div className={own.row}>
        <Text weight="semibold">{contract.contractName}</Text>
        <Caption1 className={styles.muted}>{contract.payer}</Caption1>
      </div>
      <RegistryRowList
        title={null}
        label={`Versions of ${contract.contractName}`}
        entries={contract.versions.map((version) => ({
          row: version,
          label: `Version from ${String(version.form.effectiveStartDate)}`,
          summary: versionSummary(version.form),
          onEdit: () => onEdit({ view: "version", initial: version.form, editing: version.loaded }),
          onDelete: () => onDelete(version, `The version from ${String(version.form.effectiveStartDate)}`),
        }))}
      />
      <RegistryRowList
        title="Carve-outs"
        label={`Carve-outs of ${contract.contractName}`}
        entries={contract.carveOuts.map((carveOut) => ({
          row: carveOut,
          label: `Carve-out ${range(carveOut.form)}`,
          summary: `${range(carveOut.form)} · ${String(carveOut.form.method)} ${percentOrRate(carveOut.form)}`,
          onEdit: () => onEdit({ view: "carveOut", initial: carveOut.form, editing: carveOut.loaded }),
          onDelete: () => onDelete(carveOut, `Carve-out ${range(carveOut.form)}`),
        }))}
      />
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
      <HospitalTermsSection contract={contract} onEdit={onEdit} onDelete={onDelete} />
    </li>
  );
}
