import { describe, expect, it } from 'vitest';
import type { ReaderOptions } from '../../shared/api';
import { detectMapping } from '../../electron/engine/mapping/detect-mapping';
import { headerSignature } from '../../electron/engine/mapping/header-signature';
import { migrateMapping } from '../../electron/engine/mapping/presets';

const reader: ReaderOptions = { format: 'csv', badRows: 'fail' };

describe('detectMapping: a first mapping from header names and values', () => {
  it("maps an OCR-style export's headers", () => {
    const { mapping } = detectMapping(
      [
        { name: 'Name of Covered Entity', samples: ['Northside Clinic', 'Harbour Health'] },
        { name: 'State', samples: ['NY', 'CA'] },
        { name: 'Covered Entity Type', samples: ['Healthcare Provider', 'Health Plan'] },
        { name: 'Individuals Affected', samples: ['1200', '35'] },
        { name: 'Breach Submission Date', samples: ['01/15/2024', '02/03/2024'] },
        { name: 'Type of Breach', samples: ['Hacking/IT Incident', 'Theft'] },
        { name: 'Location of Breached Information', samples: ['Email', 'Laptop'] },
        { name: 'Business Associate Present', samples: ['Yes', 'No'] },
        { name: 'Web Description', samples: ['A long description of what happened to the records.'] },
      ],
      reader,
    );
    expect(mapping.fields).toEqual({
      entity: { column: 'Name of Covered Entity' },
      state: { column: 'State' },
      entity_type: { column: 'Covered Entity Type' },
      records_affected: { column: 'Individuals Affected' },
      reported_date: { column: 'Breach Submission Date', format: '%m/%d/%Y' },
      breach_types: { column: 'Type of Breach' },
      locations: { column: 'Location of Breached Information' },
      business_associate: { column: 'Business Associate Present' },
      description: { column: 'Web Description' },
    });
  });

  it('checks values: a "Date" column of words is not a date, a "Count" of words is not a count', () => {
    const { mapping } = detectMapping(
      [
        { name: 'Date', samples: ['last week', 'yesterday'] },
        { name: 'Count', samples: ['many', 'few'] },
        { name: 'Source', samples: ['email', 'phone'] },
      ],
      reader,
    );
    expect(mapping.fields).toEqual({});
  });

  it('maps a header-less file from its values', () => {
    const { mapping, notes } = detectMapping(
      [
        { name: 'column0', samples: ['A-1', 'A-2', 'A-3'] },
        { name: 'column1', samples: ['2024-01-05', '2024-02-01', '2024-03-09'] },
        { name: 'column2', samples: ['employee', 'hacker', 'vendor'] },
        { name: 'column3', samples: ['Staff member emailed a spreadsheet to a personal account', 'Phishing email harvested two mailbox passwords'] },
      ],
      reader,
    );
    expect(mapping.fields).toEqual({
      reported_date: { column: 'column1', format: 'iso' },
      actor: { column: 'column2' },
      description: { column: 'column3' },
    });
    expect(notes).toContain('actor <- "column2" (values)');
  });

  it('notes a date column whose day and month cannot be told apart', () => {
    const { notes } = detectMapping([{ name: 'Reported', samples: ['01/02/2024', '03/04/2024'] }], reader);
    expect(notes.join('\n')).toMatch(/day and month cannot be told apart; read as %m\/%d\/%Y/);
  });

  it('gives files with the same columns the same signature, whatever the case or spacing', () => {
    expect(headerSignature(['Case ID', 'Reported '])).toBe(headerSignature(['case id', 'REPORTED']));
    expect(headerSignature(['Case ID', 'Reported'])).not.toBe(headerSignature(['Reported', 'Case ID']));
  });

  it('reads saved mappings of its own version and refuses newer ones', () => {
    const stored = { version: 1, reader: { format: 'csv' }, fields: { case_id: { column: 'Ref' } } };
    expect(migrateMapping(stored, 1)).toEqual({ ...stored, reader: { format: 'csv', badRows: 'fail' }, actorWords: {}, invalidValues: 'reject_row' });
    expect(() => migrateMapping(stored, 2)).toThrow(/newer Breach Workbench/);
  });
});
