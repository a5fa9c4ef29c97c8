import type { ComponentType } from "react";
import { lazyPanel } from "./lazyPanel";
import { WorkbookPanel } from "./workbook/WorkbookPanel";

/** One panel of the task pane: a tab with a label in the user's words and the component it shows. */
export interface TaskPanePanel {
  /** Stable id, used for the tab value and tests (`workbook`). */
  readonly id: string;
  readonly label: string;
  readonly Component: ComponentType;
  /** Fetches the panel's code ahead of its first opening, for a panel that is a chunk of its own. */
  readonly load?: () => Promise<ComponentType>;
}

/**
 * The task pane's panels, in tab order. A feature adds its panel here and nowhere else; the pane derives its tabs
 * from this list. Every panel but the first is a chunk of its own, fetched when its tab first opens (issue 20: the
 * add-in page under 300 KB gzipped).
 */
export const TASK_PANE_PANELS: readonly TaskPanePanel[] = [
  { id: "workbook", label: "Workbook", Component: WorkbookPanel },
  {
    id: "fee-schedule",
    label: "Fee schedule",
    ...lazyPanel(() => import("./payerSchedule/PayerSchedulePanel").then((m) => m.PayerSchedulePanel)),
  },
  {
    id: "medicare",
    label: "Medicare schedule",
    ...lazyPanel(() => import("./medicare/MedicareSchedulePanel").then((m) => m.MedicareSchedulePanel)),
  },
  {
    id: "hospital",
    label: "Hospital schedules",
    ...lazyPanel(() => import("./hospital/HospitalSchedulesPanel").then((m) => m.HospitalSchedulesPanel)),
  },
  {
    id: "contracts",
    label: "Contracts",
    ...lazyPanel(() => import("./contracts/ContractsPanel").then((m) => m.ContractsPanel)),
  },
  {
    id: "remittances",
    label: "Remittances",
    ...lazyPanel(() => import("./remittances/RemittancesPanel").then((m) => m.RemittancesPanel)),
  },
  {
    id: "uplift",
    label: "Uplift model",
    ...lazyPanel(() => import("./uplift/UpliftModelPanel").then((m) => m.UpliftModelPanel)),
  },
  {
    id: "benchmarks",
    label: "Benchmarks",
    ...lazyPanel(() => import("./benchmarks/BenchmarksPanel").then((m) => m.BenchmarksPanel)),
  },
  {
    id: "variance",
    label: "Variance review",
    ...lazyPanel(() => import("./variance/VarianceReviewPanel").then((m) => m.VarianceReviewPanel)),
  },
  {
    id: "performance",
    label: "Performance",
    ...lazyPanel(() => import("./performance/PerformancePanel").then((m) => m.PerformancePanel)),
  },
  {
    id: "negotiation",
    label: "Negotiation",
    ...lazyPanel(() => import("./negotiation/NegotiationPanel").then((m) => m.NegotiationPanel)),
  },
  { id: "sharing", label: "Sharing", ...lazyPanel(() => import("./sharing/SharingPanel").then((m) => m.SharingPanel)) },
];
