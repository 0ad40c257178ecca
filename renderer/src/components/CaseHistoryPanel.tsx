import { useApi } from '../api/use-api';
import { useQuery } from '../api/use-query';
import { closeCaseHistory } from '../actions/drill';
import { formatCount } from '../charts/format';
import type { CaseRef } from '../state/app-state';
import { useDispatch } from '../state/store';
import { useEffect, useRef } from 'react';

const FIELD_NAMES: Record<string, string> = {
  records_affected: 'People affected',
  entity: 'Entity name',
  reported_date: 'Reported date',
  breach_types: 'Breach type',
  locations: 'Location',
  entity_type: 'Entity type',
  state: 'State',
  business_associate: 'Business associate',
  description: 'Description',
  list: 'Portal list',
};

/** One case's history: every snapshot it appears in (file and line) and every value OCR revised. */
export function CaseHistoryPanel({ caseRef }: { caseRef: CaseRef }) {
  const api = useApi();
  const dispatch = useDispatch();
  const heading = useRef<HTMLHeadingElement>(null);
  const history = useQuery(`${caseRef.source}|${caseRef.caseId}`, () => api.caseHistory(caseRef));
  const h = history.value;
  useEffect(() => heading.current?.focus(), [caseRef]);

  return (
    <aside className="history-panel" aria-labelledby="history-title" data-testid="case-history">
      <header className="history-header">
        <h2 id="history-title" ref={heading} tabIndex={-1}>
          Revision history{h?.entity ? `: ${h.entity}` : ''}
        </h2>
        <button type="button" onClick={() => dispatch(closeCaseHistory, undefined)} aria-label="Close history (Esc)">
          Close
        </button>
      </header>
      {history.loading && <p className="muted">Loading…</p>}
      {history.error && <p className="error">{history.error}</p>}
      {h && (
        <>
          <p className="muted">
            Case <span className="mono">{h.caseId}</span> ({h.source}){h.firstSeen ? `, first seen ${h.firstSeen}` : ''}
            {h.lastSeen ? `, last seen ${h.lastSeen}` : ''}.
          </p>
          {h.note && <p>{h.note}</p>}
          {h.revisions.length > 0 && (
            <>
              <h3>What changed</h3>
              <ol className="revision-list">
                {h.revisions.map((r, i) => (
                  <li key={i}>
                    <strong>{FIELD_NAMES[r.field] ?? r.field}</strong>: <del>{display(r.field, r.oldValue)}</del> → <ins>{display(r.field, r.newValue)}</ins>
                    <div className="muted small">
                      between snapshots {r.fromSnapshot} and {r.toSnapshot}
                      {r.toFile ? ` (${r.toFile})` : ''}
                    </div>
                  </li>
                ))}
              </ol>
            </>
          )}
          {h.revisions.length === 0 && !h.note && <p>OCR has not revised this case in the loaded snapshots.</p>}
          {h.snapshots.length > 0 && (
            <>
              <h3>Snapshots</h3>
              <table className="data-table">
                <caption className="sr-only">Snapshots of this case</caption>
                <thead>
                  <tr>
                    <th scope="col">Snapshot</th>
                    <th scope="col">List</th>
                    <th scope="col" className="num">People</th>
                    <th scope="col">File, line</th>
                  </tr>
                </thead>
                <tbody>
                  {h.snapshots.map((s, i) => (
                    <tr key={i}>
                      <td>{s.snapshotDate}</td>
                      <td>{s.list ?? '–'}</td>
                      <td className="num">{formatCount(s.recordsAffected)}</td>
                      <td className="mono small">
                        {s.file ?? '–'}
                        {s.line !== null ? `:${s.line}` : ''}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </>
      )}
    </aside>
  );
}

function display(field: string, value: string | null): string {
  if (value === null || value === '') return '(empty)';
  if (field === 'records_affected' && /^\d+$/.test(value)) return formatCount(Number(value));
  return value;
}
