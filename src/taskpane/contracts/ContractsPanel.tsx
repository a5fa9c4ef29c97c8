import { useCallback, useEffect, useState } from "react";
import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import {
  checkContractVersion,
  editorIssueMessage,
  renewalNoticeFromDays,
  type CarveOutForm,
  type ContractEditorData,
  type ContractEntry,
  type ContractForm,
  type EditableRow,
} from "../../excel/contracts/contractEditor";
import { CONTRACT_CARVE_OUTS_SPEC, PAYER_CONTRACTS_SPEC } from "../../excel/registry/registryTables";
import { checkForm, emptyForm, type FormInput } from "../../excel/contracts/registryForm";
import type { LoadedRow, SavedRow } from "../../excel/contracts/registryRowWriter";
import { LoadingStatus, Notice } from "../shared/Notice";
import { usePanelStyles } from "../shared/panelStyles";
import { useCommand } from "../useCommand";
import { deleteRow, loadContracts, saveCarveOutRow, saveVersion } from "./contractCommands";
import { RegistryRowForm } from "./RegistryRowForm";

const useStyles = makeStyles({
  header: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  row: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: "4px" },
  rows: { listStyleType: "none", margin: 0, padding: 0 },
  rowActions: { display: "flex", flexShrink: 0 },
  problem: { color: tokens.colorPaletteRedForeground1 },
});

/** What the panel shows: the list, or a form editing one row (null = a new row). */
type Mode =
  | { readonly view: "list" }
  | { readonly view: "version"; readonly initial: ContractForm; readonly editing: LoadedRow | null }
  | { readonly view: "carveOut"; readonly initial: CarveOutForm; readonly editing: LoadedRow | null };

type Values = Readonly<Record<string, FormInput>>;
const DAYS_FIELD = "renewalNoticeDays";

/** The Contracts panel: contracts with their versions and carve-outs, and forms that write the registry tables. */
export function ContractsPanel() {
  const styles = usePanelStyles();
  const own = useStyles();
  const [state, reload] = useCommand(loadContracts);
  const [mode, setMode] = useState<Mode>({ view: "list" });
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    void reload();
  }, [reload]);

  const saved = useCallback(
    (row: SavedRow) => {
      setNotice(
        `Saved row ${row.rowNumber} of ${row.table} (sheet ${row.sheet})${row.createdTable ? ", in a new table" : ""}.`,
      );
      setMode({ view: "list" });
      void reload();
    },
    [reload],
  );
  const deleted = useCallback(
    (message: string) => {
      setNotice(message);
      void reload();
    },
    [reload],
  );
  const data = state.status === "succeeded" ? state.result : null;

  return (
    <section className={styles.panel} aria-labelledby="contracts-panel-title">
      <div className={own.header}>
        <Subtitle2 as="h2" id="contracts-panel-title">
          Contracts
        </Subtitle2>
        {mode.view === "list" && (
          <div>
            <Button
              size="small"
              appearance="primary"
              disabled={data === null}
              onClick={() =>
                setMode({ view: "version", initial: emptyForm(PAYER_CONTRACTS_SPEC.columns), editing: null })
              }
            >
              New contract
            </Button>{" "}
            <Button size="small" onClick={() => void reload()} disabled={state.status === "running"}>
              {loadContracts.label}
            </Button>
          </div>
        )}
      </div>
      <LoadingStatus
        state={state}
        reading="Reading the contract registry…"
        failedTitle="Could not read the contracts"
      />
      {notice !== null && mode.view === "list" && <Notice intent="success">{notice}</Notice>}
      {data !== null && mode.view === "list" && data.problems.length > 0 && (
        <Notice intent="warning" title="The registry has problems">
          {data.problems.join(" ")}
        </Notice>
      )}
      {data !== null && mode.view === "list" && <ContractList data={data} onEdit={setMode} onDeleted={deleted} />}
      {data !== null && mode.view === "version" && (
        <VersionForm data={data} mode={mode} onSaved={saved} onCancel={() => setMode({ view: "list" })} />
      )}
      {data !== null && mode.view === "carveOut" && (
        <CarveOutEditor data={data} mode={mode} onSaved={saved} onCancel={() => setMode({ view: "list" })} />
      )}
    </section>
  );
}

