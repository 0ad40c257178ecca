import type { Database } from '../db/database';
import { seedOaic } from '../sources/oaic/oaic-seed';
import { ensureOcrSchema } from '../sources/ocr';

/**
 * Data every workspace starts with. Each seeder is idempotent (it checks what is already there), so
 * opening an existing workspace costs one catalogue look-up per seeder and parses nothing.
 */
export type WorkspaceSeeder = (db: Database) => Promise<void>;

// The OCR tables exist from the start so case history and overrides work before any OCR import.
const seeders: WorkspaceSeeder[] = [(db) => ensureOcrSchema(db), (db) => seedOaic(db)];

export async function seedWorkspace(db: Database): Promise<void> {
  for (const seed of seeders) await seed(db);
}
