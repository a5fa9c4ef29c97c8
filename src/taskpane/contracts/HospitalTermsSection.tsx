import { Button } from "@fluentui/react-components";
import type { ContractEntry, EditableRow } from "../../excel/contracts/contractEditor";
import { HOSPITAL_TERMS, type HospitalSide, type TermsForm } from "../../excel/contracts/hospitalTerms";
import { emptyForm, type FormInput } from "../../excel/contracts/registryForm";
import type { ColumnSpec } from "../../excel/registry/tableSpec";
import type { EditTarget } from "./editTarget";
import { RegistryRowList } from "./RegistryRows";

/** Each side in the panel's words: the list's title and the Add button's text. */
const SIDE_WORDS = {
  inpatient: { title: "Inpatient terms", add: "Add inpatient terms" },
  outpatient: { title: "Outpatient terms", add: "Add outpatient terms" },
} as const satisfies Record<HospitalSide, { readonly title: string; readonly add: string }>;

const SIDES = Object.keys(HOSPITAL_TERMS) as HospitalSide[];
/** The columns every summary states first (the contract is the card's, the dates lead). */
const LEADING = new Set(["contractName", "effectiveStartDate", "effectiveEndDate"]);

/**
 * A terms row in one line, derived from its table's columns: the dates, then every filled cell as "Header value"
 * (a switch by its header alone), so a column added to the spec shows without a change here.
 * @example termsSummary(columns, form) // "2025-01-01 to 2025-12-31 · Inpatient Method MS-DRG · Base Rate 11500.00"
 */
export function termsSummary(
  columns: Readonly<Record<string, ColumnSpec>>,
  form: Readonly<Record<string, FormInput>>,
): string {
  const cells = Object.entries(columns).flatMap(([field, spec]) => {
    const value = form[field];
    if (LEADING.has(field) || value === "" || value === false || value === undefined) return [];
    return [value === true ? spec.header : `${spec.header} ${value}`];
  });
  const dates = `${String(form.effectiveStartDate)} to ${String(form.effectiveEndDate ?? "") || "no end"}`;
  return [dates, ...cells].join(" · ");
}

/** Props of {@link HospitalTermsSection}. */
export interface HospitalTermsSectionProps {
  readonly contract: ContractEntry;
  readonly onEdit: (target: EditTarget) => void;
  readonly onDelete: (row: EditableRow<unknown>, label: string) => void;
}

/**
 * A contract's hospital terms: its InpatientTerms and OutpatientTerms versions, each with Edit, Delete and the
 * reader's problems, and a button to add a version of each. A new version starts from the latest one, dates blank.
 */
export function HospitalTermsSection({ contract, onEdit, onDelete }: HospitalTermsSectionProps) {
  const { contractName, hospitalTerms } = contract;
  const newTerms = (side: HospitalSide): TermsForm<HospitalSide> => {
    const rows = hospitalTerms[side] as readonly EditableRow<TermsForm<HospitalSide>>[];
    const last = rows[rows.length - 1]?.form;
    return last === undefined
      ? { ...emptyForm(HOSPITAL_TERMS[side].spec.columns), contractName }
      : { ...last, effectiveStartDate: "", effectiveEndDate: "" };
  };
  return (
    <>
      {SIDES.map((side) => {
        const { title } = SIDE_WORDS[side];
        const rows = hospitalTerms[side] as readonly EditableRow<TermsForm<HospitalSide>>[];
        return (
          <RegistryRowList
            key={side}
            title={title}
            label={`${title} of ${contractName}`}
            entries={rows.map((row) => {
              const label = `${title} from ${String(row.form.effectiveStartDate)}`;
              return {
                row,
                label,
                summary: termsSummary(HOSPITAL_TERMS[side].spec.columns, row.form),
                onEdit: () => onEdit({ view: "terms", side, initial: row.form, editing: row.loaded }),
                onDelete: () => onDelete(row, label),
              };
            })}
          />
        );
      })}
      <div>
        {SIDES.map((side) => (
          <Button
            key={side}
            size="small"
            onClick={() => onEdit({ view: "terms", side, initial: newTerms(side), editing: null })}
          >
            {SIDE_WORDS[side].add}
          </Button>
        ))}
      </div>
    </>
  );
}
