import { useCallback, useEffect, useMemo, useState } from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Subtitle2,
} from "@fluentui/react-components";
import { registryKey } from "../../engine";
import type { ClaimsField } from "../../excel/claims/claimsMapping";
import { emptyForm, type FormInput } from "../../excel/contracts/registryForm";
import type { LoadedRow } from "../../excel/contracts/registryRowWriter";
import { checkProposalRow, type ProposalForm, type ProposalRow } from "../../excel/negotiation/proposalEditor";
import { proposalSheetName } from "../../excel/negotiation/proposalSheetBuild";
import { PROPOSALS_SPEC } from "../../excel/negotiation/proposalTable";
import { RegistryRowForm } from "../contracts/RegistryRowForm";
import { RegistryRowList } from "../contracts/RegistryRows";
import { ActionProgress, OperationProgress } from "../progress/OperationProgress";
import { useOperationCommand } from "../progress/useOperationCommand";
import { ClaimsSourceGroup, useClaimsMapping, useClaimsTables } from "../shared/ClaimsTablePicker";
import { ConfirmDelete, type Doomed } from "../shared/ConfirmDelete";
import { LoadingStatus, Notice } from "../shared/Notice";
import { useCommand } from "../useCommand";
import { deleteNegotiationRowCommand } from "./negotiationCommands";
import { buildProposalSheetCommand, loadProposalData, saveProposalRowCommand } from "./proposalCommands";

/** The claims columns a proposal is priced with: the code, the revenue, the billed charge (lesser-of), the contract. */
const PRICED_FIELDS: readonly ClaimsField[] = ["hcpcsCode", "amount", "chargeAmount", "contractName"];

/** A proposal in one line: who, what, for how long, where it stands. */
const summaryOf = (form: ProposalForm) =>
  [`${String(form.date)} ${String(form.party)}`, String(form.kind), String(form.status)].join(" · ");

/** Props of {@link ProposalSection}. */
export interface ProposalSectionProps {
  /** The contract chosen in the Negotiation panel. */
  readonly contractName: string;
}

/**
 * The proposal tracker of one contract (issue 17 item 2): its proposals and counter-proposals, ours and the payer's,
 * added, edited and deleted through the spec-derived form and the registry row writer; and its Proposals sheet,
 * each proposal priced over the contract's claim lines, built from a claims table (an earlier build is replaced
 * only once the user confirms).
 */
