import type { DuckDBConnection } from '@duckdb/node-api';
import { mappingSchema, type Mapping, type MappingPreset } from '../../../shared/api';
import { WorkbenchError } from '../../../shared/errors';
import type { Database } from '../db/database';
import { headerSignature } from './header-signature';

/** The mapping format this engine writes; older saved presets are migrated forward on read. */
export const MAPPING_VERSION = 1;

/**
 * Saved mappings live in the workspace, one row per name. `version` is the mapping format's version
 * (for migrations), `revision` counts saves. The table is created by the first save; reading never
 * creates it, so an import or a preview changes nothing when no preset exists.
 */
async function ensurePresetTable(connection: DuckDBConnection): Promise<void> {
  await connection.run(`CREATE TABLE IF NOT EXISTS bw_mapping_presets (
    name VARCHAR PRIMARY KEY,
    version INTEGER NOT NULL,
    revision INTEGER NOT NULL,
    header_signature VARCHAR NOT NULL,
    columns VARCHAR[] NOT NULL,
    mapping VARCHAR NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    updated_at TIMESTAMP NOT NULL DEFAULT current_timestamp
  )`);
}

/** Reads a stored mapping of any known version as the current one. */
export function migrateMapping(stored: unknown, version: number): Mapping {
  if (version > MAPPING_VERSION) {
    throw new WorkbenchError({ code: 'invalid_request', message: `A mapping preset was saved by a newer Breach Workbench (format ${version}); update the app to use it.` });
  }
  // Version 1 is the first format; future versions add a step here (v1 -> v2, ...) before parsing.
  return mappingSchema.parse(stored);
}

interface PresetRow {
  name: string;
  version: number;
  revision: number;
  header_signature: string;
  columns: string[];
  mapping: string;
  updated_at: string;
}

function toPreset(row: PresetRow): MappingPreset {
  return {
    name: row.name,
    version: MAPPING_VERSION,
    revision: Number(row.revision),
    headerSignature: row.header_signature,
    columns: [...row.columns],
    mapping: migrateMapping(JSON.parse(row.mapping), Number(row.version)),
    updatedAt: row.updated_at,
  };
}

const SELECT_PRESETS = `SELECT name, version, revision, header_signature, columns, mapping, strftime(updated_at, '%Y-%m-%dT%H:%M:%S') AS updated_at FROM bw_mapping_presets`;

async function presetTableExists(connection: DuckDBConnection): Promise<boolean> {
  const reader = await connection.runAndReadAll(
    `SELECT count(*) AS n FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main' AND table_name = 'bw_mapping_presets'`,
  );
  return Number(reader.getRowObjectsJS()[0]?.n ?? 0) > 0;
}

export async function listPresetsOn(connection: DuckDBConnection): Promise<MappingPreset[]> {
  if (!(await presetTableExists(connection))) return [];
  const reader = await connection.runAndReadAll(`${SELECT_PRESETS} ORDER BY name`);
  return (reader.getRowObjectsJS() as unknown as PresetRow[]).map(toPreset);
}

/** The preset to re-apply to a file of this shape: the most recently saved one with its signature. */
export async function findPresetOn(connection: DuckDBConnection, columns: readonly string[]): Promise<MappingPreset | null> {
  if (!(await presetTableExists(connection))) return null;
  const reader = await connection.runAndReadAll(`${SELECT_PRESETS} WHERE header_signature = $signature ORDER BY updated_at DESC, name LIMIT 1`, {
    signature: headerSignature(columns),
  });
  const row = reader.getRowObjectsJS()[0] as unknown as PresetRow | undefined;
  return row ? toPreset(row) : null;
}

export async function listPresets(db: Database): Promise<MappingPreset[]> {
  return db.exclusive((c) => listPresetsOn(c));
}

export async function findPreset(db: Database, columns: readonly string[]): Promise<MappingPreset | null> {
  return db.exclusive((c) => findPresetOn(c, columns));
}

/** Saves (or replaces) a named preset for files with these columns; the revision goes up by one. */
export async function savePreset(db: Database, preset: { name: string; mapping: Mapping; columns: readonly string[] }): Promise<MappingPreset> {
  const name = preset.name.trim();
  if (!name) throw new WorkbenchError({ code: 'invalid_request', message: 'A mapping preset needs a name.' });
  const mapping = mappingSchema.parse(preset.mapping);
  for (const [field, spec] of Object.entries(mapping.fields)) {
    if (spec && !preset.columns.includes(spec.column)) {
      throw new WorkbenchError({ code: 'invalid_request', message: `The preset maps ${field} to "${spec.column}", which is not one of the file's columns.` });
    }
  }
  return db.transaction(async (c) => {
    await ensurePresetTable(c);
    await c.run(
      `INSERT INTO bw_mapping_presets (name, version, revision, header_signature, columns, mapping)
       VALUES ($name, $version, 1, $signature, CAST($columns AS VARCHAR[]), $mapping)
       ON CONFLICT (name) DO UPDATE SET version = excluded.version, revision = bw_mapping_presets.revision + 1,
         header_signature = excluded.header_signature, columns = excluded.columns, mapping = excluded.mapping, updated_at = now()`,
      {
        name,
        version: MAPPING_VERSION,
        signature: headerSignature(preset.columns),
        columns: JSON.stringify(preset.columns),
        mapping: JSON.stringify(mapping),
      },
    );
    const reader = await c.runAndReadAll(`${SELECT_PRESETS} WHERE name = $name`, { name });
    return toPreset(reader.getRowObjectsJS()[0] as unknown as PresetRow);
  });
}

export async function deletePreset(db: Database, name: string): Promise<boolean> {
  return db.transaction(async (c) => {
    if (!(await presetTableExists(c))) return false;
    const reader = await c.runAndReadAll(`DELETE FROM bw_mapping_presets WHERE name = $name RETURNING name`, { name });
    return reader.getRowObjectsJS().length > 0;
  });
}
