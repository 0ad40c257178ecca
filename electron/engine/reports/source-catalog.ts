import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { findProjectRoot } from '../project-paths';

/** Who published a source, where it lives and under what licence: what a citation needs. */
export interface SourceCitation {
  id: string;
  title: string;
  publisher: string | null;
  url: string | null;
  licence: string | null;
}

const manifestSchema = z.object({
  sources: z.array(
    z.looseObject({
      id: z.string(),
      title: z.string().optional(),
      publisher: z.string().optional(),
      url: z.string().optional(),
      licence: z.string().optional(),
      license: z.string().optional(),
    }),
  ),
});

/**
 * The sources the app knows, from `datasets/manifest.json` when it is there. A source the manifest
 * does not name (a user's own incident log) is cited by its id alone, with the files it came from.
 */
export class SourceCatalog {
  private constructor(private readonly byId: ReadonlyMap<string, SourceCitation>) {}

  static load(manifestPath: string | undefined = defaultManifestPath()): SourceCatalog {
    const map = new Map<string, SourceCitation>();
    if (manifestPath && existsSync(manifestPath)) {
      try {
        const parsed = manifestSchema.parse(JSON.parse(readFileSync(manifestPath, 'utf8')));
        for (const s of parsed.sources) {
          map.set(s.id, { id: s.id, title: s.title ?? s.id, publisher: s.publisher ?? null, url: s.url ?? null, licence: s.licence ?? s.license ?? null });
        }
      } catch {
        // A damaged manifest must not stop a report: the sources are then cited from bw_files alone.
      }
    }
    return new SourceCatalog(map);
  }

  cite(id: string, registeredTitle?: string): SourceCitation {
    const known = this.byId.get(id);
    if (known) return known;
    if (id.startsWith('local:')) {
      return { id, title: registeredTitle ?? `Incident log "${id.slice('local:'.length)}"`, publisher: 'the organisation that supplied the log', url: null, licence: null };
    }
    return { id, title: registeredTitle ?? id, publisher: null, url: null, licence: null };
  }
}

function defaultManifestPath(): string | undefined {
  const root = findProjectRoot();
  return root ? join(root, 'datasets', 'manifest.json') : undefined;
}
