import { useMemo, useState } from "react";
import { Button, Caption1 } from "@fluentui/react-components";
import type { IsoDate } from "../../engine";
import { OperationProgress } from "../progress/OperationProgress";
import { useOperationCommand } from "../progress/useOperationCommand";
import { TextField } from "../shared/fields";
import { usePanelStyles } from "../shared/panelStyles";
import { countOf } from "../shared/wording";
import { importAddendumB } from "./hospitalCommands";
import { quarterOfFileName, readAddendumB } from "./hospitalFiles";
import { chooseBytes, HospitalFileChoice, type ChosenBytes } from "./HospitalFileChoice";
import { RowProblemList } from "../shared/RowProblemList";

/** CMS publishes Addendum B each quarter: in effect from January 1, April 1, July 1 or October 1. */
const QUARTER_START = /^\d{4}-(01|04|07|10)-01$/;

/**
 * The OPPS Addendum B import: choose CMS's quarterly CSV (Windows-1252, banner rows, money as "$1,234.56" text), see
 * the codes read, the quarter (from the file's name, or asked for) and every row left out, then write them into
 * OppsRates, replacing that quarter's rows.
 */
export function AddendumBImport() {
  const styles = usePanelStyles();
  const [chosen, setChosen] = useState<ChosenBytes | null>(null);
  const [quarterText, setQuarterText] = useState<string | null>(null);
  const { state, start, cancel } = useOperationCommand(importAddendumB);
  const running = state.status === "running";

  const fromName = chosen?.status === "read" ? quarterOfFileName(chosen.fileName) : null;
  const shownQuarter = quarterText ?? fromName ?? "";
  const quarter = QUARTER_START.test(shownQuarter.trim()) ? (shownQuarter.trim() as IsoDate) : null;
  const read = useMemo(
    () => (chosen?.status === "read" && quarter !== null ? readAddendumB(chosen.fileName, chosen.content, quarter) : null), // prettier-ignore
    [chosen, quarter],
  );
  const file = read?.ok === true ? read.value : null;
  const refusal = chosen?.status === "refused" ? chosen.message : read !== null && !read.ok ? read.issue : null;

  const choose = async (picked: File) => {
    setQuarterText(null);
    setChosen(await chooseBytes(picked, "addendumB"));
  };

  return (
    <div className={styles.group} role="group" aria-labelledby="addendum-b-title">
      <span id="addendum-b-title" className={styles.legend}>
        OPPS Addendum B
      </span>
      <Caption1 className={styles.muted}>
        CMS&apos;s quarterly &quot;OPPS Payment by HCPCS Code&quot; CSV, into OppsRates. An .xlsx: save it as CSV first.
      </Caption1>
      <HospitalFileChoice
        kind="addendumB"
        label="Addendum B file"
        button="Choose Addendum B file…"
        summary={file && `${file.fileName}: ${countOf(file.table.rows.size, "code", "codes")} read, quarter from ${file.table.effectiveStartDate}`} // prettier-ignore
        refusal={refusal}
        onFile={(picked) => void choose(picked)}
        disabled={running}
      />
      {chosen?.status === "read" && (
        <TextField
          label="Quarter starts"
          value={shownQuarter}
          onChange={setQuarterText}
          disabled={running}
          hint={fromName !== null ? "From the file's name." : "The file's name does not say its quarter."}
          problem={
            quarter === null
              ? {
                  severity: "error",
                  message: "Enter the quarter's first day, like 2025-10-01 (Jan, Apr, Jul or Oct 1).",
                }
              : null
          }
        />
      )}
      {file !== null && (
        <>
          <RowProblemList
            title={`${countOf(file.problems.length, "row", "rows")} skipped in ${file.fileName}`}
            problems={file.problems}
          />
          <div className={styles.chooser}>
            <Button
              appearance="primary"
              disabled={running || file.table.rows.size === 0}
              onClick={() => void start({ table: file.table, leftOut: file.problems.length })}
            >
              {importAddendumB.label}
            </Button>
            <Caption1 className={styles.muted}>
              into OppsRates: replaces its rows from {file.table.effectiveStartDate}, keeps other quarters
            </Caption1>
          </div>
        </>
      )}
      <OperationProgress
        state={state}
        onCancel={cancel}
        label="Writing the Addendum B rates"
        resultSheets={(written) => [written.sheetName]}
      />
    </div>
  );
}
