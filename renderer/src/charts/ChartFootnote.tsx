import type { ResultMeta } from '../../../shared/api';

const SOURCE_TITLES: Record<string, string> = {
  ocr: 'HHS OCR breach portal (breaches affecting 500 or more individuals)',
  oaic: 'OAIC Notifiable Data Breaches statistics',
  veris: 'VERIS Community Database',
};

export function sourceTitle(id: string): string {
  return SOURCE_TITLES[id] ?? (id.startsWith('local:') ? `Your incident log "${id.slice(6)}"` : id);
}

/** Where a chart's numbers come from, in words a reader can cite. */
export function footnoteText(meta: ResultMeta, units?: string): string {
  const dates = meta.snapshotDates;
  const range = dates.length === 0 ? '' : dates.length === 1 ? `, snapshot ${dates[0]}` : `, snapshots ${dates[0]} to ${dates[dates.length - 1]}`;
  const sources = meta.sources.length ? meta.sources.map(sourceTitle).join('; ') : 'no data loaded';
  const files = `${meta.files.length} file${meta.files.length === 1 ? '' : 's'}`;
  const rules = meta.ruleVersions.length ? ` Classification rules: ${meta.ruleVersions.join(', ')}.` : '';
  const caveats = meta.caveats.map((c) => ` ${c.summary}`).join('');
  return `${units ? `Units: ${units}. ` : ''}Source: ${sources}${range}; ${files}.${rules}${caveats}`;
}

export function ChartFootnote({ meta, units }: { meta: ResultMeta; units?: string }) {
  return <p className="footnote">{footnoteText(meta, units)}</p>;
}
