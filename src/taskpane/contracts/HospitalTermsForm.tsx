import { useCallback, useMemo } from "react";
import type { ContractEditorData } from "../../excel/contracts/contractEditor";
import { checkHospitalTerms, HOSPITAL_TERMS, termsContextOf } from "../../excel/contracts/hospitalTerms";
import type { HospitalSide, TermsForm } from "../../excel/contracts/hospitalTerms";
import type { FormInput } from "../../excel/contracts/registryForm";
import { useOperationCommand } from "../progress/useOperationCommand";
import { saveTermsRow } from "./contractCommands";
import type { EditTarget } from "./editTarget";
import { RegistryRowForm } from "./RegistryRowForm";

type Values = Readonly<Record<string, FormInput>>;

/** The form's title, by side: "New inpatient terms", "Edit outpatient terms (row 3)". */
const TITLES = {
  inpatient: (row) => (row === null ? "New inpatient terms" : `Edit inpatient terms (row ${row})`),
  outpatient: (row) => (row === null ? "New outpatient terms" : `Edit outpatient terms (row ${row})`),
} satisfies Record<HospitalSide, (rowNumber: number | null) => string>;

/** Props of {@link HospitalTermsForm}. */
export interface HospitalTermsFormProps {
  readonly data: ContractEditorData;
  readonly mode: Extract<EditTarget, { view: "terms" }>;
  readonly onSaved: (message: string) => void;
  readonly onCancel: () => void;
}

/**
 * The form of one InpatientTerms or OutpatientTerms row, its inputs derived from the table's spec, checked as the
 * user types with the reader's rules (checkHospitalTerms), the contract chosen among PayerContracts' contracts.
 */
export function HospitalTermsForm({ data, mode, onSaved, onCancel }: HospitalTermsFormProps) {
  const { side, editing } = mode;
  const save = useOperationCommand(saveTermsRow);
  const context = useMemo(() => termsContextOf(data.contracts, side, editing), [data, side, editing]);
  const check = useCallback(
    (values: Values) => checkHospitalTerms(side, values as TermsForm<HospitalSide>, context).errors,
    [side, context],
  );
  return (
    <RegistryRowForm
      title={TITLES[side](editing?.rowNumber ?? null)}
      columns={HOSPITAL_TERMS[side].spec.columns}
      initial={mode.initial}
      choices={{ contractName: context.contractNames }}
      check={check}
      saveLabel={saveTermsRow.label}
      save={save}
      onSave={(values) => void save.start({ ...context, side, form: values as TermsForm<HospitalSide> })}
      onSaved={onSaved}
      onCancel={onCancel}
    />
  );
}
