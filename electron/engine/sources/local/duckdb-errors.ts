import { relative } from 'node:path';
import { WorkbenchError } from '../../../../shared/errors';

/**
 * DuckDB's reader errors are long (dialect dumps, hints for SQL users). A person needs the file, the
 * line and the first sentence; the rest only hides it. When one file of a folder is at fault, DuckDB
 * names it, and so does the error (relative to the folder the user chose).
 */
export function readerError(error: unknown, fileName: string, path: string, what: string): WorkbenchError {
  if (error instanceof WorkbenchError) return error;
  const raw = error instanceof Error ? error.message : String(error);
  const named = /in file "([^"]+)"/.exec(raw)?.[1];
  const culprit = named && named !== path ? relative(path, named) || fileName : fileName;
  const text = raw
    .replace(/^[A-Za-z ]*Error: /, '')
    .replace(/ in file "[^"]+"/g, '')
    .replaceAll(path, fileName);
  const line = Number(/CSV Error on Line: (\d+)/.exec(text)?.[1] ?? /\bline (\d+)/i.exec(text)?.[1] ?? NaN);
  const record = culprit === fileName ? /in record\/value (\d+)/.exec(text)?.[1] : undefined;
  const firstSentence =
    text
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !/^CSV Error on Line|^Original Line|^LINE \d+:|^\^/.test(l))[0] ?? text;
  const where = Number.isFinite(line) ? ` line ${line}` : record ? ` record ${record}` : '';
  const subject = culprit === fileName ? fileName : `${fileName}: ${culprit}`;
  return new WorkbenchError({
    code: 'bad_input',
    message: `${subject}${where}: could not be read as ${what}: ${firstSentence.replace(/,? in record\/value \d+/, '').slice(0, 400)}`,
    file: culprit,
    ...(Number.isFinite(line) ? { line } : {}),
  });
}

export function cancelledError(fileName: string): WorkbenchError {
  return new WorkbenchError({ code: 'cancelled', message: `Import of ${fileName} cancelled; the workspace is as it was.`, file: fileName });
}
