import { describe, expect, it } from 'vitest';
import { filtersSchema } from '../../shared/filters';
import { pdfPageSetup } from '../../electron/engine/export/report-pdf';
import { renderReportHtml } from '../../electron/engine/export/report-html';
import type { ReportDocument } from '../../electron/engine/reports/report-document';
import { externalReferences } from './report-html-checks';

function documentWith(overrides: Partial<ReportDocument['report']> = {}, url = 'https://ocrportal.hhs.gov/ocr/breach/breach_report.jsf'): ReportDocument {
  const filters = filtersSchema.parse({});
  return {
    report: { version: 1, name: 'r', title: 'Breaches <script>alert(1)</script>', author: 'Jo "Analyst"', tlp: 'TLP:AMBER+STRICT', items: [], ...overrides },
    items: [
      {
        item: { id: 'a', kind: 'chart', chart: 'breaches_per_year', title: '', text: 'First paragraph.\n\n<img src=x onerror=alert(1)>', filters },
        title: 'Breaches reported and people affected, per year',
        chartTitle: 'Breaches reported and people affected, per year',
        units: 'breaches; people',
        filtersText: 'no filters (every record)',
        figure: {
          kind: 'xy',
          categoryName: 'Year reported',
          categories: ['2023', '2024'],
          series: [
            { name: 'Breaches', type: 'bar', axis: 0, values: [745, 725], percent: false },
            { name: 'People affected', type: 'line', axis: 1, values: [170_000_000, 276_000_000], percent: false },
          ],
          extra: [],
          axisNames: ['Breaches', 'People affected'],
          horizontal: false,
          percent: false,
        },
        meta: { sql: 'SELECT 1 -- </pre><script>x</script>', params: ['2024-01-01'], rowCount: 2, sources: ['ocr'], files: ['a.csv'], snapshotDates: ['2026-04-07'], caveats: [], ruleVersions: [], elapsedMs: 1, truncated: false },
        footnote: 'Source: HHS OCR breach portal; snapshot 2026-04-07 (1 file). Filters: no filters (every record).',
      },
    ],
    provenance: {
      sources: [
        {
          id: 'ocr',
          title: 'HHS OCR breach portal',
          publisher: 'U.S. Department of Health and Human Services, Office for Civil Rights',
          url,
          licence: 'public domain',
          files: [{ sourceId: 'ocr', name: 'a.csv', snapshotDate: '2026-04-07', sha256: 'ab'.repeat(32), rowsLoaded: 702, importedAt: '2026-05-01 10:00:00' }],
        },
      ],
      ruleVersions: ['actor-rules/1.0.0'],
      caveats: [{ summary: 'HHS OCR counts of breaches reported after 2024-10-08 are lower bounds.', detail: 'No archive <b>after</b> it.', after: '2024-10-08' }],
      generatedAt: '2026-05-01T10:00:00.000Z',
      appVersion: '0.1.0',
      duckdbVersion: 'v1.5.6',
      workspace: '/tmp/ws',
    },
  };
}

describe('HTML report', () => {
  it('is one self-contained file: no script, no external reference, a CSP that forbids loading anything', () => {
    const html = renderReportHtml(documentWith());
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link|<iframe|<object|<embed|<base|@import/i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(externalReferences(html)).toEqual([]);
    // The chart is inline SVG drawn by ECharts' server-side renderer.
    expect(html).toMatch(/<div class="chart" role="img" aria-label="[^"]+"><svg [^>]*viewBox="0 0 800 380"/);
    // The only web address is the source's, as visible text in a plain link in the provenance.
    const links = [...html.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]);
    expect(links).toEqual(['https://ocrportal.hhs.gov/ocr/breach/breach_report.jsf']);
  });

  it('escapes everything a user typed', () => {
    const html = renderReportHtml(documentWith());
    expect(html).toContain('<h1>Breaches &lt;script&gt;alert(1)&lt;/script&gt;</h1>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('SELECT 1 -- &lt;/pre&gt;&lt;script&gt;x&lt;/script&gt;');
    expect(html).toContain('By Jo &quot;Analyst&quot;');
    expect(html).toContain('<h3>What the sources cannot show</h3>\n<p>HHS OCR counts of breaches reported after 2024-10-08 are lower bounds. No archive &lt;b&gt;after&lt;/b&gt; it.</p>');
  });

  it('does not link a source address that is not http(s)', () => {
    const html = renderReportHtml(documentWith({}, 'javascript:alert(1)'));
    expect(html).not.toContain('<a href="javascript');
    expect(html).toContain('javascript:alert(1)');
  });

  it('shows the TLP label at the top and bottom, in the standard colour on black', () => {
    const html = renderReportHtml(documentWith());
    expect(html).toContain('.tlp{color:#FFC000;background:#000000;}');
    expect(html.indexOf('class="tlp-bar tlp-top"')).toBeLessThan(html.indexOf('<h1>'));
    expect(html.lastIndexOf('class="tlp-bar tlp-bottom"')).toBeGreaterThan(html.indexOf('id="provenance"'));
    expect(html.match(/>TLP:AMBER\+STRICT</g)?.length).toBe(3);
    expect(html).toContain('<title>TLP:AMBER+STRICT Breaches &lt;script&gt;');
    const none = renderReportHtml(documentWith({ tlp: null }));
    expect(none).not.toContain('TLP:');
  });

  it('leaves the label bars to the page header and footer when printing, with page numbers', () => {
    const doc = documentWith({ tlp: 'TLP:RED' });
    expect(renderReportHtml(doc, { forPrint: true })).not.toContain('class="tlp-bar');
    const setup = pdfPageSetup(doc, 'Letter');
    expect(setup.pageSize).toBe('Letter');
    for (const template of [setup.headerTemplate, setup.footerTemplate]) {
      expect(template).toContain('background:#000000;color:#FF2B2B;font-weight:700;font-size:12pt');
      expect(template).toContain('>TLP:RED</span>');
    }
    expect(setup.footerTemplate).toContain('Page <span class="pageNumber"></span> of <span class="totalPages"></span>');
  });

  it('ends with provenance: sources, files with hashes, filters, SQL, rule versions, time and version', () => {
    const html = renderReportHtml(documentWith());
    const provenance = html.slice(html.indexOf('id="provenance"'));
    for (const text of [
      'U.S. Department of Health and Human Services, Office for Civil Rights',
      'public domain',
      'a.csv',
      '2026-04-07',
      `SHA-256 ${'ab'.repeat(32)}`,
      'Filters: no filters (every record)',
      'SELECT 1',
      '&quot;2024-01-01&quot;',
      'actor-rules/1.0.0',
      '2026-05-01T10:00:00.000Z by Breach Workbench 0.1.0 (DuckDB v1.5.6)',
    ]) {
      expect(provenance).toContain(text);
    }
    // The chart's numbers are in the document as a table, for readers and for citing.
    expect(html).toContain('<tr><th scope="row">2024</th><td class="num">725</td><td class="num">276,000,000</td></tr>');
  });
});
