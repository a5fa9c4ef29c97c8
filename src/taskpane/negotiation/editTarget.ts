import type { FormInput } from "../../excel/contracts/registryForm";
import type { LoadedRow } from "../../excel/contracts/registryRowWriter";
import type { NegotiationTable } from "../../excel/negotiation/negotiationEditor";

/** A row the Negotiation panel edits: its table, the form it starts from, and the loaded row (null: a new one). */
export interface NegotiationEditTarget {
  readonly table: NegotiationTable;
  readonly initial: Readonly<Record<string, FormInput>>;
  readonly editing: LoadedRow | null;
}
