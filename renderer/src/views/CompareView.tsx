import type { ResultMeta, SourceSummary } from '../../../shared/api';
import type { Filters } from '../../../shared/filters';
import { navigate } from '../actions/navigation';
import { setCompareMine, setCompareTheirs, toggleCompareSameYears } from '../actions/compare';
import { useApi } from '../api/use-api';
import { useQuery } from '../api/use-query';
import { arrowRows } from '../charts/arrow-table';
import type { PlainRow } from '../charts/chart-spec';
import { sourceTitle } from '../charts/ChartFootnote';
import { CompareCard } from '../compare/CompareCard';
import { actorShareModel, breachTypeModel, perYearModel, shortSourceName, sizeModel, summaryRows, type CompareSide } from '../compare/compare-models';
import { FilterBar } from '../components/FilterBar';
import { useAppState, useDispatch } from '../state/store';
import '../compare/compare.css';

/** The engine's chart queries behind the comparison, each run once per side with that side's source as the filter. */
const SIDE_CHARTS = { summary: 'records_summary', perYear: 'breaches_per_year', actors: 'breaches_by_actor', types: 'breaches_by_type', sizes: 'records_per_incident' } as const;
type SideCharts = { -readonly [K in keyof typeof SIDE_CHARTS]: PlainRow[] } & { metas: ResultMeta[] };

/**
 * The organisation's own incidents beside the industry's (OCR by default): breaches per year, who
 * caused them, what kind they were and how many people each affected. Each side is one source under
 * the app's other filters; by default the industry side covers only the years the own log covers.
 */
