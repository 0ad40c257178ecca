import { useState } from 'react';
import type { Mapping, ReaderOptions } from '../../../shared/api';
import { ACTOR_WORD_KINDS, ACTOR_WORD_LABELS, DELIMITERS, ENCODINGS, parseWords, withActorWords, type ActorWordKind } from './mapping-labels';

const SOURCE_NAME = /^[a-z][a-z0-9_]{0,47}$/;

/** Beside the fields: the source's name, what to do with values that do not fit, actor words, and how the file is read. */
export function MappingOptions({ mapping, onChange, sourceId }: { mapping: Mapping; onChange: (m: Mapping) => void; sourceId: string | null }) {
  return (
    <div className="mapping-options">
      <SourceNameInput mapping={mapping} onChange={onChange} placeholder={sourceId?.replace(/^local:/, '') ?? ''} />
      <fieldset className="option-group">
        <legend>Values that do not fit</legend>
        <label className="radio">
          <input type="radio" name="invalid-values" checked={mapping.invalidValues === 'reject_row'} onChange={() => onChange({ ...mapping, invalidValues: 'reject_row' })} />
          Leave the row out (listed in the rejects)
        </label>
        <label className="radio">
          <input type="radio" name="invalid-values" checked={mapping.invalidValues === 'load_null'} onChange={() => onChange({ ...mapping, invalidValues: 'load_null' })} />
          Load the row with that value empty (also listed)
        </label>
      </fieldset>
      <fieldset className="option-group">
        <legend>Actor words</legend>
        <p className="field-hint">Words in the actor column beside the built-in ones (employee, hacker, vendor…), separated by commas.</p>
        {ACTOR_WORD_KINDS.map((kind) => (
          <ActorWordsInput key={kind} kind={kind} words={mapping.actorWords[kind] ?? []} onChange={(words) => onChange(withActorWords(mapping, kind, words))} />
        ))}
      </fieldset>
      <ReadingOptions reader={mapping.reader} onChange={(reader) => onChange({ ...mapping, reader })} />
    </div>
  );
}

function SourceNameInput({ mapping, onChange, placeholder }: { mapping: Mapping; onChange: (m: Mapping) => void; placeholder: string }) {
  const saved = mapping.sourceName ?? '';
  const [text, setText] = useState(saved);
  const [seen, setSeen] = useState(saved);
  if (seen !== saved) {
    setSeen(saved);
    setText(saved);
  }
  const valid = text === '' || SOURCE_NAME.test(text);
  const commit = () => {
    if (!valid || (text || undefined) === mapping.sourceName) return;
    const next: Mapping = { ...mapping };
    if (text) next.sourceName = text;
    else delete next.sourceName;
    onChange(next);
  };
  return (
    <label className="stacked-field">
      <span>Source name</span>
      <input
        value={text}
        placeholder={placeholder}
        aria-invalid={!valid}
        aria-describedby="source-name-hint"
        onChange={(e) => setText(e.target.value.toLowerCase())}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
      <span id="source-name-hint" className={valid ? 'field-hint' : 'field-hint error'}>
        {valid ? 'Charts and filters call it local:<name>. Re-importing under the same name replaces it.' : 'Lower-case letters, digits and _, starting with a letter.'}
      </span>
    </label>
  );
}

function ActorWordsInput({ kind, words, onChange }: { kind: ActorWordKind; words: string[]; onChange: (words: string[]) => void }) {
  const joined = words.join(', ');
  const [text, setText] = useState(joined);
  // Words added elsewhere (a rejects quick fix) show here too (adjusting state while rendering).
  const [seen, setSeen] = useState(joined);
  if (seen !== joined) {
    setSeen(joined);
    setText(joined);
  }
  const commit = () => {
    const next = parseWords(text);
    if (next.join(', ') !== joined) onChange(next);
  };
  return (
    <label className="inline-field">
      <span>{ACTOR_WORD_LABELS[kind]}</span>
      <input value={text} onChange={(e) => setText(e.target.value)} onBlur={commit} onKeyDown={(e) => e.key === 'Enter' && commit()} data-testid={`actor-words-${kind}`} />
    </label>
  );
}

/** How DuckDB reads the file; detected, and open to change when the detection was wrong. */
function ReadingOptions({ reader, onChange }: { reader: ReaderOptions; onChange: (r: ReaderOptions) => void }) {
  return (
    <details className="option-group reading-options">
      <summary>Reading options</summary>
      {reader.format === 'csv' && (
        <>
          <label className="inline-field">
            <span>Separator</span>
            <select value={reader.delimiter ?? ','} onChange={(e) => onChange({ ...reader, delimiter: e.target.value })}>
              {DELIMITERS.map((d) => (
                <option key={d.label} value={d.value}>
                  {d.label}
                </option>
              ))}
              {reader.delimiter && !DELIMITERS.some((d) => d.value === reader.delimiter) && <option value={reader.delimiter}>“{reader.delimiter}”</option>}
            </select>
          </label>
          <label className="inline-field">
            <span>Encoding</span>
            <select value={reader.encoding ?? 'utf-8'} onChange={(e) => onChange({ ...reader, encoding: e.target.value as NonNullable<ReaderOptions['encoding']> })}>
              {ENCODINGS.map((enc) => (
                <option key={enc} value={enc}>
                  {enc.toUpperCase()}
                </option>
              ))}
            </select>
          </label>
          <label className="inline-field">
            <span>Skip lines at the top</span>
            <input
              type="number"
              min={0}
              max={1000}
              value={reader.skipRows ?? 0}
              onChange={(e) => onChange({ ...reader, skipRows: Math.max(0, Math.min(1000, Number(e.target.value) || 0)) })}
            />
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={reader.header !== false} onChange={(e) => onChange({ ...reader, header: e.target.checked })} />
            First line holds the column names
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={reader.badRows === 'reject'} onChange={(e) => onChange({ ...reader, badRows: e.target.checked ? 'reject' : 'fail' })} />
            Unreadable lines (ragged, bad quotes) go to the rejects instead of stopping the import
          </label>
        </>
      )}
      {reader.format === 'xlsx' && (
        <label className="inline-field">
          <span>Sheet</span>
          <input
            defaultValue={reader.sheet ?? ''}
            placeholder="first sheet"
            onBlur={(e) => {
              const { sheet: _old, ...rest } = reader;
              const sheet = e.target.value.trim();
              if (sheet !== (reader.sheet ?? '')) onChange(sheet ? { ...rest, sheet } : rest);
            }}
          />
        </label>
      )}
      {reader.format !== 'csv' && reader.format !== 'xlsx' && <p className="field-hint">Read as {reader.format.toUpperCase()}; nothing to set.</p>}
    </details>
  );
}
