import type { ReportDocument, ReportDocumentItem } from '../reports/report-document';
import type { ChartFigure } from '../reports/chart-figure';
import { echartsOption } from './chart-option';
import { renderChartSvg } from './chart-svg';
import { escapeHtml, formatNumber, isWebUrl } from './html-text';
import { TLP_BACKGROUND, TLP_COLOURS, TLP_MEANING } from './tlp-style';

export interface HtmlOptions {
  /**
   * For Chromium's printer: the TLP label and page numbers then come from the page header and footer
   * templates (on every page), so the document's own top and bottom label bars are left out.
   */
  forPrint?: boolean;
}

/**
 * The report as one self-contained HTML file: charts are inline SVG from ECharts' server-side
 * renderer, styles are inline, and there is no script and no external reference. A Content Security
 * Policy that forbids loading anything makes that hold even if a chart label carried a URL. Web
 * addresses of sources appear only as text and as plain links in the provenance section.
 */
export function renderReportHtml(doc: ReportDocument, options: HtmlOptions = {}): string {
  const { report, provenance } = doc;
  const tlp = report.tlp;
  const tlpBar = (where: string) =>
    tlp && !options.forPrint ? `<div class="tlp-bar tlp-${where}"><span class="tlp" aria-label="Traffic Light Protocol label">${escapeHtml(tlp)}</span></div>` : '';
  const made = provenance.generatedAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
  const byline = [report.author ? `By ${escapeHtml(report.author)}` : '', `Made ${escapeHtml(made)} with Breach Workbench ${escapeHtml(provenance.appVersion)}`]
    .filter(Boolean)
    .join(' · ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Breach Workbench ${escapeHtml(provenance.appVersion)}">
${report.author ? `<meta name="author" content="${escapeHtml(report.author)}">\n` : ''}<title>${escapeHtml(tlp ? `${tlp} ${report.title}` : report.title)}</title>
<style>${STYLES}${tlp ? tlpStyle(tlp) : ''}</style>
</head>
<body>
${tlpBar('top')}
<header class="title-block">
<h1>${escapeHtml(report.title)}</h1>
<p class="byline">${byline}</p>
${tlp ? `<p class="tlp-meaning"><span class="tlp">${escapeHtml(tlp)}</span> ${escapeHtml(TLP_MEANING[tlp])}</p>` : ''}
<p class="summary">${doc.items.length} chart${doc.items.length === 1 ? '' : 's'} from ${escapeHtml(sourceSummary(doc))}. Provenance, with the SQL behind every chart, is at the end.</p>
</header>
<main>
${doc.items.map((item, i) => renderItem(item, i)).join('\n')}
</main>
${renderProvenance(doc)}
${tlpBar('bottom')}
</body>
</html>
`;
}

function renderItem(entry: ReportDocumentItem, index: number): string {
  const { figure } = entry;
  const option = echartsOption(figure);
  const label = `${entry.title}: ${figureSummary(figure)}`;
  const picture = option
    ? `<div class="chart" role="img" aria-label="${escapeHtml(label)}">${renderChartSvg(option)}</div>`
    : renderTable(figure, true);
  const data = option ? `<details class="data"><summary>Data</summary>${renderTable(figure, false)}</details>` : '';
  return `<section class="item" id="item-${index + 1}">
<h2><span class="number">${index + 1}.</span> ${escapeHtml(entry.title)}</h2>
${entry.title !== entry.chartTitle ? `<p class="chart-title">${escapeHtml(entry.chartTitle)}${entry.units ? ` (${escapeHtml(entry.units)})` : ''}</p>` : entry.units ? `<p class="chart-title">Units: ${escapeHtml(entry.units)}</p>` : ''}
<figure>
${picture}
<figcaption class="footnote">${escapeHtml(entry.footnote)}${figure.note ? ` ${escapeHtml(figure.note)}` : ''}</figcaption>
</figure>
${entry.item.text.trim() ? entry.item.text.trim().split(/\n{2,}/).map((p) => `<p class="item-text">${escapeHtml(p)}</p>`).join('\n') : ''}
${data}
</section>`;
}

/** A figure's numbers as a table: the chart's accessible alternative and the numbers to cite. */
function renderTable(figure: ChartFigure, visible: boolean): string {
  const cls = visible ? 'data-table' : 'data-table compact';
  if (figure.kind === 'table') {
    if (figure.columns.length === 0) return `<p class="muted">No data.</p>`;
    const head = figure.columns.map((c) => `<th scope="col"${c.numeric ? ' class="num"' : ''}>${escapeHtml(c.label)}</th>`).join('');
    const body = figure.rows
      .map((r) => `<tr>${r.map((v, i) => (figure.columns[i]?.numeric ? `<td class="num">${formatNumber(v === null ? null : Number(v))}</td>` : textCell(v))).join('')}</tr>`)
      .join('\n');
    return `<table class="${cls}"><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
  }
  if (figure.kind === 'pie') {
    const total = figure.slices.reduce((n, s) => n + s.value, 0);
    const body = figure.slices
      .map((s) => `<tr><th scope="row">${escapeHtml(s.name)}</th><td class="num">${formatNumber(s.value)}</td><td class="num">${total ? ((100 * s.value) / total).toFixed(1) : '0'}%</td></tr>`)
      .join('\n');
    return `<table class="${cls}"><thead><tr><th scope="col"></th><th scope="col" class="num">${escapeHtml(figure.valueName)}</th><th scope="col" class="num">Share</th></tr></thead><tbody>\n${body}\n</tbody></table>`;
  }
  if (figure.kind === 'map') {
    const head = `<th scope="col">${escapeHtml(figure.regionName)}</th><th scope="col" class="num">${escapeHtml(figure.valueName)}</th>${figure.extra.map((s) => `<th scope="col" class="num">${escapeHtml(s.name)}</th>`).join('')}`;
    const body = figure.regions
      .map((r, i) => `<tr><th scope="row">${escapeHtml(r.name)}</th><td class="num">${formatNumber(r.value)}</td>${figure.extra.map((s) => `<td class="num">${formatNumber(s.values[i] ?? null)}</td>`).join('')}</tr>`)
      .join('\n');
    return `<table class="${cls}"><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
  }
  const columns = [...figure.series, ...figure.extra];
  const head = `<th scope="col">${escapeHtml(figure.categoryName)}</th>${columns.map((s) => `<th scope="col" class="num">${escapeHtml(s.name)}</th>`).join('')}`;
  const body = figure.categories
    .map((c, i) => `<tr><th scope="row">${escapeHtml(c)}</th>${columns.map((s) => `<td class="num">${s.percent && s.values[i] !== null ? `${(100 * s.values[i]!).toFixed(1)}%` : formatNumber(s.values[i] ?? null)}</td>`).join('')}</tr>`)
    .join('\n');
  return `<table class="${cls}"><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** Short single words (dates, state codes) do not wrap; names and descriptions do. */
function textCell(value: string | number | null): string {
  const text = value === null ? '–' : String(value);
  return `<td${text.length <= 12 && !/\s/.test(text) ? ' class="nowrap"' : ''}>${escapeHtml(text)}</td>`;
}

function renderProvenance(doc: ReportDocument): string {
  const p = doc.provenance;
  const link = (url: string | null) => (url ? (isWebUrl(url) ? `<a href="${escapeHtml(url)}" rel="noreferrer">${escapeHtml(url)}</a>` : escapeHtml(url)) : '–');
  const sources = p.sources.length
    ? `<table class="data-table"><thead><tr><th scope="col">Source</th><th scope="col">Publisher</th><th scope="col">Address</th><th scope="col">Licence</th></tr></thead><tbody>
${p.sources.map((s) => `<tr><td>${escapeHtml(s.title)}</td><td>${escapeHtml(s.publisher ?? '–')}</td><td class="url">${link(s.url)}</td><td>${escapeHtml(s.licence ?? '–')}</td></tr>`).join('\n')}
</tbody></table>`
    : '<p>No source data was loaded when this report was made.</p>';
  const files = p.sources.flatMap((s) => s.files);
  const fileTable = files.length
    ? `<table class="data-table files"><thead><tr><th scope="col">File</th><th scope="col">Source</th><th scope="col">Snapshot</th><th scope="col" class="num">Rows loaded</th><th scope="col">Imported</th></tr></thead>
${files.map((f) => `<tbody class="file"><tr><td>${escapeHtml(f.name)}</td><td class="nowrap">${escapeHtml(f.sourceId)}</td><td class="nowrap">${escapeHtml(f.snapshotDate ?? '–')}</td><td class="num">${formatNumber(f.rowsLoaded)}</td><td class="nowrap">${escapeHtml(f.importedAt)}</td></tr>
<tr><td colspan="5" class="hash">SHA-256 ${escapeHtml(f.sha256)}</td></tr></tbody>`).join('\n')}
</table>`
    : '<p>No files.</p>';
  const charts = doc.items
    .map(
      (entry, i) => `<div class="query">
<h4>${i + 1}. ${escapeHtml(entry.title)} <span class="muted">(chart <code>${escapeHtml(entry.item.chart)}</code>, ${entry.meta.rowCount} result rows)</span></h4>
<p>Filters: ${escapeHtml(entry.filtersText)}</p>
${entry.meta.sql ? `<pre><code>${escapeHtml(dedent(entry.meta.sql))}</code></pre>` : ''}
${entry.meta.params.length ? `<p>Parameters, in order of appearance: ${entry.meta.params.map((v) => `<code>${escapeHtml(JSON.stringify(v))}</code>`).join(', ')}</p>` : ''}
</div>`,
    )
    .join('\n');
  return `<section class="provenance" id="provenance">
<h2>Provenance</h2>
<h3>Sources</h3>
${sources}
<h3>Snapshot files</h3>
${fileTable}
${p.caveats.length ? `<h3>What the sources cannot show</h3>\n${p.caveats.map((c) => `<p>${escapeHtml(c.summary)} ${escapeHtml(c.detail)}</p>`).join('\n')}\n` : ''}<h3>Classification rules</h3>
<p>${p.ruleVersions.length ? `Actor and threat classification rules used: ${p.ruleVersions.map((r) => `<code>${escapeHtml(r)}</code>`).join(', ')}.` : 'No chart in this report depends on the actor or threat classification rules.'}</p>
<h3>Made</h3>
<p>${escapeHtml(p.generatedAt)} by Breach Workbench ${escapeHtml(p.appVersion)} (DuckDB ${escapeHtml(p.duckdbVersion)}).</p>
<h3>Charts: filters and SQL</h3>
<p>Each chart ran the SQL below in the workspace's DuckDB database, where the view <code>breaches</code> holds one row per breach from every record source. Values were bound as parameters, listed after each query.</p>
${charts}
</section>`;
}

function sourceSummary(doc: ReportDocument): string {
  const sources = doc.provenance.sources;
  if (sources.length === 0) return 'no loaded data';
  const dates = [...new Set(sources.flatMap((s) => s.files.map((f) => f.snapshotDate)).filter((d): d is string => d !== null))].sort();
  const range = dates.length === 0 ? '' : dates.length === 1 ? `, snapshot ${dates[0]}` : `, snapshots ${dates[0]} to ${dates[dates.length - 1]}`;
  return `${sources.map((s) => s.title).join('; ')}${range}`;
}

function figureSummary(figure: ChartFigure): string {
  if (figure.kind === 'xy') {
    const first = figure.categories[0];
    const last = figure.categories[figure.categories.length - 1];
    return `${figure.series.map((s) => s.name).join(' and ')} by ${figure.categoryName.toLowerCase()}${first !== undefined ? `, ${first} to ${last}` : ''}`;
  }
  if (figure.kind === 'pie') return `${figure.valueName} by category, ${figure.slices.length} categories`;
  if (figure.kind === 'map') {
    const top = figure.regions.slice(0, 3).map((r) => `${r.name} ${formatNumber(r.value)}`).join(', ');
    return `map of ${figure.valueName.toLowerCase()} by ${figure.regionName.toLowerCase()}; most: ${top}`;
  }
  return `table of ${figure.rows.length} rows`;
}

/** Chart SQL is written indented inside TypeScript; print it flush left. */
function dedent(sql: string): string {
  const lines = sql.replace(/^\n+|\s+$/g, '').split('\n');
  const indents = lines.slice(1).filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return [lines[0]!.trim(), ...lines.slice(1).map((l) => l.slice(Math.min(cut, /^ */.exec(l)![0].length)))].join('\n');
}

function tlpStyle(tlp: keyof typeof TLP_COLOURS): string {
  return `.tlp{color:${TLP_COLOURS[tlp]};background:${TLP_BACKGROUND};}`;
}

const STYLES = `
*{box-sizing:border-box}
html{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{font-family:"Liberation Sans",Arial,Helvetica,sans-serif;color:#1d232b;background:#fff;margin:0 auto;max-width:1000px;padding:16px 28px 32px;line-height:1.45;font-size:15px}
.tlp{display:inline-block;font-weight:700;font-size:16px;letter-spacing:.02em;padding:2px 10px;font-family:"Liberation Sans",Arial,sans-serif}
.tlp-bar{text-align:right;margin:0 0 12px}
.tlp-bottom{margin:24px 0 0}
.title-block{border-bottom:3px solid #2f6fb0;padding-bottom:12px;margin-bottom:20px}
h1{font-size:30px;margin:8px 0 6px;line-height:1.2}
h2{font-size:21px;margin:0 0 4px}
h2 .number{color:#2f6fb0}
h3{font-size:17px;margin:22px 0 8px}
h4{font-size:15px;margin:16px 0 4px}
.byline{color:#4a5563;margin:0 0 8px}
.tlp-meaning{margin:8px 0}
.tlp-meaning .tlp{margin-right:8px;font-size:13px}
.summary{margin:8px 0 0}
.item{margin:0 0 28px;padding-top:8px;break-inside:avoid;page-break-inside:avoid}
.chart-title{color:#4a5563;margin:0 0 6px;font-size:14px}
figure{margin:0}
.chart svg{width:100%;height:auto;display:block}
.footnote{font-size:12.5px;color:#4a5563;margin-top:4px}
.item-text{margin:10px 0 0;white-space:pre-line}
details.data{margin-top:8px;font-size:13px}
details.data summary{cursor:pointer;color:#2f6fb0}
.data-table{border-collapse:collapse;width:100%;font-size:13px;margin:6px 0}
.data-table th,.data-table td{border-bottom:1px solid #d8dde3;padding:3px 8px;text-align:left;vertical-align:top}
.data-table thead th{border-bottom:2px solid #9aa5b1;background:#f3f5f7}
.data-table .num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.data-table.files{font-size:11.5px}
.data-table.files tbody.file tr:first-child td{border-bottom:none;padding-bottom:0}
.data-table.files tbody.file{break-inside:avoid;page-break-inside:avoid}
.hash{font-family:"DejaVu Sans Mono",monospace;font-size:10px;color:#4a5563;word-break:break-all}
.nowrap{white-space:nowrap}
.url{word-break:break-all}
.muted{color:#6b7480;font-weight:400}
.provenance{border-top:3px solid #2f6fb0;margin-top:32px;padding-top:8px}
.provenance p{margin:6px 0}
pre{background:#f3f5f7;border:1px solid #d8dde3;padding:8px 10px;font-size:11.5px;white-space:pre-wrap;word-break:break-word;margin:6px 0}
code{font-family:"DejaVu Sans Mono",monospace;font-size:.92em}
.query{break-inside:avoid;page-break-inside:avoid}
a{color:#1f5a94}
@media print{
  body{max-width:none;padding:0;font-size:11pt}
  .data-table{font-size:9pt}
  .data-table th,.data-table td{padding:2px 5px}
  details.data{display:none}
  .provenance{break-before:page;page-break-before:always;border-top:none;margin-top:0}
  .item{margin-bottom:18px}
  h1{font-size:24pt}
}
`;
