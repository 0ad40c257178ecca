import { useState } from 'react';
import type { Mapping, MappingPreview, MappableField } from '../../../shared/api';
import { DATE_FIELDS, DATE_FORMATS, FIELD_ROWS, withField } from './mapping-labels';

/**
 * One row per canonical field: which column of the file fills it, the date format where it is a
 * date, and a few of that column's values so the choice can be checked at a glance.
 */
export function MappingFields({ mapping, preview, onChange }: { mapping: Mapping; preview: MappingPreview; onChange: (m: Mapping) => void }) {
  const columns = preview.columns;
  const used = new Map(Object.entries(mapping.fields).map(([field, spec]) => [spec?.column, field]));
  return (
    <table className="data-table mapping-fields" data-testid="mapping-fields">
      <caption className="sr-only">Columns of the file mapped to the incident fields</caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Column in the file</th>
          <th scope="col">Values in that column</th>
        </tr>
      </thead>
      <tbody>
        {FIELD_ROWS.map(({ field, label, hint }) => {
          const spec = mapping.fields[field];
          const samples = spec ? (columns.find((c) => c.name === spec.column)?.samples ?? []) : [];
          const selectId = `map-${field}`;
          return (
            <tr key={field} className={spec ? undefined : 'unmapped'}>
              <th scope="row">
                <label htmlFor={selectId}>{label}</label>
                {hint && <span className="field-hint">{hint}</span>}
              </th>
              <td>
                <div className="field-controls">
                  <select
                    id={selectId}
                    value={spec?.column ?? ''}
                    onChange={(e) => onChange(withField(mapping, field, e.target.value || null, DATE_FIELDS.has(field) ? (spec?.format ?? 'iso') : undefined))}
                  >
                    <option value="">— not mapped —</option>
                    {columns.map((c) => (
                      <option key={c.name} value={c.name}>
                        {c.name}
                        {used.get(c.name) && used.get(c.name) !== field ? ' (also used)' : ''}
                      </option>
                    ))}
                  </select>
                  {spec && DATE_FIELDS.has(field) && (
                    <DateFormatPicker field={field} label={label} value={spec.format ?? 'iso'} onChange={(format) => onChange(withField(mapping, field, spec.column, format))} />
                  )}
                </div>
              </td>
              <td className="samples">{samples.length ? samples.slice(0, 4).join(' · ') : <span className="muted">–</span>}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The formats the engine knows, or a strptime pattern of one's own ("%d %b %y"). */
function DateFormatPicker({ field, label, value, onChange }: { field: MappableField; label: string; value: string; onChange: (format: string) => void }) {
  const known = DATE_FORMATS.some((f) => f.value === value);
  const [custom, setCustom] = useState(known ? '' : value);
  const [editing, setEditing] = useState(!known);
  return (
    <>
      <select
        aria-label={`${label}: date format`}
        value={editing ? 'custom' : value}
        onChange={(e) => {
          if (e.target.value === 'custom') setEditing(true);
          else {
            setEditing(false);
            onChange(e.target.value);
          }
        }}
      >
        {DATE_FORMATS.map((f) => (
          <option key={f.value} value={f.value}>
            {f.label}
          </option>
        ))}
        <option value="custom">Other pattern…</option>
      </select>
      {editing && (
        <input
          className="date-pattern"
          aria-label={`${label}: date pattern, e.g. %d %b %Y`}
          placeholder="%d %b %Y"
          value={custom}
          data-field={field}
          onChange={(e) => setCustom(e.target.value)}
          onBlur={() => custom.trim() && custom.trim() !== value && onChange(custom.trim())}
          onKeyDown={(e) => e.key === 'Enter' && custom.trim() && onChange(custom.trim())}
        />
      )}
    </>
  );
}
