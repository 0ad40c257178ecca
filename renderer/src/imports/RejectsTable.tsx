import { useState } from 'react';
import type { RejectsPage } from '../../../shared/api';
import { useApi } from '../api/use-api';
import { useQuery } from '../api/use-query';
import { formatCount } from '../charts/format';

const PAGE = 200;

/** The rejects table of a file's latest import: counts by reason, then every reject with its line. */
export function RejectsTable({ file }: { file: string }) {
  const api = useApi();
  const [pages, setPages] = useState<RejectsPage[]>([]);
  const first = useQuery(`rejects|${file}`, () => api.listRejects({ file, limit: PAGE }));
  const [loadingMore, setLoadingMore] = useState(false);
  const head = first.value;
  if (first.error) return <p className="error">{first.error}</p>;
  if (!head) return <p className="muted">Reading the rejects…</p>;
  const rows = [...head.rows, ...pages.flatMap((p) => p.rows)];
  const more = async () => {
    setLoadingMore(true);
    try {
      const next = await api.listRejects({ file, offset: rows.length, limit: PAGE });
      setPages((p) => [...p, next]);
    } finally {
      setLoadingMore(false);
    }
  };
  return (
    <div className="rejects" data-testid={`rejects-${file}`}>
      <ul className="reject-groups">
        {head.reasons.map((r) => (
          <li key={`${r.column}-${r.reason}`}>
            <span className="reject-count">{formatCount(r.count)}</span> {r.column ? <span className="mono">{r.column}</span> : 'line'}: {r.reason}
          </li>
        ))}
      </ul>
      <div className="table-scroll rejects-scroll" tabIndex={0} role="region" aria-label={`Rejects of ${file}`}>
        <table className="data-table">
          <caption className="sr-only">Rejected values of {file}</caption>
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col" className="num">
                Line
              </th>
              <th scope="col">Column</th>
              <th scope="col">Value</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={`${r.line}-${r.column}-${i}`}>
                <td>{file}</td>
                <td className="num">{r.line ?? '–'}</td>
                <td className="mono">{r.column ?? '–'}</td>
                <td className="mono clip" title={r.value ?? ''}>
                  {r.value ?? '–'}
                </td>
                <td>{r.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted small">
        Showing {formatCount(rows.length)} of {formatCount(head.total)} rejects.{' '}
        {rows.length < head.total && (
          <button type="button" className="link-button" disabled={loadingMore} onClick={() => void more()}>
            Show more
          </button>
        )}
      </p>
    </div>
  );
}
