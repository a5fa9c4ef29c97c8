import { useEffect, useMemo, useState } from "react";
import { Button, Caption1, Checkbox, Combobox, Field, Select, useComboboxFilter } from "@fluentui/react-components";
import { toDecimal } from "../../engine";
import type { TermsRow } from "../../excel/hospitalSchedule";
import { OperationProgress } from "../progress/OperationProgress";
import { useOperationCommand } from "../progress/useOperationCommand";
import { TextField } from "../shared/fields";
import { Notice } from "../shared/Notice";
import { usePanelStyles } from "../shared/panelStyles";
import { countOf } from "../shared/wording";
import { useCommand } from "../useCommand";
import { listTermsRows, writeHospitalWageIndex } from "./hospitalCommands";
import { areaText, readWageIndexFile, WAGE_INDEX_KINDS, wageIndexOf, type WageIndexKind } from "./hospitalFiles";
import { chooseBytes, HospitalFileChoice } from "./HospitalFileChoice";
import { RowProblemList } from "../shared/RowProblemList";
import type { WageIndexFile } from "./hospitalFiles";

/** How a terms row is offered: the contract, the version, the method and the index it holds now. */
const rowText = (row: TermsRow) =>
  `Row ${row.rowNumber}: ${row.contractName} from ${row.effectiveStartDate}, ${row.outpatientMethod || "no method"}` +
  (row.wageIndex === "" ? "" : `, now ${row.wageIndex}`);

/** Areas listed at once in the search; typing narrows them. */
const MAX_AREAS_LISTED = 30;

/** The registry reads a wage index above 0 and at most 5. */
const readIndex = (text: string) => {
  const value = toDecimal(text);
  return value !== null && value.greaterThan(0) && value.lessThanOrEqualTo(5) ? value : null;
};

/**
 * The hospital's wage index: pick the CBSA from CMS's wage index file (and which of its indexes), or type the index,
 * choose the OutpatientTerms rows it applies to (Percent of OPPS rows are chosen first), and write it into their Wage
 * Index cells.
 */
