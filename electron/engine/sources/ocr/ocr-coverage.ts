import type { Caveat } from '../../../../shared/api';
import type { Database } from '../../db/database';

interface Coverage {
  /** The latest archive's snapshot date. */
  archive: string | null;
  /** Whether a list under investigation of that same date is loaded. */
  paired: boolean;
  /** The latest snapshot date of either list. */
  latest: string | null;
}

/**
 * What the loaded OCR snapshots cannot show, in words a chart's reader needs before quoting a count.
 *
 * The portal has two lists: cases under investigation and the archive of closed ones. An archive and
 * the list under investigation of the same date hold every case reported up to that date. After the
 * latest archive only lists under investigation remain, and a case closed before the next list was
 * saved is in none of them: counts of breaches reported after it are lower bounds. (With the shared
 * exports: the archive of 2024-10-08, lists under investigation to 2026-04-07.)
 */
export async function ocrCoverageCaveat(db: Database): Promise<Caveat | null> {
  const [c] = await db.readRows<Coverage>(
    `WITH a AS (SELECT max(snapshot_date) AS d FROM ocr_files WHERE list = 'archive')
     SELECT strftime(a.d, '%Y-%m-%d') AS archive,
            EXISTS (SELECT 1 FROM ocr_files WHERE list = 'investigation' AND snapshot_date = a.d) AS paired,
            strftime((SELECT max(snapshot_date) FROM ocr_files), '%Y-%m-%d') AS latest
     FROM a`,
  );
  return c ? coverageCaveat(c) : null;
}

export function coverageCaveat({ archive, paired, latest }: Coverage): Caveat | null {
  if (!latest) return null;
  if (!archive) {
    return {
      summary: 'HHS OCR counts are lower bounds (no archive loaded).',
      detail: 'Only lists of cases under investigation are loaded (the portal keeps about the last two years of open cases there); closed cases are in the archive, which is not loaded.',
      after: null,
    };
  }
  const openOnArchiveDay = paired ? '' : ` No list under investigation of ${archive} is loaded either, so a case still open that day is counted only if a later list holds it.`;
  if (latest > archive) {
    return {
      summary: `HHS OCR counts of breaches reported after ${archive} are lower bounds.`,
      detail: `${archive} is the latest archive loaded. The snapshots after it (to ${latest}) hold only cases still under investigation, so a case closed before the next snapshot was saved is missing.${openOnArchiveDay}`,
      after: archive,
    };
  }
  if (paired) return null;
  return {
    summary: `HHS OCR counts of the two years before ${archive} may be lower bounds.`,
    detail: `No list under investigation of ${archive}, the latest archive, is loaded, so cases still open that day are missing.`,
    after: null,
  };
}