function VersionForm({
  data,
  mode,
  onSaved,
  onCancel,
}: {
  data: ContractEditorData;
  mode: Extract<Mode, { view: "version" }>;
  onSaved: (row: SavedRow) => void;
  onCancel: () => void;
}) {
  const [saveState, save] = useCommand(saveVersion);
  const versions = data.contracts.flatMap((c) => c.versions);
  const prepare = useCallback((values: Values): Values => {
    const computed = renewalNoticeFromDays(values as ContractForm, String(values[DAYS_FIELD] ?? ""));
    return computed.ok && computed.date !== null ? { ...values, renewalNoticeDate: computed.date } : values;
  }, []);
  const check = useCallback(
    (values: Values) => {
      const errors: Record<string, string | undefined> = {
        ...checkContractVersion(values as ContractForm, versions, mode.editing).errors,
      };
      const days = renewalNoticeFromDays(values as ContractForm, String(values[DAYS_FIELD] ?? ""));
      if (!days.ok) errors[DAYS_FIELD] = days.message;
      return errors;
    },
    [versions, mode.editing],
  );
  return (
    <RegistryRowForm
      title={mode.editing === null ? "New contract version" : `Edit version (row ${mode.editing.rowNumber})`}
      columns={PAYER_CONTRACTS_SPEC.columns}
      initial={mode.initial}
      choices={{ feeSchedule: data.feeScheduleTables, medicareSchedule: data.medicareSchedules }}
      check={check}
      prepare={prepare}
      extra={{
        afterField: "renewalNoticeDate",
        render: (values, change, errorOf) => {
          const error = errorOf(DAYS_FIELD);
          return (
            <Field
              label="Or: days before term end"
              hint="Fills the Renewal Notice Date from the Term End Date."
              {...(error === undefined ? {} : { validationState: "error" as const, validationMessage: error })}
            >
              <Input
                value={String(values[DAYS_FIELD] ?? "")}
                placeholder="90"
                onChange={(_, d) => change(DAYS_FIELD, d.value)}
              />
            </Field>
          );
        },
      }}
      saveLabel={saveVersion.label}
      saveState={saveState}
      onSave={(values) => void save({ form: values as ContractForm, editing: mode.editing, versions })}
      onSaved={onSaved}
      onCancel={onCancel}
    />
  );
}

function CarveOutEditor({
  data,
  mode,
  onSaved,
  onCancel,
}: {
  data: ContractEditorData;
  mode: Extract<Mode, { view: "carveOut" }>;
  onSaved: (row: SavedRow) => void;
  onCancel: () => void;
}) {
  const [saveState, save] = useCommand(saveCarveOutRow);
  const check = useCallback((values: Values) => checkForm(CONTRACT_CARVE_OUTS_SPEC, values as CarveOutForm).errors, []);
  return (
    <RegistryRowForm
      title={mode.editing === null ? "New carve-out" : `Edit carve-out (row ${mode.editing.rowNumber})`}
      columns={CONTRACT_CARVE_OUTS_SPEC.columns}
      initial={mode.initial}
      choices={{ contractName: data.contracts.map((c) => c.contractName) }}
      check={check}
      saveLabel={saveCarveOutRow.label}
      saveState={saveState}
      onSave={(values) => void save({ form: values as CarveOutForm, editing: mode.editing })}
      onSaved={onSaved}
      onCancel={onCancel}
    />
  );
}

const percentOrRate = (form: ContractForm | CarveOutForm) =>
  "rate" in form && form.rate !== "" ? `$${String(form.rate)}` : String(form.percent);

function versionSummary(form: ContractForm): string {
  const basis =
    form.method === "Fee Schedule"
      ? String(form.feeSchedule)
      : `${String(form.percent)} ${String(form.medicareSchedule)}`;
  return `${String(form.effectiveStartDate)} to ${String(form.effectiveEndDate) || "no end"} · ${String(form.method)} ${basis.trim()}`;
}

