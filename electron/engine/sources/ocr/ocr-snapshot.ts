import { WorkbenchError } from '../../../../shared/errors';

/** The portal's two lists: closed cases (with a Web Description) and cases under investigation. */
export const OCR_LISTS = ['archive', 'investigation'] as const;
export type OcrList = (typeof OCR_LISTS)[number];

/** What the user may correct after (or while) importing a file. */
export interface OcrSnapshotOverrides {
  list?: OcrList;
  /** ISO date, YYYY-MM-DD. */
  snapshotDate?: string;
}

export interface OcrSnapshot {
  list: OcrList;
  listBasis: string;
  snapshotDate: string;
  snapshotBasis: string;
  /** True unless the user set the date: the portal never states when an export was taken. */
  snapshotEstimated: boolean;
  notes: string[];
}

export interface SnapshotEvidence {
  fileName: string;
  /** Rows whose Web Description holds text (not blank, not `\N`). */
  describedRows: number;
  /** Latest Breach Submission Date in the file (ISO), or null when no row has one. */
  latestSubmission: string | null;
}

/** The list a file name suggests: the portal saves `breach_report.csv` and `breach_report_archive.csv`. */
export function listFromFileName(name: string): OcrList | null {
  if (/archive/i.test(name)) return 'archive';
  if (/investigation|under[ _-]?inv/i.test(name)) return 'investigation';
  return null;
}

/** A date written in a file name (2024-10-08, 2024_10_08 or 20241008), when it is a real date. */
export function dateFromFileName(name: string): string | null {
  const match = /(20\d{2})[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)/.exec(name);
  if (!match) return null;
  const iso = `${match[1]}-${match[2]}-${match[3]}`;
  return isIsoDate(iso) ? iso : null;
}

export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/**
 * Which list a file is and when it was taken. The list: an archive has Web Descriptions and the
 * under-investigation list never does, so text there settles it; without any, the file name may say
 * "archive", else it is the investigation list. The date: the portal adds reports almost daily, so an
 * investigation list is dated by its latest Breach Submission Date; an archive's latest date can be
 * months old (cases close slowly), so a date in its file name is preferred when it is not earlier. The
 * user's overrides win over both.
 */
export function decideSnapshot(evidence: SnapshotEvidence, overrides: OcrSnapshotOverrides = {}): OcrSnapshot {
  const notes: string[] = [];
  const named = listFromFileName(evidence.fileName);
  let list: OcrList;
  let listBasis: string;
  if (overrides.list) {
    list = overrides.list;
    listBasis = 'set by user';
  } else if (evidence.describedRows > 0) {
    list = 'archive';
    listBasis = `Web Description filled in ${evidence.describedRows.toLocaleString('en-US')} rows`;
  } else if (named === 'archive') {
    list = 'archive';
    listBasis = 'file name (no row has a Web Description)';
  } else {
    list = 'investigation';
    listBasis = named === 'investigation' ? 'no Web Description values; file name agrees' : 'no Web Description values';
  }
  if (!overrides.list && named && named !== list) notes.push(`The file name suggests the ${named} list, but the content says ${list}; content wins (you can correct it).`);

  const fromName = dateFromFileName(evidence.fileName);
  const latest = evidence.latestSubmission;
  let snapshotDate: string;
  let snapshotBasis: string;
  if (overrides.snapshotDate) {
    if (!isIsoDate(overrides.snapshotDate)) {
      throw new WorkbenchError({ code: 'invalid_request', message: `Snapshot date "${overrides.snapshotDate}" is not a date (expected YYYY-MM-DD).`, file: evidence.fileName });
    }
    if (latest && overrides.snapshotDate < latest) {
      throw new WorkbenchError({
        code: 'invalid_request',
        message: `${evidence.fileName}: snapshot date ${overrides.snapshotDate} is before the latest Breach Submission Date in the file (${latest}); an export cannot predate its rows.`,
        file: evidence.fileName,
      });
    }
    snapshotDate = overrides.snapshotDate;
    snapshotBasis = 'set by user';
  } else if (list === 'archive' && fromName && (!latest || fromName >= latest)) {
    snapshotDate = fromName;
    snapshotBasis = 'date in the file name (estimate)';
  } else if (latest) {
    snapshotDate = latest;
    snapshotBasis =
      list === 'archive'
        ? 'latest Breach Submission Date (estimate; the archive may be newer)'
        : 'latest Breach Submission Date (estimate)';
    if (fromName && fromName !== latest) notes.push(`The file name carries ${fromName}; the snapshot date is the latest Breach Submission Date, ${latest} (you can correct it).`);
  } else {
    throw new WorkbenchError({ code: 'bad_input', message: `${evidence.fileName}: no row has a Breach Submission Date, so the snapshot cannot be dated. Set the snapshot date and import again.`, file: evidence.fileName });
  }
  return { list, listBasis, snapshotDate, snapshotBasis, snapshotEstimated: !overrides.snapshotDate, notes };
}
