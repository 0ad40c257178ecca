import type { Mapping, MappingPreview } from '../../../shared/api';
import { formatCount } from '../charts/format';
import { ACTOR_WORD_KINDS, ACTOR_WORD_LABELS, parseWords, unknownActorWord, withActorWords } from './mapping-labels';

/** The canonical columns the preview shows, in reading order; the rest are derived or rarely set. */
const PREVIEW_COLUMNS: readonly { key: string; label: string; numeric?: boolean }[] = [
  { key: 'line', label: 'Line', numeric: true },
  { key: 'case_id', label: 'Case ID' },
  { key: 'reported_date', label: 'Reported' },
  { key: 'incident_date', label: 'Incident' },
  { key: 'records_affected', label: 'Records', numeric: true },
  { key: 'actor', label: 'Actor' },
  { key: 'breach_types', label: 'Breach type' },
  { key: 'locations', label: 'Location' },
  { key: 'entity', label: 'Organisation' },
  { key: 'entity_type', label: 'Sector' },
  { key: 'state', label: 'State' },
  { key: 'description', label: 'Description' },
];

type Cell = MappingPreview['rows'][number][string];

function cellText(value: Cell | undefined): string {
  if (value === null || value === undefined) return '–';
  if (Array.isArray(value)) return value.length ? value.join('; ') : '–';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return formatCount(value);
  return value;
}

/** The first rows as they would land in `breaches`; rows with a value that does not fit are marked. */
export function MappingPreviewRows({ preview, mapping }: { preview: MappingPreview; mapping: Mapping }) {
  const flagged = new Set(preview.rejects.map((r) => r.line));
  const flag = mapping.invalidValues === 'reject_row' ? 'left out' : 'value emptied';
  return (
    <div className="table-scroll preview-rows" tabIndex={0} role="region" aria-label="First rows, mapped">
      <table className="data-table" data-testid="mapping-preview">
        <caption className="sr-only">The first rows of the file as they would be imported</caption>
        <thead>
          <tr>
            {PREVIEW_COLUMNS.map((c) => (
              <th scope="col" key={c.key} className={c.numeric ? 'num' : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((row, i) => (
            <tr key={String(row.line ?? i)} className={flagged.has(Number(row.line)) ? 'row-rejected' : undefined}>
              {PREVIEW_COLUMNS.map((c) => (
                <td key={c.key} className={c.numeric ? 'num' : c.key === 'description' ? 'clip' : undefined} title={c.key === 'description' ? cellText(row[c.key]) : undefined}>
                  {c.key === 'line' ? (
                    <>
                      {flagged.has(Number(row.line)) && <span className="row-flag">{flag}</span>}
                      {String(row.line ?? '–')}
                    </>
                  ) : (
                    cellText(row[c.key])
                  )}
                </td>
              ))}
            </tr>
          ))}
          {preview.rows.length === 0 && (
            <tr>
              <td colSpan={PREVIEW_COLUMNS.length} className="muted">
                No row of the first {formatCount(preview.rowsSampled)} would be imported as mapped.
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

/**
 * What the preview would reject, counted by reason, with the first few values; an unknown actor word
 * can be added to the mapping's words with one click, which is the commonest fix.
 */
export function PreviewRejects({ preview, mapping, onChange }: { preview: MappingPreview; mapping: Mapping; onChange: (m: Mapping) => void }) {
  const rejects = preview.rejects;
  if (rejects.length === 0) {
    return (
      <p className="rejects-summary ok" data-testid="preview-rejects">
        No value in the first {formatCount(preview.rowsSampled)} rows is rejected.
      </p>
    );
  }
  const lines = new Set(rejects.map((r) => r.line)).size;
  const groups = new Map<string, { column: string | null; reason: string; count: number; values: string[] }>();
  for (const r of rejects) {
    const key = `${r.column ?? ''}\u0000${unknownActorWord(r.reason, r.value) ? 'unknown actor word' : r.reason}`;
    const group = groups.get(key) ?? { column: r.column, reason: unknownActorWord(r.reason, r.value) ? 'unknown actor word' : r.reason, count: 0, values: [] };
    group.count += 1;
    if (r.value !== null && !group.values.includes(r.value) && group.values.length < 6) group.values.push(r.value);
    groups.set(key, group);
  }
  const unknownWords = [...new Set(rejects.map((r) => unknownActorWord(r.reason, r.value)).filter((w): w is string => w !== null))].slice(0, 8);
  const addWord = (kind: (typeof ACTOR_WORD_KINDS)[number], word: string) =>
    onChange(withActorWords(mapping, kind, parseWords([...(mapping.actorWords[kind] ?? []), word].join(','))));
  const fate = mapping.invalidValues === 'reject_row' ? 'would be left out' : 'would load with those values empty';

  return (
    <div className="rejects-summary" data-testid="preview-rejects" role="region" aria-label="Values that do not fit">
      <p>
        <strong>
          {formatCount(lines)} of the first {formatCount(preview.rowsSampled)} rows
        </strong>{' '}
        have values that do not fit and {fate}
        {rejects.length >= 200 ? ' (the first 200 problems are counted here)' : ''}:
      </p>
      <ul className="reject-groups">
        {[...groups.values()].map((g) => (
          <li key={`${g.column}-${g.reason}`}>
            <span className="reject-count">{formatCount(g.count)}</span> {g.column ? <span className="mono">{g.column}</span> : 'row'}: {g.reason}
            {g.values.length > 0 && <span className="muted"> — e.g. {g.values.map((v) => `“${v}”`).join(', ')}</span>}
          </li>
        ))}
      </ul>
      {unknownWords.length > 0 && (
        <div className="word-fixes">
          <p className="field-hint">Count these actor words as:</p>
          {unknownWords.map((word) => (
            <div className="word-fix" key={word}>
              <span className="mono">“{word}”</span>
              {ACTOR_WORD_KINDS.map((kind) => (
                <button key={kind} type="button" className="tool" onClick={() => addWord(kind, word)} aria-label={`Count “${word}” as ${ACTOR_WORD_LABELS[kind]}`}>
                  {ACTOR_WORD_LABELS[kind]}
                </button>
              ))}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