function ContractList({
  data,
  onEdit,
  onDeleted,
}: {
  data: ContractEditorData;
  onEdit: (mode: Mode) => void;
  onDeleted: (message: string) => void;
}) {
  const styles = usePanelStyles();
  const [confirm, setConfirm] = useState<{
    what: "version" | "carveOut";
    row: EditableRow<unknown>;
    label: string;
  } | null>(null);
  const [deleteState, runDelete] = useCommand(deleteRow);
  useEffect(() => {
    if (deleteState.status === "succeeded" && deleteState.result.ok)
      onDeleted(`Deleted row ${deleteState.result.value.rowNumber}.`);
  }, [deleteState, onDeleted]);
  const deleteFailure =
    deleteState.status === "failed"
      ? deleteState.message
      : deleteState.status === "succeeded" && !deleteState.result.ok
        ? editorIssueMessage(deleteState.result.issue)
        : null;

  if (data.contracts.length === 0)
    return (
      <Text className={styles.muted}>
        No contracts yet. New contract adds one to the PayerContracts table (created on a Contracts sheet if needed).
      </Text>
    );
  return (
    <>
      {deleteFailure !== null && <Notice title="Not deleted">{deleteFailure}</Notice>}
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
                  if (confirm !== null) void runDelete({ what: confirm.what, row: confirm.row.loaded });
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

function ContractCard({
  contract,
  onEdit,
  onDelete,
}: {
  contract: ContractEntry;
  onEdit: (mode: Mode) => void;
  onDelete: (what: "version" | "carveOut", row: EditableRow<unknown>, label: string) => void;
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
        {contract.versions.map((version) => (
          <li key={version.loaded.rowNumber} aria-label={`Version from ${String(version.form.effectiveStartDate)}`}>
            <div className={own.row}>
              <Caption1>{versionSummary(version.form)}</Caption1>
              <span className={own.rowActions}>
                <Button
                  size="small"
                  appearance="subtle"
                  onClick={() => onEdit({ view: "version", initial: version.form, editing: version.loaded })}
                >
                  Edit
                </Button>
                <Button
                  size="small"
                  appearance="subtle"
                  onClick={() =>
                    onDelete("version", version, `The version from ${String(version.form.effectiveStartDate)}`)
                  }
                >
                  Delete
                </Button>
              </span>
            </div>
            {version.problems.map((problem) => (
              <Caption1 key={problem} className={own.problem}>
                {problem}
              </Caption1>
            ))}
          </li>
        ))}
      </ul>
      {contract.carveOuts.length > 0 && <Caption1 className={styles.muted}>Carve-outs</Caption1>}
      <ul className={own.rows} aria-label={`Carve-outs of ${contract.contractName}`}>
        {contract.carveOuts.map((carveOut) => {
          const range = `${String(carveOut.form.hcpcsCodeFrom)}${carveOut.form.hcpcsCodeTo === "" ? "" : `–${String(carveOut.form.hcpcsCodeTo)}`}`;
          return (
            <li key={carveOut.loaded.rowNumber} aria-label={`Carve-out ${range}`}>
              <div className={own.row}>
                <Caption1>
                  {range} · {String(carveOut.form.method)} {percentOrRate(carveOut.form)}
                </Caption1>
                <span className={own.rowActions}>
                  <Button
                    size="small"
                    appearance="subtle"
                    onClick={() => onEdit({ view: "carveOut", initial: carveOut.form, editing: carveOut.loaded })}
                  >
                    Edit
                  </Button>
                  <Button
                    size="small"
                    appearance="subtle"
                    onClick={() => onDelete("carveOut", carveOut, `Carve-out ${range}`)}
                  >
                    Delete
                  </Button>
                </span>
              </div>
              {carveOut.problems.map((problem) => (
                <Caption1 key={problem} className={own.problem}>
                  {problem}
                </Caption1>
              ))}
            </li>
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
