import { useCallback, useEffect, useState } from "react";
import { Button, Field, Subtitle2 } from "@fluentui/react-components";
import { parseIsoDate, type IsoDate } from "../../engine";
import type { NegotiationData } from "../../excel/negotiation/negotiationEditor";
import { ActionProgress } from "../progress/OperationProgress";
import { useOperationCommand } from "../progress/useOperationCommand";
import { ChoiceSelect, TextField } from "../shared/fields";
import { LoadingStatus, Notice } from "../shared/Notice";
import { PanelSection } from "../shared/PanelSection";
import { useCommand } from "../useCommand";
import { BriefSection } from "./BriefSection";
import { ClauseChecklist } from "./ClauseChecklist";
import { ConfirmDelete, type Doomed } from "../shared/ConfirmDelete";
import type { NegotiationEditTarget } from "./editTarget";
import { deleteNegotiationRowCommand, loadNegotiationData } from "./negotiationCommands";
import { NegotiationLogSection } from "./NegotiationLogSection";
import { NegotiationRowForm } from "./NegotiationRowForm";
import { NegotiationSheetSection } from "./NegotiationSheetSection";
import { ObjectionSection } from "./ObjectionSection";
import { ProposalSection } from "./ProposalSection";
import { RenewalCalendar } from "./RenewalCalendar";

const pad = (n: number) => String(n).padStart(2, "0");
/** Today in the user's time zone (the calendar's day is the user's, not UTC's). */
const today = (now = new Date()) => `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;

/**
 * The Negotiation panel (issue 17, items 3 and 5): the renewal calendar as of a date, and for a chosen contract its
 * contract-language checklist and its negotiation log with the follow-up text of a meeting; rows are added, edited
 * and deleted through the Contracts tab's spec-derived form and the registry row writer.
 */
export function NegotiationPanel() {
  const [state, load] = useCommand(loadNegotiationData);
  const [asOf, setAsOf] = useState(today());
  const [chosen, setChosen] = useState("");
  const [editing, setEditing] = useState<NegotiationEditTarget | null>(null);
  const [doomed, setDoomed] = useState<Doomed | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const remove = useOperationCommand(deleteNegotiationRowCommand);
  const date = parseIsoDate(asOf);
  const day: IsoDate | null = date.ok ? date.value : null;
  const reload = useCallback(() => {
    if (day !== null) void load(day);
  }, [day, load]);
  useEffect(reload, [reload]);
  const done = useCallback(
    (message: string) => {
      setNotice(message);
      setEditing(null);
      reload();
    },
    [reload],
  );
  useEffect(() => {
    if (remove.state.status === "succeeded") done(remove.state.message);
  }, [remove.state, done]);

  const data: NegotiationData | null = state.status === "succeeded" ? state.result : null;
  const contract = data?.contractNames.find((name) => name === chosen) ?? data?.calendar[0]?.contractName ?? "";
  const onDelete = (row: Doomed["row"], label: string) => setDoomed({ row, label });

  return (
    <PanelSection
      id="negotiation"
      title="Negotiation"
      intro="When to renegotiate each contract, the contract language to watch, and the log of your meetings with the payer."
      actions={
        editing === null && (
          <Button size="small" onClick={reload} disabled={state.status === "running" || day === null}>
            {loadNegotiationData.label}
          </Button>
        )
      }
    >
      {editing === null && (
        <TextField
          label="As of"
          hint="The day the renewal calendar is drawn for."
          type="date"
          value={asOf}
          onChange={setAsOf}
          problem={day !== null ? null : { severity: "error", message: "Expected a date like 2026-03-31." }}
        />
      )}
      <LoadingStatus
        state={state}
        reading="Reading the contracts and the negotiation tables…"
        failedTitle="Could not read the negotiation tables"
      />
      {notice !== null && editing === null && <Notice intent="success">{notice}</Notice>}
      {data !== null && data.problems.length > 0 && (
        <Notice intent="warning" title="The negotiation tables have problems">
          {data.problems.join(" ")}
        </Notice>
      )}
      {data !== null && editing !== null && (
        <NegotiationRowForm data={data} target={editing} onSaved={done} onCancel={() => setEditing(null)} />
      )}
      {data !== null && editing === null && (
        <>
          <Subtitle2 as="h3">Renewal calendar</Subtitle2>
          <RenewalCalendar calendar={data.calendar} />
          <ActionProgress action={remove} label="Deleting the row" failedTitle="Not deleted" />
          {contract !== "" && (
            <>
              <Field label="Contract">
                <ChoiceSelect value={contract} onChange={setChosen} choices={data.contractNames} noChoice="Choose…" />
              </Field>
              <Subtitle2 as="h3">Contract language</Subtitle2>
              <ClauseChecklist
                contractName={contract}
                rows={data.rows.clauses}
                onEdit={setEditing}
                onDelete={onDelete}
              />
              <Subtitle2 as="h3">Negotiation log</Subtitle2>
              <NegotiationLogSection
                contractName={contract}
                rows={data.rows.log}
                entries={data.entries}
                onEdit={setEditing}
                onDelete={onDelete}
              />
              <NegotiationSheetSection contractName={contract} />
              <ProposalSection contractName={contract} />
              <ObjectionSection contractName={contract} />
              <BriefSection contractName={contract} />
            </>
          )}
        </>
      )}
      <ConfirmDelete
        doomed={doomed}
        onCancel={() => setDoomed(null)}
        onConfirm={({ row }) => {
          setDoomed(null);
          void remove.start({ row: row.loaded });
        }}
      />
    </PanelSection>
  );
}
