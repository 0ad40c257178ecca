import { tableFromIPC } from 'apache-arrow';
import { tableToPlainRows, type PlainValue } from '../../../shared/arrow-values';

/** Chart results are small (one row per year or category): plain rows are the easy shape for ECharts. */
export function arrowRows(bytes: Uint8Array): Record<string, PlainValue>[] {
  return tableToPlainRows(tableFromIPC(bytes));
}
