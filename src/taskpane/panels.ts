import type { ComponentType } from "react";
import { PayerSchedulePanel } from "./payerSchedule/PayerSchedulePanel";
import { ContractsPanel } from "./contracts/ContractsPanel";
import { MedicareSchedulePanel } from "./medicare/MedicareSchedulePanel";
import { HospitalSchedulesPanel } from "./hospital/HospitalSchedulesPanel";
import { RemittancesPanel } from "./remittances/RemittancesPanel";
import { UpliftModelPanel } from "./uplift/UpliftModelPanel";
import { BenchmarksPanel } from "./benchmarks/BenchmarksPanel";
import { VarianceReviewPanel } from "./variance/VarianceReviewPanel";
import { PerformancePanel } from "./performance/PerformancePanel";
import { NegotiationPanel } from "./negotiation/NegotiationPanel";
import { SharingPanel } from "./sharing/SharingPanel";
import { WorkbookPanel } from "./workbook/WorkbookPanel";

/** One panel of the task pane: a tab with a label in the user's words and the component it shows. */
export interface TaskPanePanel {
  /** Stable id, used for the tab value and tests (`workbook`). */
  readonly id: string;
  readonly label: string;
  readonly Component: ComponentType;
}

/**
 * The task pane's panels, in tab order. A feature adds its panel here and nowhere else; the pane derives its tabs
 * from this list.
 */
export const TASK_PANE_PANELS: readonly TaskPanePanel[] = [
  { id: "workbook", label: "Workbook", Component: WorkbookPanel },
  { id: "fee-schedule", label: "Fee schedule", Component: PayerSchedulePanel },
  { id: "medicare", label: "Medicare schedule", Component: MedicareSchedulePanel },
  { id: "hospital", label: "Hospital schedules", Component: HospitalSchedulesPanel },
  { id: "contracts", label: "Contracts", Component: ContractsPanel },
  { id: "remittances", label: "Remittances", Component: RemittancesPanel },
  { id: "uplift", label: "Uplift model", Component: UpliftModelPanel },
  { id: "benchmarks", label: "Benchmarks", Component: BenchmarksPanel },
  { id: "variance", label: "Variance review", Component: VarianceReviewPanel },
  { id: "performance", label: "Performance", Component: PerformancePanel },
  { id: "negotiation", label: "Negotiation", Component: NegotiationPanel },
  { id: "sharing", label: "Sharing", Component: SharingPanel },
];
