/**
 * The Contract Performance sheet's cost of doing business and renegotiation scorecard (issue 15 item 4), as a pure
 * layout: the cost inputs with their sources, the prompt-pay rule table (from PROMPT_PAY_RULES), and one row per
 * contract plus the portfolio's. Every figure is a native formula over the reviewed table and the inputs, so an
 * executive's Excel recomputes it without the add-in when an input or the table changes. The figures are defined in
 * the engine (kpis/costOfBusiness.ts), whose tests prove them on small tables and whose numbers the sheet's
 * formulas are tested against.
 *
 * Working days are counted with arithmetic over Excel day numbers (day mod 7: 0 Saturday, 1 Sunday, 2-6 Monday to
 * Friday) rather than NETWORKDAYS/WORKDAY, which do not take a column of dates in every Excel nor in the simulator.
 */
import {
  COST_ASSUMPTION_SOURCES,
  FLAG_ROLES,
  PROMPT_PAY_RULES,
  PROMPT_PAY_STATES,
  SCORE_MEASURE_WORDS,
  SCORE_MEASURES,
  VARIANCE_FLAGS,
  type CostAssumptions,
  type FlagRole,
  type PromptPayState,
  type ScoreMeasure,
  type ScoreWeights,
} from "../../engine";
import { placeColumns, type ColumnMap } from "../core/columnLetters";
import { NUMBER_FORMATS } from "../core/numberFormats";
import type { PlanBlock, PlanCell } from "../core/sheetBlocks";
import { REVIEW_COLUMNS } from "../varianceReview/reviewColumns";
import {
  COST_INPUTS,
  RULE_COLUMNS,
  SCORE_COLUMNS,
  type CostInputKey,
  type RuleKey,
  type ScoreKey,
} from "./scorecardColumns";
import { tableColumnRef as ref } from "./performanceColumns";

/** One contract of the scorecard, with its renewal dates from the PayerContracts table (Excel day numbers). */
export interface ScorecardContract {
  readonly key: string;
  readonly termEndDay: number | null;
  readonly noticeDay: number | null;
}

/** What the block reads and starts from. */
export interface ScorecardSource {
  readonly tableName: string;
  readonly columns: {
    readonly key: string;
    readonly submittedDate: string;
    readonly paidDate: string;
    readonly paidAmount: string | null;
    /** A column of the table holding each line's Medicare amount, when it has one; else "n/a". */
    readonly medicareAmount: string | null;
    /** The table's prior authorization column, when it has one; else the count is "n/a" and costs nothing. */
    readonly priorAuthorization: string | null;
  };
  readonly contracts: readonly ScorecardContract[];
  readonly assumptions: CostAssumptions;
  readonly state: PromptPayState;
  readonly weights: ScoreWeights;
  /** The renewal windows' date: an Excel day number, or a formula the user typed on an earlier build (=TODAY()). */
  readonly asOf: number | string;
}

/** The block, ready to write, and where its parts are (1-based rows, absolute input cells). */
export interface ScorecardLayout {
  readonly blocks: readonly PlanBlock[];
  /** Rows the block takes, from its top. */
  readonly height: number;
  readonly inputCells: Readonly<Record<CostInputKey, string>>;
  /** Input cells that take one of a list, with the list's range: the prompt-pay rule, from the rule table's codes. */
  readonly choices: readonly { readonly cell: string; readonly source: string }[];
  readonly headerRow: number;
  readonly firstRow: number;
  readonly portfolioRow: number;
}

/** The scorecard's title, found again by tests and readers. */
export const SCORECARD_HEADING = "Cost of doing business and renegotiation scorecard";
/** The portfolio row's name in the Contract column. */
export const PORTFOLIO_ROW_NAME = "Portfolio (all contracts)";

const quoted = (text: string) => `"${text.replace(/"/g, '""')}"`;
const flagsWhere = (role: keyof FlagRole) => VARIANCE_FLAGS.filter((flag) => FLAG_ROLES[flag][role]);
const DAY_KIND_WORDS = { working: "working days", calendar: "calendar days" } as const;

