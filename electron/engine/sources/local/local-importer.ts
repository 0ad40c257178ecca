import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { ImportReport, Mapping } from '../../../../shared/api';
import { WorkbenchError } from '../../../../shared/errors';
import type { Database } from '../../db/database';
import type { Importer, ImportProgress } from '../../imports/importer';
import { sha256OfFile } from './file-hash';
import { detectLocalFormat } from './file-format';
import { importWithMapping } from './import-with-mapping';

/**
 * The generic reader for an organisation's own incident log (CSV/TSV, JSON, JSON Lines, Parquet,
 * XLSX). It is asked last: OCR exports, OAIC tables, VERIS and STIX files are claimed before it.
 */
export const localFileImporter: Importer = {
  kind: 'local',
  sniff: ({ name, head, isDirectory }) => !isDirectory && detectLocalFormat(name, head) !== null,
  import: (context) => importWithMapping(context),
};

/** The wizard's import: one file with the mapping the user reviewed (the facade's startMappedImport). */
export async function importLocalFile(
  db: Database,
  rawPath: string,
  mapping: Mapping,
  options: { signal: AbortSignal; progress(update: ImportProgress): void },
): Promise<ImportReport> {
  const path = resolve(rawPath);
  const fileName = basename(path);
  const info = await stat(path).catch(() => {
    throw new WorkbenchError({ code: 'not_found', message: `${fileName}: no such file (${path})`, file: fileName });
  });
  if (!info.isFile()) throw new WorkbenchError({ code: 'invalid_request', message: `${fileName} is a folder; a mapping applies to one file.`, file: fileName });
  if (info.size === 0) throw new WorkbenchError({ code: 'bad_input', message: `${fileName} is empty: there is nothing to import.`, file: fileName });
  const sha256 = await sha256OfFile(path);
  return importWithMapping(
    { db, path, fileName, fileId: sha256.slice(0, 16), sha256, bytes: info.size, signal: options.signal, progress: options.progress },
    mapping,
  );
}
