import { useCallback, useMemo } from "react";
import type { FormInput } from "../../excel/contracts/registryForm";
import {
  checkNegotiationRow,
  NEGOTIATION_TABLES,
  type NegotiationData,
  type NegotiationForm,
  type NegotiationTable,
} from "../../excel/negotiation/negotiationEditor";
import { RegistryRowForm } from "../contracts/RegistryRowForm";
import { useOperationCommand } from "../progress/useOperationCommand";
import type { NegotiationEditTarget } from "./editTarget";
import { saveNegotiationRowCommand } from "./negotiationCommands";

type Values = Readonly<Record<string, FormInput>>;

/** The form's title, by table: "New log entry", "Edit clause review (row 3)". */
const TITLES = {
  log: (row) => (row === null ? "New log entry" : `Edit log entry (row ${row})`),
  clauses: (row) => (row === null ? "New clause review" : `Edit clause review (row ${row})`),
} satisfies Record<NegotiationTable, (rowNumber: number | null) => string>;

/** Props of {@link NegotiationRowForm}. */
export interface NegotiationRowFormProps {
  readonly data: NegotiationData;
  readonly target: NegotiationEditTarget;
  readonly onSaved: (message: string) => void;
  readonly onCancel: () => void;
}

/**
 * The form of one NegotiationLog or ContractClauses row: the Contracts tab's spec-derived form, checked as the user
 * types with the table's reader (checkNegotiationRow), the contract chosen among PayerContracts' contracts, saved
 * through the registry row writer.
 */
export function NegotiationRowForm({ data, target, onSaved, onCancel }: NegotiationRowFormProps) {
  const { table, editing } = target;
  const save = useOperationCommand(saveNegotiationRowCommand);
  const context = useMemo(
    () => ({ contractNames: data.contractNames, others: data.rows[table], editing }),
    [data, table, editing],
  );
  const check = useCallback(
    (values: Values) => checkNegotiationRow(table, values as NegotiationForm<NegotiationTable>, context).errors,
    [table, context],
  );
  return (
    <RegistryRowForm
      title={TITLES[table](editing?.rowNumber ?? null)}
      columns={NEGOTIATION_TABLES[table].spec.columns}
      initial={target.initial}
      choices={{ contractName: data.contractNames }}
      check={check}
      saveLabel={saveNegotiationRowCommand.label}
      save={save}
      onSave={(values) => void save.start({ ...context, table, form: values as NegotiationForm<NegotiationTable> })}
      onSaved={onSaved}
      onCancel={onCancel}
    />
  );
}
