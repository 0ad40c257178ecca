import { describe, expect, it } from 'vitest';
import { filtersSchema } from '../../shared/filters';
import { describeFilters, fileSlug, migrateReport, normaliseTlp, REPORT_VERSION, reportSchema } from '../../shared/report';

describe('report model', () => {
  it('reads a current report as it is, filling defaults', () => {
    const report = migrateReport({ version: 1, name: 'Board Q3', title: 'Board Q3', items: [{ id: 'a', chart: 'breaches_per_year' }] });
    expect(report).toMatchObject({ version: REPORT_VERSION, author: '', tlp: null });
    expect(report.items[0]).toMatchObject({ kind: 'chart', title: '', text: '', filters: filtersSchema.parse({}) });
  });

  it('migrates an unversioned body: sections become items, chartId becomes chart, a bare TLP colour becomes the 2.0 label', () => {
    const report = migrateReport({
      title: 'Old report',
      tlp: 'white',
      sections: [{ chartId: 'breaches_per_year', text: 'why' }, { chartId: 'breaches_by_state', title: 'States' }],
    });
    expect(report.version).toBe(1);
    expect(report.name).toBe('Old report');
    expect(report.tlp).toBe('TLP:CLEAR');
    expect(report.items.map((i) => [i.id, i.chart, i.title, i.text])).toEqual([
      ['item-1', 'breaches_per_year', '', 'why'],
      ['item-2', 'breaches_by_state', 'States', ''],
    ]);
  });

  it('refuses a report from a newer app with a message saying so', () => {
    expect(() => migrateReport({ version: 99, name: 'x', title: 'x', items: [] })).toThrow(/newer Breach Workbench/);
  });

  it('normalises TLP labels the way people type them', () => {
    expect(normaliseTlp('amber')).toBe('TLP:AMBER');
    expect(normaliseTlp('TLP: amber+strict')).toBe('TLP:AMBER+STRICT');
    expect(normaliseTlp('tlp:red')).toBe('TLP:RED');
    expect(normaliseTlp('GREEN')).toBe('TLP:GREEN');
    expect(normaliseTlp('none')).toBeNull();
    expect(normaliseTlp('purple')).toBeNull();
    expect(reportSchema.safeParse({ version: 1, name: 'x', title: 'x', tlp: 'AMBER', items: [] }).success).toBe(false);
  });

  it('rejects names with slashes or control characters', () => {
    expect(reportSchema.safeParse({ version: 1, name: '../etc', title: 'x', items: [] }).success).toBe(false);
    expect(reportSchema.safeParse({ version: 1, name: 'a\u0000b', title: 'x', items: [] }).success).toBe(false);
    expect(reportSchema.safeParse({ version: 1, name: 'Board — Q3 2025', title: 'x', items: [] }).success).toBe(true);
  });

  it('says what the filters are in words', () => {
    expect(describeFilters(filtersSchema.parse({}))).toBe('no filters (every record)');
    expect(
      describeFilters(
        filtersSchema.parse({ dateFrom: '2020-01-01', states: ['CA', 'NY'], threats: ['ransomware'], businessAssociate: true, minRecords: 10000, text: ' laptop ' }),
      ),
    ).toBe('reported 2020-01-01 to the latest; states: CA, NY; threats: Ransomware; business associate involved; at least 10,000 people affected; text contains "laptop"');
  });

  it('makes file names from titles', () => {
    expect(fileSlug('Health data breaches: overview')).toBe('health-data-breaches-overview');
    expect(fileSlug('Über Brüche — 2025')).toBe('uber-bruche-2025');
    expect(fileSlug('///')).toBe('report');
  });
});
