import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkbenchError } from '../../shared/errors';
import { importPath } from '../../electron/engine/imports/run-import';
import { workspaceSnapshot } from '../fixtures/workspace-snapshot';
import { datasetPath, hasDataset } from '../helpers/datasets';
import { useTempWorkspace } from '../helpers/temp-workspace';

const noop = () => ({ signal: new AbortController().signal, progress: () => undefined });

interface StixObject {
  type: string;
  id: string;
  [key: string]: unknown;
}

/** Object counts by type, from the bundle read with JSON.parse: what the import must agree with. */
function countByType(objects: StixObject[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of objects) counts[o.type] = (counts[o.type] ?? 0) + 1;
  return counts;
}

/** A bundle with the object types the OASIS examples lack: an incident, a sighting, an identity. */
const INCIDENT_BUNDLE = {
  type: 'bundle',
  id: 'bundle--6f5a1a4c-8f1b-4d3e-9a43-0c2f3f1f0001',
  objects: [
    { type: 'identity', spec_version: '2.1', id: 'identity--aa000000-0000-4000-8000-000000000001', created: '2024-03-01T00:00:00.000Z', modified: '2024-03-01T00:00:00.000Z', name: 'Northside Clinic', identity_class: 'organization', sectors: ['healthcare'] },
    { type: 'indicator', spec_version: '2.1', id: 'indicator--aa000000-0000-4000-8000-000000000002', created: '2024-03-02T00:00:00.000Z', modified: '2024-03-02T00:00:00.000Z', name: 'Phishing sender', pattern: "[email-addr:value = 'billing@example.net']", pattern_type: 'stix', valid_from: '2024-03-02T00:00:00Z', indicator_types: ['malicious-activity'] },
    { type: 'sighting', spec_version: '2.1', id: 'sighting--aa000000-0000-4000-8000-000000000003', created: '2024-03-03T00:00:00.000Z', modified: '2024-03-03T00:00:00.000Z', sighting_of_ref: 'indicator--aa000000-0000-4000-8000-000000000002', where_sighted_refs: ['identity--aa000000-0000-4000-8000-000000000001'], count: 14, first_seen: '2024-03-03T08:00:00Z', last_seen: '2024-03-04T17:00:00Z' },
    { type: 'incident', spec_version: '2.1', id: 'incident--aa000000-0000-4000-8000-000000000004', created: '2024-03-05T00:00:00.000Z', modified: '2024-03-05T00:00:00.000Z', name: 'Mailbox compromise', description: 'Two staff mailboxes accessed after a phishing email.' },
    { type: 'relationship', spec_version: '2.1', id: 'relationship--aa000000-0000-4000-8000-000000000005', created: '2024-03-05T00:00:00.000Z', modified: '2024-03-05T00:00:00.000Z', relationship_type: 'targets', source_ref: 'incident--aa000000-0000-4000-8000-000000000004', target_ref: 'identity--aa000000-0000-4000-8000-000000000001' },
    { type: 'note', spec_version: '2.1', created: '2024-03-05T00:00:00.000Z', content: 'an object without an id' },
  ],
};