/** Where each input's value comes from, for the Source column. */
function inputSources(): Record<CostInputKey, string> {
  const weights = Object.fromEntries(
    SCORE_MEASURES.map((m) => [
      `weight.${m}`,
      m === "underpayment"
        ? "Each measure scores the contract's figure over the portfolio's (1 = as the portfolio) x its weight; the score is their sum, rank 1 the highest."
        : "",
    ]),
  ) as Record<`weight.${ScoreMeasure}`, string>;
  return {
    ...COST_ASSUMPTION_SOURCES,
    promptPayState: `One of ${PROMPT_PAY_STATES.join(", ")} (rule table below; DOMAIN.md 3.3). Working days are Monday to Friday: holidays are not counted.`,
    windowDays: "From the rule table.",
    dayKind: "From the rule table.",
    interestPerYear: "From the rule table; simple interest: paid x rate x days late / 365.",
    asOf: "The day the sheet was built (a rebuild sets it again); type =TODAY() to follow the calendar.",
    ...weights,
  };
}

/** Lays out the block with its top at 0-based row `top`. */
export function layoutScorecard(source: ScorecardSource, top: number): ScorecardLayout {
  const keys = Object.keys(COST_INPUTS) as CostInputKey[];
  const firstInput = top + 4; // 1-based: heading, note, header, then the inputs
  const inputCells = Object.fromEntries(keys.map((key, i) => [key, `$B$${firstInput + i}`])) as Record<
    CostInputKey,
    string
  >;
  const ruleHeader = firstInput + keys.length + 1;
  const rules = placeColumns(RULE_COLUMNS);
  const firstRule = ruleHeader + 1;
  const lastRule = ruleHeader + PROMPT_PAY_STATES.length;
  const ruleColumn = (key: RuleKey) => rules.range(key, firstRule, lastRule, "absolute");
  const lookup = (key: RuleKey) =>
    `=INDEX(${ruleColumn(key)},MATCH(${inputCells.promptPayState},${ruleColumn("code")},0))`;
  const headerRow = lastRule + 2;
  const firstRow = headerRow + 1;
  const portfolioRow = firstRow + source.contracts.length;
  const score = placeColumns(SCORE_COLUMNS);
  const sources = inputSources();
  const values: Record<CostInputKey, PlanCell> = {
    ...source.assumptions,
    promptPayState: source.state,
    windowDays: lookup("days"),
    dayKind: lookup("dayKind"),
    interestPerYear: lookup("rate"),
    asOf: source.asOf,
    ...(Object.fromEntries(SCORE_MEASURES.map((m) => [`weight.${m}`, source.weights[m]])) as Record<
      `weight.${ScoreMeasure}`,
      number
    >),
  };
  const place = { source, score, inputCells, firstRow, portfolioRow };
  const blocks: PlanBlock[] = [
    { row: top, column: 0, cells: [[SCORECARD_HEADING]], numberFormat: NUMBER_FORMATS.text, style: "heading" },
    {
      row: top + 1,
      column: 0,
      cells: [[noteText(source)]],
      numberFormat: NUMBER_FORMATS.text,
      style: "note",
    },
    {
      row: top + 2,
      column: 0,
      cells: [["Cost input", "Value", "Source"]],
      numberFormat: NUMBER_FORMATS.text,
      style: "header",
    },
    {
      row: firstInput - 1,
      column: 0,
      cells: keys.map((key) => [COST_INPUTS[key].label]),
      numberFormat: NUMBER_FORMATS.text,
      style: "body",
    },
    ...keys.map((key, i): PlanBlock => ({
      row: firstInput - 1 + i,
      column: 1,
      cells: [[values[key]]],
      numberFormat: COST_INPUTS[key].format,
      style: COST_INPUTS[key].typed ? "input" : "body",
    })),
    {
      row: firstInput - 1,
      column: 2,
      cells: keys.map((key) => [sources[key]]),
      numberFormat: NUMBER_FORMATS.text,
      style: "note",
    },
    { row: ruleHeader - 1, column: 0, cells: [rules.headers()], numberFormat: NUMBER_FORMATS.text, style: "header" },
    {
      row: firstRule - 1,
      column: 0,
      cells: PROMPT_PAY_STATES.map((code) => {
        const rule = PROMPT_PAY_RULES[code];
        return rules.row<PlanCell>({
          code,
          label: rule.label,
          days: rule.days,
          dayKind: DAY_KIND_WORDS[rule.dayKind],
          rate: rule.annualRate,
          statedAs: rule.statedAs,
        });
      }),
      numberFormat: rules.numberFormats(),
      style: "body",
    },
    { row: headerRow - 1, column: 0, cells: [score.headers()], numberFormat: NUMBER_FORMATS.text, style: "header" },
    {
      row: firstRow - 1,
      column: 0,
      cells: source.contracts.map((contract, i) => scoreRow(place, firstRow + i, contract)),
      numberFormat: score.numberFormats(),
      style: "body",
    },
    {
      row: portfolioRow - 1,
      column: 0,
      cells: [scoreRow(place, portfolioRow, null)],
      numberFormat: score.numberFormats(),
      style: "total",
    },
  ];
  const choices = [{ cell: inputCells.promptPayState, source: `=${ruleColumn("code")}` }];
  return { blocks, height: portfolioRow - top, inputCells, choices, headerRow, firstRow, portfolioRow };
}

