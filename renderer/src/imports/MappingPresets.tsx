import { useState } from 'react';
import type { Mapping, MappingPreset, MappingPreview } from '../../../shared/api';
import { useApi } from '../api/use-api';
import { useQuery } from '../api/use-query';

/**
 * Named mappings kept in the workspace. A saved preset is applied by the engine to every later file
 * with the same columns; here one can also be applied by hand to a file of another shape.
 */
export function MappingPresets({ mapping, preview, onApply }: { mapping: Mapping; preview: MappingPreview; onApply: (m: Mapping) => void }) {
  const api = useApi();
  const [version, setVersion] = useState(0);
  const presets = useQuery(`presets|${version}`, () => api.listMappingPresets({}));
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const columns = preview.columns.map((c) => c.name);

  const save = async () => {
    const trimmed = name.trim();
    if (!trimmed) return;
    try {
      const saved = await api.saveMappingPreset({ name: trimmed, mapping, columns });
      setMessage({ text: `Saved “${saved.name}” (revision ${saved.revision}). Files with these columns will be mapped this way from now on.`, error: false });
      setVersion((v) => v + 1);
    } catch (error) {
      setMessage({ text: error instanceof Error ? error.message : String(error), error: true });
    }
  };
  const apply = (preset: MappingPreset) => {
    const { next, missing } = presetForFile(preset, mapping, columns);
    onApply(next);
    setMessage({
      text: missing.length ? `Applied “${preset.name}”; this file has no column ${missing.map((c) => `“${c}”`).join(', ')}, so those fields are not mapped.` : `Applied “${preset.name}”.`,
      error: false,
    });
  };
  const remove = async (preset: MappingPreset) => {
    await api.deleteMappingPreset({ name: preset.name });
    setChosen('');
    setMessage({ text: `Deleted “${preset.name}”.`, error: false });
    setVersion((v) => v + 1);
  };
  const list = presets.value ?? [];
  const selected = list.find((p) => p.name === chosen);

  return (
    <fieldset className="option-group presets">
      <legend>Saved mappings</legend>
      <div className="inline-field">
        <input aria-label="Preset name" placeholder="Name, e.g. Incident register" value={name} onChange={(e) => setName(e.target.value)} maxLength={100} />
        <button type="button" onClick={() => void save()} disabled={!name.trim()}>
          Save as preset
        </button>
      </div>
      {list.length > 0 && (
        <div className="inline-field">
          <select aria-label="Saved preset" value={chosen} onChange={(e) => setChosen(e.target.value)}>
            <option value="">Apply a saved preset…</option>
            {list.map((p) => (
              <option key={p.name} value={p.name}>
                {p.name} ({p.columns.length} columns, rev. {p.revision})
              </option>
            ))}
          </select>
          <button type="button" disabled={!selected} onClick={() => selected && apply(selected)}>
            Apply
          </button>
          <button type="button" disabled={!selected} onClick={() => selected && void remove(selected)} aria-label={selected ? `Delete preset ${selected.name}` : 'Delete preset'}>
            Delete
          </button>
        </div>
      )}
      {message && (
        <p className={message.error ? 'error small' : 'field-hint'} role="status">
          {message.text}
        </p>
      )}
    </fieldset>
  );
}

/** A preset's fields, keeping only the columns this file has; the file's own reader stays. */
function presetForFile(preset: MappingPreset, current: Mapping, columns: string[]): { next: Mapping; missing: string[] } {
  const fields: Mapping['fields'] = {};
  const missing: string[] = [];
  for (const [field, spec] of Object.entries(preset.mapping.fields) as [keyof Mapping['fields'], Mapping['fields'][keyof Mapping['fields']]][]) {
    if (!spec) continue;
    if (columns.includes(spec.column)) fields[field] = spec;
    else missing.push(spec.column);
  }
  return { next: { ...preset.mapping, reader: current.reader, fields }, missing };
}
