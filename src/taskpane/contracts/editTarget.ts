import type { CarveOutForm, ContractForm } from "../../excel/contracts/contractEditor";
import type { HospitalSide, TermsForm } from "../../excel/contracts/hospitalTerms";
import type { LoadedRow } from "../../excel/contracts/registryRowWriter";

/**
 * What the Contracts panel edits: a contract version, a carve-out or a side's hospital terms, from its form (editing
 * null: a new row).
 */
export type EditTarget =
  | { readonly view: "version"; readonly initial: ContractForm; readonly editing: LoadedRow | null }
  | { readonly view: "carveOut"; readonly initial: CarveOutForm; readonly editing: LoadedRow | null }
  | {
      readonly view: "terms";
      readonly side: HospitalSide;
      readonly initial: TermsForm<HospitalSide>;
      readonly editing: LoadedRow | null;
    };
