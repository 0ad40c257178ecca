import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
// Bundled into the window at build time: the map needs no network when it runs.
import statesTopology from 'us-atlas/states-10m.json';
import { echarts } from './echarts-setup';
import { STATE_BY_FIPS } from '../../../shared/us-states';

export const US_MAP = 'us-states';

type Projection = (lon: number, lat: number) => [number, number];

/** Albers equal-area conic on the unit sphere (Snyder, Map Projections, p. 100), north up. */
function albers(lon0: number, lat0: number, lat1: number, lat2: number): Projection {
  const rad = Math.PI / 180;
  const n = (Math.sin(lat1 * rad) + Math.sin(lat2 * rad)) / 2;
  const c = Math.cos(lat1 * rad) ** 2 + 2 * n * Math.sin(lat1 * rad);
  const rho0 = Math.sqrt(c - 2 * n * Math.sin(lat0 * rad)) / n;
  return (lon, lat) => {
    const rho = Math.sqrt(c - 2 * n * Math.sin(lat * rad)) / n;
    const theta = n * (lon - lon0) * rad;
    return [rho * Math.sin(theta), rho0 - rho * Math.cos(theta)];
  };
}

/**
 * The familiar US layout (as d3's albersUsa draws it): the lower 48 in one conic projection, Alaska
 * shrunk and Hawaii and Puerto Rico moved into insets. Guam, the Northern Marianas, American Samoa
 * and the Virgin Islands are too far off to draw; the chart lists them in a note and in its table.
 */
const INSETS: Record<string, { projection: Projection; box: [number, number, number, number] }> = {
  // box: [left, bottom, width, height] as fractions of the lower 48's extent
  '02': { projection: albers(-154, 58.5, 55, 65), box: [0.0, -0.02, 0.2, 0.3] },
  '15': { projection: albers(-157, 19.9, 8, 18), box: [0.22, 0.0, 0.12, 0.12] },
  '72': { projection: albers(-66.5, 18.2, 8, 18), box: [0.84, -0.02, 0.08, 0.05] },
};
const MAIN = albers(-96, 37.5, 29.5, 45.5);
export const OFF_MAP_FIPS = new Set(['60', '66', '69', '78']);

function mapRings(geometry: Geometry, project: (p: Position) => Position): Geometry {
  if (geometry.type === 'Polygon') return { ...geometry, coordinates: geometry.coordinates.map((ring) => ring.map(project)) };
  if (geometry.type === 'MultiPolygon') return { ...geometry, coordinates: geometry.coordinates.map((poly) => poly.map((ring) => ring.map(project))) };
  return geometry;
}

function extent(features: Feature[]): [number, number, number, number] {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of features) {
    const visit = (p: Position) => {
      x0 = Math.min(x0, p[0]!);
      y0 = Math.min(y0, p[1]!);
      x1 = Math.max(x1, p[0]!);
      y1 = Math.max(y1, p[1]!);
      return p;
    };
    mapRings(f.geometry, visit);
  }
  return [x0, y0, x1, y1];
}

/** The states as projected GeoJSON whose feature names are USPS codes ("CA"), as OCR writes them. */
export function projectedStates(): FeatureCollection {
  const topology = statesTopology as unknown as Topology<{ states: GeometryCollection<{ name: string }> }>;
  const all = (feature(topology, topology.objects.states) as FeatureCollection).features.filter((f) => !OFF_MAP_FIPS.has(String(f.id)));
  const project = (f: Feature, projection: Projection): Feature => ({
    ...f,
    // Alaska's Aleutians cross the antimeridian: keep them west of it.
    geometry: mapRings(f.geometry, (p) => projection(String(f.id) === '02' && p[0]! > 0 ? p[0]! - 360 : p[0]!, p[1]!)),
  });
  const main = all.filter((f) => !INSETS[String(f.id)]).map((f) => project(f, MAIN));
  const [mx0, my0, mx1, my1] = extent(main);
  const [w, h] = [mx1 - mx0, my1 - my0];
  const insets = all
    .filter((f) => INSETS[String(f.id)])
    .map((f) => {
      const inset = INSETS[String(f.id)]!;
      const projected = project(f, inset.projection);
      const [x0, y0, x1, y1] = extent([projected]);
      const [left, bottom, bw, bh] = inset.box;
      const scale = Math.min((bw * w) / (x1 - x0), (bh * h) / (y1 - y0));
      return { ...projected, geometry: mapRings(projected.geometry, (p) => [mx0 + left * w + (p[0]! - x0) * scale, my0 + bottom * h + (p[1]! - y0) * scale]) };
    });
  const named = [...main, ...insets].map((f) => ({ ...f, properties: { name: STATE_BY_FIPS[String(f.id)]?.code ?? String(f.id) } }));
  return { type: 'FeatureCollection', features: named };
}

let registered = false;

/** Registers the map with ECharts once; the projected coordinates are drawn as they are (aspectScale 1). */
export function ensureUsMap(): void {
  if (registered) return;
  echarts.registerMap(US_MAP, projectedStates() as unknown as Parameters<typeof echarts.registerMap>[1]);
  registered = true;
}
