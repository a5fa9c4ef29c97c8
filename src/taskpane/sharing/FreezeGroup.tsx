import { useEffect, useState } from "react";
import {
  Button,
  Caption1,
  Checkbox,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
} from "@fluentui/react-components";
import type { FreezeReport, FreezeSheetCount } from "../../excel/sharing";
import { OperationProgress } from "../progress/OperationProgress";
import type { CancellableOperation } from "../progress/useCancellableOperation";
import { Notice } from "../shared/Notice";
import { usePanelStyles } from "../shared/panelStyles";
import { groupedNumber } from "../shared/wording";
import { useCommand } from "../useCommand";
import { freezeCountText, previewFreezeCommand } from "./sharingCommands";

const useStyles = makeStyles({
  sheets: { display: "flex", flexDirection: "column", maxHeight: "180px", overflowY: "auto" },
});

const SHEETS = { one: "sheet", many: "sheets" };

/** Props of {@link FreezeGroup}. */
export interface FreezeGroupProps {
  /** The sheets the user can choose. */
  readonly sheets: readonly string[];
  readonly freeze: CancellableOperation<{ readonly sheetNames: readonly string[] }, FreezeReport>;
}

/**
 * The Sharing panel's freeze: choose sheets, review how many PAYER formulas each holds, confirm, and freeze them into
 * values with progress in sheets and Cancel. Nothing changes before the user confirms.
 */
export function FreezeGroup({ sheets, freeze }: FreezeGroupProps) {
  const styles = usePanelStyles();
  const own = useStyles();
  const [chosen, setChosen] = useState<readonly string[]>([]);
  const [preview, runPreview] = useCommand(previewFreezeCommand);
  const [confirming, setConfirming] = useState<readonly FreezeSheetCount[] | null>(null);
  useEffect(() => {
    if (preview.status === "succeeded" && typeof preview.result !== "string") setConfirming(preview.result);
  }, [preview]);
  const toFreeze = (confirming ?? []).filter((s) => s.formulaCells > 0);
  const toggle = (sheet: string, on: boolean) =>
    setChosen((list) => (on ? [...list.filter((s) => s !== sheet), sheet] : list.filter((s) => s !== sheet)));

  return (
    <div className={styles.group} role="group" aria-label="Freeze for sharing">
      <Text className={styles.legend}>Freeze for sharing</Text>
      <Caption1 className={styles.muted}>
        Replaces the PAYER formulas of the chosen sheets with their current values, stamped with the time, so the sheets
        read the same without the add-in. The formulas are kept on the sheet &quot;Frozen for sharing&quot;.
      </Caption1>
      <div className={own.sheets} role="group" aria-label="Sheets to freeze">
        {sheets.map((sheet) => (
          <Checkbox
            key={sheet}
            label={sheet}
            checked={chosen.includes(sheet)}
            onChange={(_, d) => toggle(sheet, d.checked === true)}
          />
        ))}
      </div>
      {preview.status === "succeeded" && typeof preview.result === "string" && <Notice>{preview.result}</Notice>}
      {preview.status === "failed" && <Notice>{preview.message}</Notice>}
      {confirming !== null ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>
              {toFreeze.length === 0 ? "Nothing to freeze" : "Freeze these formulas into values?"}
            </MessageBarTitle>
            <ul aria-label="Formulas to freeze">
              {confirming.map((s) => (
                <li key={s.sheet}>{freezeCountText(s)}</li>
              ))}
            </ul>
          </MessageBarBody>
          <MessageBarActions>
            <Button
              appearance="primary"
              disabled={toFreeze.length === 0}
              onClick={() => {
                setConfirming(null);
                void freeze.start({ sheetNames: toFreeze.map((s) => s.sheet) });
              }}
            >
              Freeze {groupedNumber(toFreeze.reduce((n, s) => n + s.formulaCells, 0))} formulas
            </Button>
            <Button onClick={() => setConfirming(null)}>Keep formulas</Button>
          </MessageBarActions>
        </MessageBar>
      ) : (
        <div className={styles.row}>
          <Button
            onClick={() => void runPreview(chosen)}
            disabled={chosen.length === 0 || preview.status === "running" || freeze.state.status === "running"}
          >
            Review freeze
          </Button>
        </div>
      )}
      <OperationProgress state={freeze.state} onCancel={freeze.cancel} label="Freezing" unit={SHEETS} />
    </div>
  );
}