/** What the block computes, in words, with the columns it reads. */
function noteText(source: ScorecardSource): string {
  const { paidDate, submittedDate } = source.columns;
  const medicare =
    source.columns.medicareAmount === null
      ? "n/a: the table has no Medicare amount column"
      : `net effective over the table's ${source.columns.medicareAmount}`;
  const authorizations =
    source.columns.priorAuthorization === null
      ? "n/a: the table has no prior authorization column"
      : `the distinct numbers in ${source.columns.priorAuthorization} (a number on several lines or claims counts once; blank is none)`;
  return (
    `Over every reviewed line, reversals left out. Burden = denied lines x rework cost + denied lines x share appealed x appeal cost + prior authorizations x cost per prior authorization + carrying cost ` +
    `(paid x cost of capital x (${paidDate} - ${submittedDate}) / 365, paid lines). Net effective = allowed - burden; % of Medicare: ${medicare}. ` +
    `Prior authorizations: ${authorizations}. ` +
    `Prompt-pay interest: paid lines (taken as clean claims) paid after the rule's window, paid x rate x days late / 365; owed to you, so not in the burden.`
  );
}

/** The formulas of one scorecard row: a contract's (`contract` given) or the portfolio's (null). */
function scoreRow(
  place: {
    readonly source: ScorecardSource;
    readonly score: ColumnMap<ScoreKey>;
    readonly inputCells: Readonly<Record<CostInputKey, string>>;
    readonly firstRow: number;
    readonly portfolioRow: number;
  },
  r: number,
  contract: ScorecardContract | null,
): PlanCell[] {
  const { source, score, inputCells: input, firstRow, portfolioRow } = place;
  const t = (column: string) => ref(source.tableName, column);
  const at = (key: ScoreKey) => score.cell(r, key);
  const whole = (key: ScoreKey) => score.cell(portfolioRow, key, "absolute");
  const { key, submittedDate, paidDate, paidAmount, medicareAmount, priorAuthorization } = source.columns;
  const flag = t(REVIEW_COLUMNS.flag.name);
  const variance = t(REVIEW_COLUMNS.variance.name);
  const sd = t(submittedDate);
  const pd = t(paidDate);
  // The portfolio row takes every line naming a contract: "?*" is any text of one character or more.
  const criterion = contract === null ? `"?*"` : score.cell(r, "contract", "column");
  const isKey = contract === null ? `(LEN(${t(key)})>0)` : `(${t(key)}=${criterion})`;
  const countFlags = (flags: readonly string[]) =>
    flags.map((f) => `COUNTIFS(${t(key)},${criterion},${flag},${quoted(f)})`).join("+");
  const oneOf = (flags: readonly string[]) => `(${flags.map((f) => `(${flag}=${quoted(f)})`).join("+")})`;
  const paidLine = `${isKey}*${oneOf(flagsWhere("paid"))}*ISNUMBER(${sd})*ISNUMBER(${pd})`;
  const paidMoney = paidAmount === null ? null : t(paidAmount);
  // Distinct numbers on the counted lines, as the engine counts them (costOfBusiness.ts): UPPER(TRIM()) is its key,
  // and the portfolio pairs each number with its contract so that it counts what its contracts count. No line with a
  // number is 0 before FILTER is asked (it has nothing to return); no IFERROR, so an Excel without UNIQUE and FILTER
  // (before 2021) shows #NAME? rather than a count of 0.
  const distinctAuthorizations = (auth: string) => {
    const number = `UPPER(TRIM(${auth}))`;
    const numbers = contract === null ? `${t(key)}&"|"&${number}` : number;
    const counted = `${isKey}*${oneOf(flagsWhere("counted"))}*(LEN(${number})>0)`;
    return `IF(SUMPRODUCT(${counted})=0,0,ROWS(UNIQUE(FILTER(${numbers},${counted}))))`;
  };
  // Weekdays from the epoch to each submission, then the day of the Nth weekday after it (see the module comment).
  const n = input.windowDays;
  const weekdays = `(5*INT(${sd}/7)+MOD(${sd},7)-1+(MOD(${sd},7)=0))`;
  const workingDeadline = `(7*INT((${weekdays}+${n}-1)/5)+MOD(${weekdays}+${n}-1,5)+2)`;
  const working = `(${input.dayKind}=${quoted("working days")})`;
  const late = `(${working}*(${pd}-${workingDeadline})+(1-${working})*(${pd}-${sd}-${n}))`;
  const pct = (cell: string) => `IF(ISNUMBER(${cell}),ROUND(${cell}*100,1)&"%","n/a")`;
  const days = (cell: string) => `IF(ISNUMBER(${cell}),ROUND(${cell},1)&"","n/a")`;
  const measureCell = {
    underpayment: "underpaymentRate",
    denials: "denialRate",
    daysToPay: "medianDays",
    burden: "burdenRate",
  } as const satisfies Record<ScoreMeasure, ScoreKey>;
  const parts = score.span(`part.${SCORE_MEASURES[0]!}`, `part.${SCORE_MEASURES[SCORE_MEASURES.length - 1]!}`, r, r);
  const ranked = contract !== null;
  const partCells = Object.fromEntries(
    SCORE_MEASURES.map((m) => [
      `part.${m}`,
      ranked ? `=IFERROR(${input[`weight.${m}`]}*${at(measureCell[m])}/${whole(measureCell[m])},0)` : null,
    ]),
  ) as Record<`part.${ScoreMeasure}`, PlanCell>;
  const words = SCORE_MEASURES.map((m) => quoted(SCORE_MEASURE_WORDS[m])).join(",");
  const scores = score.range("score", firstRow, portfolioRow - 1, "absolute");
  const renewal = (term: string, notice: string, asOf: string) =>
    `=IF(ISNUMBER(${notice}),IF(${notice}<${asOf},"notice date "&TEXT(${notice},"yyyy-mm-dd")&" passed",` +
    `"notice by "&TEXT(${notice},"yyyy-mm-dd")&" (in "&(${notice}-${asOf})&" days)"),` +
    `IF(ISNUMBER(${term}),IF(${term}<${asOf},"term ended "&TEXT(${term},"yyyy-mm-dd"),` +
    `"term ends "&TEXT(${term},"yyyy-mm-dd")&" (in "&(${term}-${asOf})&" days)"),"no term end date in PayerContracts"))`;
  return score.row<PlanCell>({
    contract: contract?.key ?? PORTFOLIO_ROW_NAME,
    rank: ranked ? `=COUNTIF(${scores},">"&${at("score")})+1` : null,
    lines: `=${countFlags(flagsWhere("counted"))}`,
    deniedLines: `=${countFlags(flagsWhere("denied"))}`,
    denialRate: `=IF(${at("lines")}=0,"",${at("deniedLines")}/${at("lines")})`,
    expected: `=SUMIFS(${t(REVIEW_COLUMNS.expected.name)},${t(key)},${criterion},${variance},"<>")`,
    allowed: `=${at("expected")}+SUMIFS(${variance},${t(key)},${criterion})`,
    underpaymentRate: `=IF(${at("expected")}=0,"",-SUMIFS(${variance},${t(key)},${criterion},${variance},"<0")/${at("expected")})`,
    paid:
      paidMoney === null
        ? "n/a"
        : `=${flagsWhere("counted")
            .map((f) => `SUMIFS(${paidMoney},${t(key)},${criterion},${flag},${quoted(f)})`)
            .join("+")}`,
    medianDays: `=IFERROR(MEDIAN(IF(${paidLine},${pd}-${sd},"")),"")`,
    rework: `=${at("deniedLines")}*${input.reworkCostPerDenial}`,
    appeal: `=${at("deniedLines")}*${input.shareOfDenialsAppealed}*${input.appealCostPerAppeal}`,
    priorAuthorizations: priorAuthorization === null ? "n/a" : `=${distinctAuthorizations(t(priorAuthorization))}`,
    priorAuthorizationCost:
      priorAuthorization === null ? 0 : `=${at("priorAuthorizations")}*${input.costPerPriorAuthorization}`,
    carrying:
      paidMoney === null
        ? 0
        : `=SUM(IFERROR(${paidLine}*${paidMoney}*(${pd}-${sd}),0))*${input.costOfCapitalPerYear}/365`,
    burden: `=${at("rework")}+${at("appeal")}+${at("priorAuthorizationCost")}+${at("carrying")}`,
    burdenRate: `=IF(${at("allowed")}=0,"",${at("burden")}/${at("allowed")})`,
    netEffective: `=${at("allowed")}-${at("burden")}`,
    netEffectiveRate: `=IF(${at("allowed")}=0,"",${at("netEffective")}/${at("allowed")})`,
    percentOfMedicare:
      medicareAmount === null
        ? "n/a"
        : `=IFERROR(${at("netEffective")}/SUMIFS(${t(medicareAmount)},${t(key)},${criterion},${variance},"<>"),"n/a")`,
    lateLines: paidMoney === null ? "n/a" : `=SUM(IFERROR(${paidLine}*ISNUMBER(${paidMoney})*(${late}>0),0))`,
    interest:
      paidMoney === null
        ? "n/a"
        : `=SUM(IFERROR(${paidLine}*${paidMoney}*IF(${late}>0,${late},0),0))*${input.interestPerYear}/365`,
    ...partCells,
    score: ranked ? `=SUM(${parts})` : null,
    reason: ranked
      ? `=IF(${at("score")}=0,"no measure above 0","mostly "&CHOOSE(MATCH(MAX(${parts}),${parts},0),${words}))` +
        `&": underpaid "&${pct(at("underpaymentRate"))}&" (portfolio "&${pct(whole("underpaymentRate"))}&")` +
        `; denials "&${pct(at("denialRate"))}&" (portfolio "&${pct(whole("denialRate"))}&")` +
        `; pays in "&${days(at("medianDays"))}&" days (portfolio "&${days(whole("medianDays"))}&")` +
        `; burden "&${pct(at("burdenRate"))}&" of allowed (portfolio "&${pct(whole("burdenRate"))}&")"`
      : null,
    termEnd: contract?.termEndDay ?? null,
    notice: contract?.noticeDay ?? null,
    renewal: ranked ? renewal(at("termEnd"), at("notice"), input.asOf) : null,
  });
}

/** The prompt-pay rules as the README's table states them, from {@link PROMPT_PAY_RULES} (a test holds the README to it). */
export function promptPayRulesMarkdown(): string {
  const rows = PROMPT_PAY_STATES.map((code) => {
    const rule = PROMPT_PAY_RULES[code];
    return `| ${code} | ${rule.label} | ${rule.days} ${DAY_KIND_WORDS[rule.dayKind]} | ${Math.round(rule.annualRate * 1000) / 10}% | ${rule.statedAs} |`;
  });
  return [
    "| Rule | Applies to | Window | Interest per year | As the rule states it |",
    "|---|---|---|---|---|",
    ...rows,
  ].join("\n");
}