describe.skipIf(!hasDataset('stix'))('importing STIX 2.1 bundles', () => {
  const t = useTempWorkspace('bw-stix-');
  const bundles = hasDataset('stix') ? readdirSync(datasetPath('stix')).filter((n) => n.endsWith('.json')).sort() : [];


  it('imports each OASIS example bundle with its object counts by type', async () => {
    expect(bundles).toHaveLength(6);
    for (const name of bundles) {
      const objects = (JSON.parse(readFileSync(datasetPath('stix', name), 'utf8')) as { objects: StixObject[] }).objects;
      const expected = countByType(objects);
      const report = await importPath(t.workspace.db, datasetPath('stix', name), noop());
      expect(report, name).toMatchObject({ kind: 'stix', table: 'stix_objects', rowsRead: objects.length, rowsLoaded: objects.length, rowsRejected: 0 });
      expect(report.notes[0], name).toContain(`Objects by type: `);
      const counts = await t.workspace.db.rows<{ type: string; n: bigint }>(`SELECT type, count(*) AS n FROM stix_objects WHERE file = $name GROUP BY type`, { name });
      expect(Object.fromEntries(counts.map((c) => [c.type, Number(c.n)])), name).toEqual(expected);
    }
    const apt1 = countByType((JSON.parse(readFileSync(datasetPath('stix', 'threat-reports_apt1.json'), 'utf8')) as { objects: StixObject[] }).objects);
    expect(apt1).toMatchObject({ relationship: 30, indicator: 12, tool: 10 });
  });

  it('shows indicators and relationships in typed views, each object once at its latest version', async () => {
    const all = bundles.flatMap((name) => (JSON.parse(readFileSync(datasetPath('stix', name), 'utf8')) as { objects: StixObject[] }).objects);
    const distinct = (type: string) => new Set(all.filter((o) => o.type === type).map((o) => o.id)).size;
    expect(await t.workspace.db.value(`SELECT count(*) FROM stix_indicators`)).toBe(BigInt(distinct('indicator')));
    expect(await t.workspace.db.value(`SELECT count(*) FROM stix_relationships`)).toBe(BigInt(distinct('relationship')));
    const indicator = all.find((o) => o.type === 'indicator')!;
    const [row] = await t.workspace.db.rows(`SELECT pattern, pattern_type FROM stix_indicators WHERE id = $id`, { id: indicator.id });
    expect(row).toEqual({ pattern: indicator.pattern, pattern_type: indicator.pattern_type ?? null });
  });

  it('re-importing a bundle replaces its objects rather than adding them again', async () => {
    const before = await t.workspace.db.value(`SELECT count(*) FROM stix_objects`);
    await importPath(t.workspace.db, datasetPath('stix', 'threat-reports_poisonivy.json'), noop());
    expect(await t.workspace.db.value(`SELECT count(*) FROM stix_objects`)).toBe(before);
  });

  it('puts incidents, sightings and identities in their views, and lists an object without an id as a reject', async () => {
    const path = join(t.dir, 'clinic-incident.json');
    writeFileSync(path, JSON.stringify(INCIDENT_BUNDLE, null, 2));
    const report = await importPath(t.workspace.db, path, noop());
    expect(report).toMatchObject({ kind: 'stix', rowsRead: 6, rowsLoaded: 5, rowsRejected: 1 });
    expect(await t.workspace.db.rows(`SELECT name, description FROM stix_incidents`)).toEqual([
      { name: 'Mailbox compromise', description: 'Two staff mailboxes accessed after a phishing email.' },
    ]);
    expect(await t.workspace.db.rows(`SELECT sighting_of_ref, where_sighted_refs, count, strftime(first_seen, '%Y-%m-%d %H:%M') AS first_seen FROM stix_sightings`)).toEqual([
      { sighting_of_ref: 'indicator--aa000000-0000-4000-8000-000000000002', where_sighted_refs: ['identity--aa000000-0000-4000-8000-000000000001'], count: 14n, first_seen: '2024-03-03 08:00' },
    ]);
    expect(await t.workspace.db.rows(`SELECT name, identity_class, sectors FROM stix_identities WHERE name = 'Northside Clinic'`)).toEqual([
      { name: 'Northside Clinic', identity_class: 'organization', sectors: ['healthcare'] },
    ]);
    expect(await t.workspace.db.rows(`SELECT reason FROM bw_rejects WHERE file = 'clinic-incident.json'`)).toEqual([{ reason: 'object 6 of the bundle has no id' }]);
  });

  it('a truncated bundle fails with its file name and leaves the workspace as it was', async () => {
    const path = join(t.dir, 'cut-bundle.json');
    writeFileSync(path, JSON.stringify(INCIDENT_BUNDLE).slice(0, 400));
    const before = await workspaceSnapshot(t.workspace.db);
    const error = await importPath(t.workspace.db, path, noop()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbenchError);
    expect((error as WorkbenchError).message).toMatch(/^cut-bundle\.json.*could not be read as a STIX bundle: Malformed JSON/);
    expect(await workspaceSnapshot(t.workspace.db)).toEqual(before);
  });
});
