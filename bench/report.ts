import { writeFileSync } from 'node:fs';
import type { FigureResult } from './context';
import type { MachineInfo } from './machine';
import { gib } from './memory';
import { RESULTS_FILE } from './paths';

export interface BenchResults {
  machine: MachineInfo;
  loadAverageAtEnd: number;
  durationSeconds: number;
  figures: FigureResult[];
}

function metCell(figure: FigureResult): string {
  if (figure.met === true) return 'yes';
  if (figure.met === false) return 'NO';
  return figure.skipped ? 'skipped' : '-';
}

/** The table printed at the end of a run: figure, value, target, met. */
export function textTable(figures: FigureResult[]): string {
  const rows = [['figure', 'value', 'target', 'met'], ...figures.map((f) => [f.figure, f.value, f.target, metCell(f)])];
  const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: string[]) => r.map((cell, c) => cell.padEnd(widths[c]!)).join('  ');
  const out = [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)];
  for (const f of figures) if (f.skipped) out.push(`  ${f.figure}: ${f.skipped}`);
  return out.join('\n');
}

/** The same table in Markdown, with the machine, for bench/README.md. */
export function markdownTable(results: BenchResults): string {
  const m = results.machine;
  const lines = [
    `Run ${m.date.slice(0, 10)} on ${m.cores} cores (${m.cpuModel}), ${gib(m.memoryBytes)} RAM, ${m.platform}; ` +
      `Node ${m.node}, DuckDB ${m.duckdb} (@duckdb/node-api ${m.duckdbNodeApi}), duckdb-wasm ${m.duckdbWasm}` +
      `${m.commit ? `, commit ${m.commit}` : ''}; whole run ${Math.round(results.durationSeconds)} s, ` +
      `load average ${m.loadAverageAtStart.toFixed(1)} at the start and ${results.loadAverageAtEnd.toFixed(1)} at the end.`,
    '',
    '| figure | value | target | met |',
    '|---|---|---|---|',
    ...results.figures.map((f) => `| ${f.figure} | ${f.value} | ${f.target} | ${metCell(f)} |`),
  ];
  for (const f of results.figures) if (f.skipped) lines.push('', `${f.figure}: ${f.skipped}`);
  return lines.join('\n');
}

export function writeResults(results: BenchResults): void {
  writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
}