export function ProposalSection({ contractName }: ProposalSectionProps) {
  const [state, load] = useCommand(loadProposalData);
  const [editing, setEditing] = useState<{ readonly initial: ProposalForm; readonly row: LoadedRow | null } | null>(null); // prettier-ignore
  const [doomed, setDoomed] = useState<Doomed | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const save = useOperationCommand(saveProposalRowCommand);
  const remove = useOperationCommand(deleteNegotiationRowCommand);
  const build = useOperationCommand(buildProposalSheetCommand);
  const claims = useClaimsTables(/claim/i);
  const choice = useClaimsMapping(claims.table);
  const reload = useCallback(() => void load(), [load]);
  useEffect(reload, [reload]);
  useEffect(() => {
    if (remove.state.status !== "succeeded") return;
    setNotice(remove.state.message);
    reload();
  }, [remove.state, reload]);

  const data = state.status === "succeeded" ? state.result : null;
  const mine = useMemo(
    () => (data?.rows ?? []).filter((row) => registryKey(String(row.form.contractName)) === registryKey(contractName)),
    [data, contractName],
  );
  const context = useMemo(
    () => ({ contractNames: data?.contractNames ?? [], others: data?.rows ?? [], editing: editing?.row ?? null }),
    [data, editing],
  );
  const check = useCallback(
    (values: Readonly<Record<string, FormInput>>) => checkProposalRow(values as ProposalForm, context).errors,
    [context],
  );
  // The build that asked for confirmation and was answered (Replace restarts it, Cancel leaves the sheet as it is).
  const [answered, setAnswered] = useState<unknown>(null);
  const confirming = build.state.status === "succeeded" && build.state.value.kind === "confirm" && answered !== build.state; // prettier-ignore
  const request = (replace: boolean) =>
    choice.mapping === null ? null : { contractName, tableName: claims.tableName, mapping: choice.mapping, replace };
  const startBuild = (replace: boolean) => {
    setAnswered(build.state);
    const input = request(replace);
    if (input !== null) void build.start(input);
  };
  const blank: ProposalForm = { ...emptyForm(PROPOSALS_SPEC.columns), contractName, party: "Ours", termYears: "1", status: "Draft" }; // prettier-ignore

  return (
    <>
      <Subtitle2 as="h3">Proposals</Subtitle2>
      <LoadingStatus state={state} reading="Reading the proposals…" failedTitle="Could not read the Proposals table" />
      {data !== null && data.problems.length > 0 && (
        <Notice intent="warning" title="The Proposals table has problems">
          {data.problems.join(" ")}
        </Notice>
      )}
      {notice !== null && editing === null && <Notice intent="success">{notice}</Notice>}
      {data !== null && editing !== null && (
        <RegistryRowForm
          title={editing.row === null ? "New proposal" : `Edit proposal (row ${editing.row.rowNumber})`}
          columns={PROPOSALS_SPEC.columns}
          initial={editing.initial}
          choices={{ contractName: data.contractNames }}
          check={check}
          saveLabel={saveProposalRowCommand.label}
          save={save}
          onSave={(values) => void save.start({ ...context, form: values as ProposalForm })}
          onSaved={(message) => {
            setNotice(message);
            setEditing(null);
            reload();
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      {data !== null && editing === null && (
        <>
          <RegistryRowList
            title={null}
            label={`Proposals of ${contractName}`}
            entries={mine.map((row: ProposalRow) => ({
              row,
              label: String(row.form.proposalName),
              summary: summaryOf(row.form),
              onEdit: () => setEditing({ initial: row.form, row: row.loaded }),
              onDelete: () => setDoomed({ row, label: `The proposal "${String(row.form.proposalName)}"` }),
            }))}
          />
          <div>
            <Button size="small" onClick={() => setEditing({ initial: blank, row: null })}>
              Add proposal
            </Button>
          </div>
          <ActionProgress action={remove} label="Deleting the proposal" failedTitle="Not deleted" />
          <ClaimsSourceGroup
            name="Claims the proposals are priced over"
            tableLabel="Claims table"
            claims={claims}
            choice={choice}
            fields={PRICED_FIELDS}
            description={`Each proposal is priced over the lines of ${contractName} in this table.`}
          />
          <div>
            <Button
              appearance="primary"
              onClick={() => startBuild(false)}
              disabled={choice.mapping === null || build.state.status === "running"}
            >
              {buildProposalSheetCommand.label}
            </Button>
          </div>
          <OperationProgress
            state={build.state}
            onCancel={build.cancel}
            label={`Building "${proposalSheetName(contractName)}"`}
            unit={null}
            failedTitle="Not built"
            resultSheets={(value) => (value.kind === "built" ? [value.sheet.sheetName] : [])}
          />
        </>
      )}
      <Dialog open={confirming} onOpenChange={(_, d) => !d.open && setAnswered(build.state)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Replace the sheet?</DialogTitle>
            <DialogContent>
              The sheet &quot;{proposalSheetName(contractName)}&quot; already exists. It will be replaced by the new
              build; a value typed into it (the floor, the target) goes back to its default.
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => startBuild(true)}>
                Replace
              </Button>
              <Button onClick={() => setAnswered(build.state)}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
      <ConfirmDelete
        doomed={doomed}
        onCancel={() => setDoomed(null)}
        onConfirm={({ row }) => {
          setDoomed(null);
          void remove.start({ row: row.loaded });
        }}
      />
    </>
  );
}