export function CompareView() {
  const api = useApi();
  const dispatch = useDispatch();
  const compare = useAppState((s) => s.compare);
  const filters = useAppState((s) => s.filters);
  const sources = useQuery('compare-sources', () => api.listSources({}));
  const records = (sources.value ?? []).filter((s) => s.kind !== 'oaic' && s.rows > 0);
  const mine = compare.mine && records.some((s) => s.id === compare.mine) ? compare.mine : defaultMine(records);
  const theirs = records.some((s) => s.id === compare.theirs) ? compare.theirs : (records.find((s) => s.id !== mine)?.id ?? null);

  // Plain values, not memoised: each side's queries are keyed by the filters' JSON.
  const mineFilters: Filters | null = mine ? { ...filters, sources: [mine] } : null;
  const mineData = useSideCharts(mineFilters);
  const years = mineData.value ? yearsOf(mineData.value.summary[0]) : null;
  const theirsFilters = sideFilters(filters, theirs, compare.sameYears, mineData.value ? years : undefined);
  const theirsData = useSideCharts(theirsFilters);

  if (sources.error) return <p className="error">{sources.error}</p>;
  if (!sources.value) return <p className="muted">Loading…</p>;
  if (!mine || !theirs) return <NothingToCompare records={records} onImport={() => dispatch(navigate, 'import')} />;

  const side = (source: string, data: SideCharts | undefined, range: CompareSide['range'], label: string): CompareSide => ({
    source,
    label,
    range,
    summary: data?.summary[0] ?? null,
    perYear: data?.perYear ?? [],
    actors: data?.actors ?? [],
    types: data?.types ?? [],
    sizes: data?.sizes ?? [],
  });
  const mineLabel = shortSourceName(mine);
  const theirsLabel = shortSourceName(theirs) === mineLabel ? theirs : shortSourceName(theirs);
  const a = side(mine, mineData.value ?? undefined, {}, mineLabel);
  const b = side(theirs, theirsData.value ?? undefined, theirsFilters ? { dateFrom: theirsFilters.dateFrom, dateTo: theirsFilters.dateTo } : {}, theirsLabel);
  const ready = mineData.value && theirsData.value;
  const loading = mineData.loading || theirsData.loading || !theirsFilters;
  const footnote = ready ? compareFootnote(mineData.value!.metas, theirsData.value!.metas, mine, theirs, compare.sameYears ? years : null) : null;

  return (
    <div className="view compare-view">
      <h1>Compare</h1>
      <p className="lead">Your incidents beside the industry&apos;s: the same measures, each side from one source.</p>
      <div className="compare-pickers" role="group" aria-label="What to compare">
        <label className="stacked-field">
          <span>Your incidents</span>
          <select value={mine} onChange={(e) => dispatch(setCompareMine, e.target.value)} data-testid="compare-mine">
            {records.map((s) => (
              <option key={s.id} value={s.id}>
                {optionLabel(s)}
              </option>
            ))}
          </select>
        </label>
        <span className="compare-beside" aria-hidden="true">
          beside
        </span>
        <label className="stacked-field">
          <span>Compared with</span>
          <select value={theirs} onChange={(e) => dispatch(setCompareTheirs, e.target.value)} data-testid="compare-theirs">
            {records
              .filter((s) => s.id !== mine)
              .map((s) => (
                <option key={s.id} value={s.id}>
                  {optionLabel(s)}
                </option>
              ))}
          </select>
        </label>
        <label className="checkbox compare-years">
          <input type="checkbox" checked={compare.sameYears} onChange={() => dispatch(toggleCompareSameYears, undefined)} />
          {years ? `Only ${years.first === years.last ? years.first : `${years.first}–${years.last}`}, the years your log covers` : 'Only the years your log covers'}
        </label>
      </div>
      <FilterBar />
      {filters.sources.length > 0 && <p className="muted small">The source filter does not apply here: each side is the one source chosen above.</p>}

      <section className="card" aria-labelledby="glance-title" data-testid="compare-summary" aria-busy={loading}>
        <h2 id="glance-title">At a glance</h2>
        <table className="data-table compare-summary">
          <thead>
            <tr>
              <th scope="col">Measure</th>
              <th scope="col" className="num">
                <span className="swatch mine" aria-hidden="true" />
                {mineLabel}
              </th>
              <th scope="col" className="num">
                <span className="swatch theirs" aria-hidden="true" />
                {theirsLabel}
              </th>
            </tr>
          </thead>
          <tbody>
            {summaryRows(a, b).map((r) => (
              <tr key={r.key} data-measure={r.key}>
                <th scope="row">{r.label}</th>
                <td className="num" data-side="mine">
                  {r.mine}
                </td>
                <td className="num" data-side="theirs">
                  {r.theirs}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {(mineData.error || theirsData.error) && <p className="error">{mineData.error ?? theirsData.error}</p>}
        {footnote && <p className="footnote">{footnote}</p>}
      </section>

      <div className="dashboard">
        <CompareCard id="per-year" title="Breaches per year" model={ready ? perYearModel(a, b) : null} footnote={footnote} loading={loading} wide />
        <CompareCard id="actors" title="Who caused them: share of breaches by actor" model={ready ? actorShareModel(a, b) : null} footnote={footnote} loading={loading} height={180} wide />
        <CompareCard id="sizes" title="People or records affected per breach" model={ready ? sizeModel(a, b) : null} footnote={footnote} loading={loading} wide />
        <CompareCard id="types" title="Breach type: share of breaches" model={ready ? breachTypeModel(a, b) : null} footnote={footnote} loading={loading} height={360} wide />
      </div>
    </div>
  );
}

/** The five comparison queries for one side; nothing while its filters are not known yet. */
function useSideCharts(filters: Filters | null) {
  const api = useApi();
  const key = filters ? `compare|${JSON.stringify(filters)}` : 'compare|waiting';
  return useQuery<SideCharts | null>(key, async () => {
    if (!filters) return null;
    const entries = Object.entries(SIDE_CHARTS) as [keyof typeof SIDE_CHARTS, string][];
    const results = await Promise.all(entries.map(([, chart]) => api.runChart({ chart, filters })));
    const out = { metas: results.map((r) => r.meta) } as SideCharts;
    entries.forEach(([name], i) => {
      out[name] = arrowRows(results[i]!.arrow);
    });
    return out;
  });
}

/** The newest local log (by its last import), else any record source that is not OCR. */
function defaultMine(records: SourceSummary[]): string | null {
  const newest = (s: SourceSummary) => s.files.reduce((latest, f) => (f.importedAt > latest ? f.importedAt : latest), '');
  const local = records.filter((s) => s.kind === 'local').sort((x, y) => newest(y).localeCompare(newest(x)));
  return local[0]?.id ?? records.find((s) => s.id !== 'ocr')?.id ?? null;
}

function yearsOf(summary: PlainRow | undefined): { first: number; last: number } | null {
  if (!summary || summary.first_year === null || summary.last_year === null) return null;
  return { first: Number(summary.first_year), last: Number(summary.last_year) };
}

/** The other side's filters; with "same years", only once the own log's years are known (undefined: not yet). */
function sideFilters(filters: Filters, source: string | null, sameYears: boolean, years: { first: number; last: number } | null | undefined): Filters | null {
  if (!source) return null;
  if (!sameYears) return { ...filters, sources: [source] };
  if (years === undefined) return null;
  return { ...filters, sources: [source], ...narrowed(filters, years) };
}

/** The app's date filter, narrowed to the own log's years. */
function narrowed(filters: Filters, years: { first: number; last: number } | null): Pick<Filters, 'dateFrom' | 'dateTo'> {
  if (!years) return { dateFrom: filters.dateFrom, dateTo: filters.dateTo };
  const from = `${years.first}-01-01`;
  const to = `${years.last}-12-31`;
  return {
    dateFrom: filters.dateFrom && filters.dateFrom > from ? filters.dateFrom : from,
    dateTo: filters.dateTo && filters.dateTo < to ? filters.dateTo : to,
  };
}

function optionLabel(s: SourceSummary): string {
  return `${s.kind === 'local' ? `${shortSourceName(s.id)} (your log)` : s.title} — ${s.rows.toLocaleString('en-US')} records`;
}

function compareFootnote(mine: ResultMeta[], theirs: ResultMeta[], mineId: string, theirsId: string, years: { first: number; last: number } | null): string {
  const files = (metas: ResultMeta[]) => new Set(metas.flatMap((m) => m.files)).size;
  const dates = [...new Set(theirs.flatMap((m) => m.snapshotDates))].sort();
  const snapshot = dates.length ? `, snapshot${dates.length > 1 ? `s ${dates[0]} to ${dates[dates.length - 1]}` : ` ${dates[0]}`}` : '';
  const range = years ? `, ${years.first === years.last ? years.first : `${years.first}–${years.last}`} only` : '';
  return `Sources: ${sourceTitle(mineId)} (${files(mine)} file${files(mine) === 1 ? '' : 's'}); ${sourceTitle(theirsId)}${snapshot}${range} (${files(theirs)} files).`;
}

function NothingToCompare({ records, onImport }: { records: SourceSummary[]; onImport: () => void }) {
  return (
    <div className="view compare-view">
      <h1>Compare</h1>
      <section className="card empty-compare">
        <p>
          {records.length === 0
            ? 'Nothing is loaded yet: import your incident log and the OCR portal exports to see them side by side.'
            : `Only one source is loaded (${records.map((s) => s.title).join(', ')}): a comparison needs your incident log and another source, such as the OCR exports.`}
        </p>
        <button type="button" className="primary" onClick={onImport}>
          Import files…
        </button>
      </section>
    </div>
  );
}
