import { useState } from "react";
import { Button, Field } from "@fluentui/react-components";
import { followUpText, meetingsOf, registryKey, type Meeting } from "../../engine";
import type { EditableRow } from "../../excel/contracts/editableRows";
import { emptyForm } from "../../excel/contracts/registryForm";
import type { LoggedEntry, NegotiationForm } from "../../excel/negotiation/negotiationEditor";
import { NEGOTIATION_LOG_SPEC } from "../../excel/negotiation/negotiationTables";
import { RegistryRowList } from "../contracts/RegistryRows";
import { ChoiceSelect } from "../shared/fields";
import type { NegotiationEditTarget } from "./editTarget";
import { FollowUp } from "./FollowUp";

type LogRow = EditableRow<NegotiationForm<"log">>;

/** How a meeting is named in the list: "2026-03-12 Rate proposal review". */
const meetingName = (meeting: Meeting) => `${meeting.date} ${meeting.meeting}`;

/** A log row in one line: when, which meeting, its status, and what was agreed or is open. */
function logSummary(form: NegotiationForm<"log">): string {
  const parts = [`${String(form.date)} ${String(form.meeting)}`, String(form.status)];
  if (form.tentativeAgreements !== "") parts.push(`Agreed: ${String(form.tentativeAgreements)}`);
  if (form.outstandingIssues !== "") parts.push(`Open: ${String(form.outstandingIssues)}`);
  return parts.join(" · ");
}

/** Props of {@link NegotiationLogSection}. */
export interface NegotiationLogSectionProps {
  readonly contractName: string;
  /** Every NegotiationLog row as a form (the contract's are picked by name). */
  readonly rows: readonly LogRow[];
  /** Every NegotiationLog row that reads, for the follow-up texts. */
  readonly entries: readonly LoggedEntry[];
  readonly onEdit: (target: NegotiationEditTarget) => void;
  readonly onDelete: (row: EditableRow<unknown>, label: string) => void;
}

/**
 * The negotiation log of one contract: its rows to edit or delete, a button to add one, and the follow-up text of a
 * chosen meeting (the latest by default) with its copy button.
 */
export function NegotiationLogSection({ contractName, rows, entries, onEdit, onDelete }: NegotiationLogSectionProps) {
  const key = registryKey(contractName);
  const mine = rows.filter((row) => registryKey(String(row.form.contractName)) === key);
  const meetings = meetingsOf(entries.filter((entry) => registryKey(entry.contractName) === key));
  const [chosen, setChosen] = useState("");
  const meeting = meetings.find((m) => meetingName(m) === chosen) ?? meetings[0];
  const blank = { ...emptyForm(NEGOTIATION_LOG_SPEC.columns), contractName, status: "Open" };
  const newEntry = () => onEdit({ table: "log", initial: blank, editing: null });
  return (
    <>
      <RegistryRowList
        title="Negotiation log"
        label={`Negotiation log of ${contractName}`}
        entries={mine.map((row) => {
          const label = `Log entry of row ${row.loaded.rowNumber}`;
          return {
            row,
            label,
            summary: logSummary(row.form),
            onEdit: () => onEdit({ table: "log", initial: row.form, editing: row.loaded }),
            onDelete: () => onDelete(row, `The log entry of ${String(row.form.date)}`),
          };
        })}
      />
      <div>
        <Button size="small" onClick={newEntry}>
          Add log entry
        </Button>
      </div>
      {meeting !== undefined && (
        <>
          <Field label="Meeting to follow up">
            <ChoiceSelect
              value={meetingName(meeting)}
              onChange={setChosen}
              choices={meetings.map(meetingName)}
              noChoice="The latest meeting"
            />
          </Field>
          <FollowUp text={followUpText(entries, meeting)} />
        </>
      )}
    </>
  );
}
