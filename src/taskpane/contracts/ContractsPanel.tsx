import { useCallback, useEffect, useState } from "react";
import { Button } from "@fluentui/react-components";
import {
  checkContractVersion,
  renewalNoticeFromDays,
  type CarveOutForm,
  type ContractEditorData,
  type ContractForm,
} from "../../excel/contracts/contractEditor";
import { CONTRACT_CARVE_OUTS_SPEC, PAYER_CONTRACTS_SPEC } from "../../excel/registry/registryTables";
import { checkForm, emptyForm, type FormInput } from "../../excel/contracts/registryForm";
import { useOperationCommand } from "../progress/useOperationCommand";
import { TextField } from "../shared/fields";
import { LoadingStatus, Notice } from "../shared/Notice";
import { PanelSection } from "../shared/PanelSection";
import { useCommand } from "../useCommand";
import { loadContracts, saveCarveOutRow, saveVersion } from "./contractCommands";
import { ContractList, type EditTarget } from "./ContractList";
import { HospitalTermsForm } from "./HospitalTermsForm";
import { RegistryRowForm } from "./RegistryRowForm";

/** What the panel shows: the list, or a form editing one row. */
type Mode = { readonly view: "list" } | EditTarget;

type Values = Readonly<Record<string, FormInput>>;
const DAYS_FIELD = "renewalNoticeDays";

/**
 * The Contracts panel: contracts with their versions, carve-outs and hospital terms, and forms that write the
 * registry tables.
 */
export function ContractsPanel() {
  const [state, reload] = useCommand(loadContracts);
  const [mode, setMode] = useState<Mode>({ view: "list" });
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    void reload();
  }, [reload]);

  const saved = useCallback(
    (message: string) => {
      setNotice(message);
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
  const toList = () => setMode({ view: "list" });

  return (
    <PanelSection
      id="contracts"
      title="Contracts"
      actions={
        mode.view === "list" && (
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
        )
      }
    >
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
        <VersionForm data={data} mode={mode} onSaved={saved} onCancel={toList} />
      )}
      {data !== null && mode.view === "carveOut" && (
        <CarveOutEditor data={data} mode={mode} onSaved={saved} onCancel={toList} />
      )}
      {data !== null && mode.view === "terms" && (
        <HospitalTermsForm data={data} mode={mode} onSaved={saved} onCancel={toList} />
      )}
    </PanelSection>
  );
}

/** Props of a form editing one registry row. */
interface EditorProps<View extends EditTarget["view"]> {
  readonly data: ContractEditorData;
  readonly mode: Extract<EditTarget, { view: View }>;
  readonly onSaved: (message: string) => void;
  readonly onCancel: () => void;
}

function VersionForm({ data, mode, onSaved, onCancel }: EditorProps<"version">) {
  const save = useOperationCommand(saveVersion);
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
            <TextField
              label="Or: days before term end"
              hint="Fills the Renewal Notice Date from the Term End Date."
              problem={error === undefined ? null : { severity: "error", message: error }}
              value={String(values[DAYS_FIELD] ?? "")}
              placeholder="90"
              onChange={(days) => change(DAYS_FIELD, days)}
            />
          );
        },
      }}
      saveLabel={saveVersion.label}
      save={save}
      onSave={(values) => void save.start({ form: values as ContractForm, editing: mode.editing, versions })}
      onSaved={onSaved}
      onCancel={onCancel}
    />
  );
}

function CarveOutEditor({ data, mode, onSaved, onCancel }: EditorProps<"carveOut">) {
  const save = useOperationCommand(saveCarveOutRow);
  const check = useCallback((values: Values) => checkForm(CONTRACT_CARVE_OUTS_SPEC, values as CarveOutForm).errors, []);
  return (
    <RegistryRowForm
      title={mode.editing === null ? "New carve-out" : `Edit carve-out (row ${mode.editing.rowNumber})`}
      columns={CONTRACT_CARVE_OUTS_SPEC.columns}
      initial={mode.initial}
      choices={{ contractName: data.contracts.map((c) => c.contractName) }}
      check={check}
      saveLabel={saveCarveOutRow.label}
      save={save}
      onSave={(values) => void save.start({ form: values as CarveOutForm, editing: mode.editing })}
      onSaved={onSaved}
      onCancel={onCancel}
    />
  );
}
