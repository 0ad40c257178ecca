import { resolve } from 'node:path';
import { normaliseTlp, PAGE_SIZES, REPORT_FORMATS, type PageSize, type Report, type ReportFormat } from '../../shared/report';
import type { Workbench } from '../engine/workbench';

export interface ReportCommandOptions {
  format?: string | undefined;
  out?: string | undefined;
  name?: string | undefined;
  pageSize?: string | undefined;
  tlp?: string | undefined;
  author?: string | undefined;
  title?: string | undefined;
}

export const REPORT_USAGE = `  breach-workbench report --format html|pdf|pptx --out FILE [--name NAME] [--page-size A4|Letter]
                          [--tlp CLEAR|GREEN|AMBER|AMBER+STRICT|RED] [--author TEXT] [--title TEXT] [--workspace DIR]
      The default report (every dashboard chart over the whole workspace), or the saved report NAME.
      PDF needs Chromium (CHROMIUM_PATH, or /usr/bin/chromium).`;

/** `breach-workbench report`: the same export the app's Reports view makes, written to a file. */
export async function reportCommand(engine: Workbench, options: ReportCommandOptions, err: (text: string) => void): Promise<number> {
  const format = options.format as ReportFormat | undefined;
  if (!format || !(REPORT_FORMATS as readonly string[]).includes(format)) {
    err(`report needs --format ${REPORT_FORMATS.join('|')}${options.format ? `, not "${options.format}"` : ''}.\n`);
    return 2;
  }
  if (!options.out) {
    err('report needs --out FILE.\n');
    return 2;
  }
  const pageSize = (options.pageSize ?? 'A4') as PageSize;
  if (!(PAGE_SIZES as readonly string[]).includes(pageSize)) {
    err(`--page-size must be ${PAGE_SIZES.join(' or ')}, not "${options.pageSize}".\n`);
    return 2;
  }
  const tlp = options.tlp === undefined ? undefined : normaliseTlp(options.tlp);
  if (options.tlp !== undefined && !tlp && options.tlp.toLowerCase() !== 'none') {
    err(`--tlp must be CLEAR, GREEN, AMBER, AMBER+STRICT, RED or none, not "${options.tlp}".\n`);
    return 2;
  }
  try {
    let report: Report = options.name ? await engine.getReport({ name: options.name }) : await engine.defaultReport({});
    if (options.tlp !== undefined) report = { ...report, tlp: tlp ?? null };
    if (options.author !== undefined) report = { ...report, author: options.author };
    if (options.title !== undefined) report = { ...report, title: options.title };
    const out = resolve(options.out);
    const file = await engine.exports.writeReport(report, format, pageSize, out);
    err(`Wrote ${out} (${format.toUpperCase()}, ${report.items.length} chart${report.items.length === 1 ? '' : 's'}, ${file.bytes.byteLength.toLocaleString('en-US')} bytes${report.tlp ? `, ${report.tlp}` : ''}).\n`);
    return 0;
  } catch (error) {
    err(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
