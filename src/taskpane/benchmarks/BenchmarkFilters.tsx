import { Caption1, Field, Textarea } from "@fluentui/react-components";
import type { UpliftRankBasis } from "../../engine";
import type { BillingClass, CareSetting, MarketRateFilter } from "../../formats/priceTransparency/marketRate";
import { ChoiceSelect, type LabelledChoice } from "../shared/fields";
import { usePanelStyles } from "../shared/panelStyles";

/** The filters as the form holds them: "" for every setting or billing class. */
export interface BenchmarkFilterForm {
  readonly codesText: string;
  readonly setting: "" | Exclude<CareSetting, "both">;
  readonly billingClass: "" | Exclude<BillingClass, "both">;
}

/** The words of the ranking choice for the top codes. */
const RANKINGS: readonly LabelledChoice[] = [
  { value: "revenue", label: "Top codes by allowed dollars" },
  { value: "volume", label: "Top codes by count of lines" },
] satisfies readonly (LabelledChoice & { value: UpliftRankBasis })[];

/** The codes typed: separated by commas, spaces or lines, compared trimmed and upper case. */
export function codesOf(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((code) => code.trim().toUpperCase())
        .filter((code) => code !== ""),
    ),
  ];
}

/**
 * The reader's filter from the form. A rate for "both" settings or billing classes passes either choice (the
 * readers keep it, since it applies in both).
 */
export function filterOf(form: BenchmarkFilterForm): MarketRateFilter {
  const codes = codesOf(form.codesText);
  return {
    ...(codes.length > 0 ? { codes: new Set(codes) } : {}),
    ...(form.setting !== "" ? { settings: new Set([form.setting]) } : {}),
    ...(form.billingClass !== "" ? { billingClasses: new Set([form.billingClass]) } : {}),
  };
}

/** Props of {@link BenchmarkFilters}. */
export interface BenchmarkFiltersProps {
  readonly form: BenchmarkFilterForm;
  readonly onChange: (change: Partial<BenchmarkFilterForm>) => void;
  /** The ranking of the top codes, or null when the workbook has no claims table to rank from. */
  readonly rankBy: UpliftRankBasis | null;
  readonly onRankBy: (rankBy: UpliftRankBasis) => void;
  /** Where the codes came from, or why the claims table gave none. */
  readonly codesNote: string;
  readonly disabled: boolean;
}

/** The codes, setting and billing class to keep while reading: a file of gigabytes becomes a few thousand rates. */
export function BenchmarkFilters({ form, onChange, rankBy, onRankBy, codesNote, disabled }: BenchmarkFiltersProps) {
  const styles = usePanelStyles();
  return (
    <div className={styles.group} role="group" aria-label="Filters">
      <Caption1 className={styles.legend}>Keep while reading</Caption1>
      {rankBy !== null && (
        <Field label="Codes from the claims table">
          <ChoiceSelect
            value={rankBy}
            onChange={(value) => value !== "" && onRankBy(value as UpliftRankBasis)}
            choices={RANKINGS}
            noChoice="(type the codes)"
            disabled={disabled}
          />
        </Field>
      )}
      <Field label="Codes" hint={codesNote}>
        <Textarea
          value={form.codesText}
          onChange={(_, data) => onChange({ codesText: data.value })}
          placeholder="70551, 99213, 27447 (blank: every code)"
          disabled={disabled}
          resize="vertical"
        />
      </Field>
      <div className={styles.row}>
        <Field label="Setting" className={styles.grow}>
          <ChoiceSelect
            value={form.setting}
            onChange={(value) => onChange({ setting: value as BenchmarkFilterForm["setting"] })}
            choices={["inpatient", "outpatient"]}
            noChoice="Every setting"
            disabled={disabled}
          />
        </Field>
        <Field label="Billing class" className={styles.grow}>
          <ChoiceSelect
            value={form.billingClass}
            onChange={(value) => onChange({ billingClass: value as BenchmarkFilterForm["billingClass"] })}
            choices={["professional", "institutional"]}
            noChoice="Every billing class"
            disabled={disabled}
          />
        </Field>
      </div>
    </div>
  );
}
