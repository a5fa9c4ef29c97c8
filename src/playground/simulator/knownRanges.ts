/**
 * HyperFormula, entering a formula, links every cell of each range the formula reads to that range's vertex, even when
 * the vertex exists and holds those links already (adding a link it has is a no-op, found by a scan): O(rows) per
 * formula per range, 5 of the 5.2 s a review Summary of 1,500 SUMIFS over a 10,000-line table took once its criteria
 * were indexed (groupedCriteria.ts), and ten times that at 100,000 lines. Here a formula reading a range whose vertex
 * exists is linked to the vertex alone; a new range goes through HyperFormula's own code, which links its cells.
 */
import type { HyperFormula } from "hyperformula";

// HyperFormula's dependency graph is internal; these are the members the shortcut touches.
interface Vertex {
  readonly idInGraph?: number;
}
interface Dependency {
  readonly start?: unknown;
  readonly end?: unknown;
  isFinite?(): boolean;
}
interface DependencyGraph {
  readonly graph: { addEdge(from: Vertex, to: Vertex): void };
  getRange(start: unknown, end: unknown): Vertex | undefined;
  processCellDependencies(dependencies: readonly Dependency[], endVertex: Vertex): void;
}

/** Makes `hf` link a formula to the vertices of ranges it already knows without relinking their cells. */
export function linkKnownRangesOnce(hf: HyperFormula): void {
  const dependencyGraph = (hf as unknown as { dependencyGraph: DependencyGraph }).dependencyGraph;
  const process = dependencyGraph.processCellDependencies.bind(dependencyGraph);
  dependencyGraph.processCellDependencies = (dependencies, endVertex) => {
    const others: Dependency[] = [];
    for (const dependency of dependencies) {
      // Only whole finite ranges: an infinite one (A:A) is also tracked as it grows, so it keeps HyperFormula's path.
      const known =
        dependency.isFinite?.() === true ? dependencyGraph.getRange(dependency.start, dependency.end) : undefined;
      if (known === undefined) others.push(dependency);
      else dependencyGraph.graph.addEdge(known, endVertex);
    }
    process(others, endVertex);
  };
}
