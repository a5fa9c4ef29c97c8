/**
 * A native chart of the workbook drawn with Chart.js (the playground page only; the add-in's bundles never import
 * it): Excel's chart types, Office theme colours, the legend where the add-in put it, the value axis in the source's
 * number format.
 */
import Chart from "chart.js/auto";
import type { ChartConfiguration } from "chart.js";
import { useEffect, useRef } from "react";
import type { ChartModel } from "./chartModel";
import { formatValue, type SimulatedChartType } from "./simulator";

/** Office's default theme accents, the colours Excel gives series in order. */
const OFFICE_ACCENTS = ["#4472C4", "#ED7D31", "#A5A5A5", "#FFC000", "#5B9BD5", "#70AD47"];

/** How each Excel chart type is drawn in Chart.js. Excel lists a bar chart's first category at the bottom. */
const CHART_TYPES = {
  ColumnClustered: { type: "bar", horizontal: false, showLine: true },
  BarClustered: { type: "bar", horizontal: true, showLine: true },
  Line: { type: "line", horizontal: false, showLine: true },
  Pie: { type: "pie", horizontal: false, showLine: true },
  XYScatter: { type: "line", horizontal: false, showLine: false },
} as const satisfies Record<
  SimulatedChartType,
  { type: "bar" | "line" | "pie"; horizontal: boolean; showLine: boolean }
>;

const LEGEND_POSITIONS = {
  Top: "top",
  Bottom: "bottom",
  Left: "left",
  Right: "right",
  Corner: "right",
} as const satisfies Record<string, "top" | "bottom" | "left" | "right">;

function configuration(model: ChartModel): ChartConfiguration | null {
  if (!Object.hasOwn(CHART_TYPES, model.type)) return null;
  const kind = CHART_TYPES[model.type as SimulatedChartType];
  const pie = kind.type === "pie";
  const legend = model.legendPosition !== null && Object.hasOwn(LEGEND_POSITIONS, model.legendPosition);
  const valueAxis = {
    ticks: { callback: (value: string | number) => formatValue(Number(value), model.numberFormat) },
  };
  return {
    type: kind.type,
    data: {
      labels: [...model.categories],
      datasets: model.series.map((series, i) => {
        const colour = OFFICE_ACCENTS[i % OFFICE_ACCENTS.length]!;
        return {
          label: series.name,
          data: [...series.values],
          backgroundColor: pie ? model.categories.map((_, c) => OFFICE_ACCENTS[c % OFFICE_ACCENTS.length]!) : colour,
          borderColor: colour,
          showLine: kind.showLine,
          spanGaps: false, // #N/A leaves a gap in a line, as in Excel
        };
      }),
    },
    options: {
      animation: false,
      responsive: false,
      maintainAspectRatio: false,
      indexAxis: kind.horizontal ? "y" : "x",
      scales: pie ? {} : kind.horizontal ? { x: valueAxis, y: { reverse: true } } : { y: valueAxis },
      plugins: {
        title: { display: model.title !== null, text: model.title ?? "" },
        legend: legend
          ? { position: LEGEND_POSITIONS[model.legendPosition as keyof typeof LEGEND_POSITIONS] }
          : { display: false },
      },
    },
  } as ChartConfiguration;
}

/** One chart in a box of the given size (CSS pixels), redrawn when its model changes. */
export function ChartView({ model, width, height }: { model: ChartModel; width: number; height: number }) {
  const canvas = useRef<HTMLCanvasElement | null>(null);
  const config = configuration(model);
  useEffect(() => {
    const element = canvas.current;
    if (element === null || config === null) return;
    const chart = new Chart(element, config);
    return () => chart.destroy();
  }, [model, width, height]);
  if (config === null) {
    return (
      <div className="chart-unsupported">{`${model.title ?? "Chart"}: a ${model.type} chart (not drawn here)`}</div>
    );
  }
  return <canvas ref={canvas} width={width} height={height} role="img" aria-label={model.title ?? "Chart"} />;
}
