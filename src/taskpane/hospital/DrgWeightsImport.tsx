import { useMemo, useState } from "react";
import { Button, Caption1 } from "@fluentui/react-components";
import { OperationProgress } from "../progress/OperationProgress";
import { useOperationCommand } from "../progress/useOperationCommand";
import { TextField } from "../shared/fields";
import { usePanelStyles } from "../shared/panelStyles";
import { countOf } from "../shared/wording";
import { importDrgWeights } from "./hospitalCommands";
import { readDrgWeights } from "./hospitalFiles";
import { chooseBytes, HospitalFileChoice, type ChosenBytes } from "./HospitalFileChoice";
import { RowProblemList } from "../shared/RowProblemList";

const YEAR = /^\s*(?:FY\s*)?(\d{4})\s*$/i;

/**
 * The MS-DRG weights import: choose CMS's pricer CSV or Table 5 (text or CSV, banner rows above its header), see the
 * DRGs read, the fiscal year (from the file, or asked for when it says none) and every row left out, then write them
 * into MsDrgWeights, replacing that year's rows.
 */
export function DrgWeightsImport() {
  const styles = usePanelStyles();
  const [chosen, setChosen] = useState<ChosenBytes | null>(null);
  const [yearText, setYearText] = useState("");
  const { state, start, cancel } = useOperationCommand(importDrgWeights);
  const running = state.status === "running";

  const typedYear = YEAR.exec(yearText)?.[1];
  const fiscalYear = typedYear === undefined ? undefined : Number(typedYear);
  const read = useMemo(
    () => (chosen?.status === "read" ? readDrgWeights(chosen.fileName, chosen.content, fiscalYear) : null),
    [chosen, fiscalYear],
  );
  // Asked for while the file says no year, and kept once typed so the user can correct it.
  const asksYear = (read !== null && !read.ok && read.issue.needsFiscalYear) || (read?.ok === true && yearText !== "");
  const file = read?.ok === true ? read.value : null;
  const refusal = chosen?.status === "refused" ? chosen.message : read !== null && !read.ok && !read.issue.needsFiscalYear ? read.issue.message : null; // prettier-ignore

  const choose = async (picked: File) => {
    setYearText("");
    setChosen(await chooseBytes(picked, "drgWeights"));
  };

  return (
    <div className={styles.group} role="group" aria-labelledby="drg-weights-title">
      <span id="drg-weights-title" className={styles.legend}>
        MS-DRG weights
      </span>
      <Caption1 className={styles.muted}>
        CMS&apos;s IPPS pricer file (drgstable CSV) or Table 5 of the final rule as text or CSV, into MsDrgWeights.
      </Caption1>
      <HospitalFileChoice
        kind="drgWeights"
        label="MS-DRG weights file"
        button="Choose weights file…"
        summary={file && `${file.fileName}: ${countOf(file.table.rows.size, "MS-DRG", "MS-DRGs")} read, FY${file.table.fiscalYear}`} // prettier-ignore
        refusal={refusal}
        onFile={(picked) => void choose(picked)}
        disabled={running}
      />
      {asksYear && (
        <TextField
          label="Fiscal year"
          value={yearText}
          onChange={setYearText}
          disabled={running}
          hint="The file says no year: FY2026 runs from 2025-10-01 to 2026-09-30."
          problem={
            fiscalYear === undefined ? { severity: "error", message: "Enter the fiscal year, like 2026." } : null
          }
        />
      )}
      {file !== null && (
        <>
          <RowProblemList
            title={`${countOf(file.problems.length, "row", "rows")} skipped in ${file.fileName}`}
            problems={file.problems}
          />
          <RowProblemList
            title={`${countOf(file.warnings.length, "row", "rows")} to look at (imported as text)`}
            problems={file.warnings}
          />
          <div className={styles.chooser}>
            <Button
              appearance="primary"
              disabled={running || file.table.rows.size === 0}
              onClick={() => void start({ table: file.table, leftOut: file.problems.length })}
            >
              {importDrgWeights.label}
            </Button>
            <Caption1 className={styles.muted}>
              into MsDrgWeights: replaces its FY{file.table.fiscalYear} rows, keeps other years
            </Caption1>
          </div>
        </>
      )}
      <OperationProgress
        state={state}
        onCancel={cancel}
        label="Writing the MS-DRG weights"
        resultSheets={(written) => [written.sheetName]}
      />
    </div>
  );
}