export function WageIndexWrite() {
  const styles = usePanelStyles();
  const [areas, setAreas] = useState<{ file: WageIndexFile | null; refusal: string | null }>({ file: null, refusal: null }); // prettier-ignore
  const [query, setQuery] = useState("");
  const [cbsa, setCbsa] = useState<string | null>(null);
  const [kind, setKind] = useState<WageIndexKind>("geographicWageIndex");
  const [indexText, setIndexText] = useState("");
  const [listed, list] = useCommand(listTermsRows);
  const [chosenRows, setChosenRows] = useState<ReadonlySet<number>>(new Set());
  const { state, start, cancel } = useOperationCommand(writeHospitalWageIndex);
  const running = state.status === "running";

  // The areas matching what is typed, at most MAX_AREAS_LISTED of them: a list of all 471 is slow to open and to read.
  const options = useMemo(() => {
    const typed = query.trim().toLowerCase();
    const all = (areas.file?.rows ?? []).map((row) => ({ value: row.cbsa, children: areaText(row) }));
    return all.filter((option) => option.children.toLowerCase().includes(typed)).slice(0, MAX_AREAS_LISTED);
  }, [areas.file, query]);
  // The options are filtered above; the hook only renders them (and says when none matches).
  const filtered = useComboboxFilter("", options, { noOptionsMessage: "No area matches.", optionToText: (o) => o.children }); // prettier-ignore
  const area = areas.file?.rows.find((row) => row.cbsa === cbsa);
  const rows = listed.status === "succeeded" && listed.result.ok ? listed.result.value : null;
  const wageIndex = readIndex(indexText);
  const chosen = (rows ?? []).filter((row) => chosenRows.has(row.index));

  // The rows are listed again after a write: the list must hold what the rows hold now.
  useEffect(() => {
    if (state.status === "succeeded") void list();
  }, [state.status, list]);
  useEffect(() => {
    if (rows !== null) setChosenRows(new Set(rows.filter((row) => row.usesWageIndex).map((row) => row.index)));
  }, [rows]);

  const chooseFile = async (picked: File) => {
    const bytes = await chooseBytes(picked, "wageIndex");
    const read = bytes.status === "read" ? readWageIndexFile(bytes.fileName, bytes.content) : null;
    setAreas({
      file: read?.ok === true ? read.value : null,
      refusal: bytes.status === "refused" ? bytes.message : read !== null && !read.ok ? read.issue : null,
    });
    setCbsa(null);
    setQuery("");
  };
  const pick = (nextCbsa: string | null, nextKind: WageIndexKind) => {
    const row = areas.file?.rows.find((r) => r.cbsa === nextCbsa);
    const value = row === undefined ? null : wageIndexOf(row, nextKind);
    if (value !== null) setIndexText(value.toString());
  };
  const toggle = (index: number, on: boolean) =>
    setChosenRows((before) => new Set(on ? [...before, index] : [...before].filter((i) => i !== index)));

  return (
    <div className={styles.group} role="group" aria-labelledby="wage-index-title">
      <span id="wage-index-title" className={styles.legend}>
        Wage index
      </span>
      <Caption1 className={styles.muted}>
        Percent of OPPS pays rate x (0.60 x wage index + 0.40): pick your CBSA in CMS&apos;s wage index file, or type
        the index, then choose the OutpatientTerms rows it applies to.
      </Caption1>
      <HospitalFileChoice
        kind="wageIndex"
        label="Wage index file"
        button="Choose wage index file…"
        summary={areas.file && `${areas.file.fileName}: ${countOf(areas.file.rows.length, "area", "areas")}`}
        refusal={areas.refusal}
        onFile={(picked) => void chooseFile(picked)}
        disabled={running}
      />
      {areas.file !== null && (
        <>
          <RowProblemList
            title={`${countOf(areas.file.problems.length, "row", "rows")} skipped in ${areas.file.fileName}`}
            problems={areas.file.problems}
          />
          <Field
            label="Area (CBSA)"
            hint={`Type a CBSA, a state code or a name (${MAX_AREAS_LISTED} areas listed at a time).`}
          >
            <Combobox
              placeholder="Search areas"
              value={query}
              selectedOptions={cbsa === null ? [] : [cbsa]}
              onChange={(event) => setQuery(event.target.value)}
              onOptionSelect={(_, data) => {
                setCbsa(data.optionValue ?? null);
                setQuery(data.optionText ?? "");
                pick(data.optionValue ?? null, kind);
              }}
              disabled={running}
            >
              {filtered}
            </Combobox>
          </Field>
          {area !== undefined && (
            <Field label="Index">
              <Select
                value={kind}
                disabled={running}
                onChange={(_, data) => {
                  setKind(data.value as WageIndexKind);
                  pick(cbsa, data.value as WageIndexKind);
                }}
              >
                {(Object.keys(WAGE_INDEX_KINDS) as WageIndexKind[]).map((k) => (
                  <option key={k} value={k} disabled={wageIndexOf(area, k) === null}>
                    {`${WAGE_INDEX_KINDS[k]}: ${wageIndexOf(area, k)?.toString() ?? "none"}`}
                  </option>
                ))}
              </Select>
            </Field>
          )}
        </>
      )}
      <TextField
        label="Wage index"
        value={indexText}
        onChange={setIndexText}
        disabled={running}
        problem={indexText !== "" && wageIndex === null ? { severity: "error", message: "Enter an index above 0 and at most 5, like 0.8732." } : null} // prettier-ignore
      />
      <div className={styles.chooser}>
        <Button onClick={() => void list()} disabled={running || listed.status === "running"}>
          {listTermsRows.label}
        </Button>
      </div>
      {listed.status === "succeeded" && !listed.result.ok && <Notice>{listed.result.issue}</Notice>}
      {listed.status === "failed" && <Notice>{listed.message}</Notice>}
      {rows !== null && rows.length === 0 && <Caption1>OutpatientTerms has no contract rows yet.</Caption1>}
      {rows !== null &&
        rows.map((row) => (
          <Checkbox
            key={row.index}
            label={rowText(row)}
            checked={chosenRows.has(row.index)}
            onChange={(_, data) => toggle(row.index, data.checked === true)}
            disabled={running}
          />
        ))}
      {rows !== null && rows.length > 0 && (
        <div className={styles.chooser}>
          <Button
            appearance="primary"
            disabled={running || wageIndex === null || chosen.length === 0}
            onClick={() => wageIndex !== null && void start({ wageIndex, rows: chosen })}
          >
            {writeHospitalWageIndex.label}
          </Button>
          <Caption1 className={styles.muted}>into the Wage Index of {countOf(chosen.length, "row", "rows")}</Caption1>
        </div>
      )}
      <OperationProgress state={state} onCancel={cancel} label="Writing the wage index" />
    </div>
  );
}
