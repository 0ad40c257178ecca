import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { IncidentLog } from './generate-inputs';
import { SCRATCH_DIR } from './paths';

/** What every figure is handed: the generated inputs, a place for scratch files, and a progress line. */
export interface BenchContext {
  log(message: string): void;
  inputs: { log1m: IncidentLog; log10m: IncidentLog };
  /** Workspaces one figure prepares for later ones (set as they become available). */
  workspaces: {
    /** Holds the 10M-row log imported through the app (kept from the import figure). */
    log10m?: string;
    /** Holds the real OCR snapshots only. */
    ocr?: string;
  };
}

/** One row of the table: the figure, its value, the target, and whether it was met. */
export interface FigureResult {
  id: string;
  figure: string;
  value: string;
  target: string;
  /** null when there is no target (measured only) or the figure could not be measured. */
  met: boolean | null;
  /** Why the figure was not measured, when it was not. */
  skipped?: string;
  details: Record<string, unknown>;
}

export function skippedFigure(id: string, figure: string, target: string, reason: string): FigureResult {
  return { id, figure, value: 'not measured', target, met: null, skipped: reason, details: {} };
}

/** A new, empty folder under bench/data/scratch. */
export function scratchDir(name: string): string {
  const dir = join(SCRATCH_DIR, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
