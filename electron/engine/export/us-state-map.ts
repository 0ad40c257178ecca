import { createRequire } from 'node:module';
import * as echarts from 'echarts';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

// Read through require: a bare JSON import needs an import attribute in Node's ESM, and the built
// engine leaves us-atlas outside the bundle.
const requireJson = createRequire(import.meta.url);

/**
 * The US states for report maps: us-atlas's states already projected with d3's Albers USA (Alaska
 * and Hawaii inset), so the map needs no projection code and no network. Its features are named
 * (shared/us-states.ts joins OCR's USPS codes to them). Puerto Rico and the other territories are not on
 * this projection: a map lists them under the picture instead.
 */
export const US_MAP = 'us-states-albers';

let registered = false;
let onMap: ReadonlySet<string> = new Set();

/** Registers the map with ECharts once per process; returns the state names it draws. */
export function ensureUsMap(): ReadonlySet<string> {
  if (!registered) {
    const topology = requireJson('us-atlas/states-albers-10m.json') as Topology<{ states: GeometryCollection<{ name: string }> }>;
    const states = feature(topology, topology.objects.states);
    echarts.registerMap(US_MAP, states as unknown as Parameters<typeof echarts.registerMap>[1]);
    onMap = new Set(states.features.map((f) => f.properties.name));
    registered = true;
  }
  return onMap;
}
