import { describe, expect, it } from 'vitest';
import { classifyOaicHeaders, headerRole } from '../../electron/engine/sources/oaic/oaic-headers';
import { csvHeader, sniffOaicTable } from '../../electron/engine/sources/oaic/oaic-sniff';

const committedHeaders: Array<[string, string]> = [
  ['period,period_start,period_end,report_type,notifications,notifications_revised_later,revised_per,malicious_count,malicious_pct,human_error_count,human_error_pct,system_fault_count,system_fault_pct,cyber_incident_count,source_url,extra_source_urls,notes', 'totals'],
  ['period,sector,rank,notifications,pct_of_period_total,source_url,note', 'by_sector'],
  ['period,category,subcategory,value,unit,source_url,note', 'source_breakdown'],
  ['period,measure,value,unit,source_url,note', 'health_sector'],
  ['period,population,bin,measure,value,source_url,note', 'individuals_affected'],
  ['period,kind,value,unit,source_url', 'kinds_of_pi'],
  ['period,measure,value_pct,source_url,note', 'timeliness'],
  ['report_begin,report_end,notifications,stats_date,publish_date,report_url', 'totals'],
];

describe('classifyOaicHeaders', () => {
  it.each(committedHeaders)('reads the committed header %s as %s', (header, shape) => {
    expect(classifyOaicHeaders(header.split(','))?.shape).toBe(shape);
  });

  it('reads the names people give OAIC columns, keeping counts and percentages apart', () => {
    expect(headerRole('Malicious or criminal attack')).toBe('malicious.auto');
    expect(headerRole('Human error (%)')).toBe('human_error.pct');
    expect(headerRole('System fault count')).toBe('system_fault.count');
    expect(headerRole('Total notifications')).toBe('notifications.count');
    expect(headerRole('notifications_revised_later')).toBe('notifications_revised.auto');
    expect(headerRole('% of notifications')).toBe('notifications.pct');
    expect(headerRole('pct_of_period_total')).toBe('notifications.pct');
    expect(headerRole('Reporting period')).toBe('period');
    expect(headerRole('Source of breach')).toBe('source');
    expect(headerRole('source_url')).toBe('source_url');
  });

  it('claims a long "period, source, notifications" table as a breakdown by source', () => {
    expect(classifyOaicHeaders(['Period', 'Source', 'Notifications', 'Share'])?.shape).toBe('source_long');
  });

  it('refuses tables without a period or without an OAIC figure', () => {
    // An OCR portal export: no period column.
    const ocr = ['Name of Covered Entity', 'State', 'Covered Entity Type', 'Individuals Affected', 'Breach Submission Date', 'Type of Breach'];
    expect(classifyOaicHeaders(ocr)).toBeNull();
    expect(classifyOaicHeaders(['period', 'comment'])).toBeNull();
    expect(classifyOaicHeaders(['incident_id', 'date', 'sector', 'records'])).toBeNull();
  });
});

describe('sniffOaicTable', () => {
  const sniff = (name: string, text: string) => sniffOaicTable({ name, head: Buffer.from(text, 'utf8'), isDirectory: false });

  it('claims a CSV whose first line is an OAIC header, with any common delimiter and a BOM', () => {
    expect(sniff('mine.csv', '\uFEFFReporting period;Total notifications;Human error (%)\r\nJan-Jun 2024;518;30%\r\n')).toBe(true);
    expect(sniff('x.tsv', 'period\tsector\tnotifications\n')).toBe(true);
    expect(sniff('sectors.csv', '"Period","Sector, as named","Notifications"\n')).toBe(true);
  });

  it('leaves other CSVs to other importers', () => {
    expect(sniff('breach_report.csv', 'Name of Covered Entity,State,Covered Entity Type,Individuals Affected,Breach Submission Date\n')).toBe(false);
    expect(sniff('incidents.csv', 'id,date,sector,records_affected\n')).toBe(false);
    expect(sniff('folder', '')).toBe(false);
  });

  it('splits a quoted header cell with a comma in it as one cell', () => {
    expect(csvHeader(Buffer.from('"Legal, accounting",b\n'))).toEqual(['Legal, accounting', 'b']);
  });
});
