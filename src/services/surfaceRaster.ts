// The surface an analysis reads, as the planner sees the scene: the reality mesh's finest tiles
// over the area (fetched from this server, parsed and rasterised in the domain), the site cleared
// to its ground where alternatives stand on a cleared parcel, and the shown proposals in it.
import { MeshoptDecoder } from 'meshoptimizer/decoder';
import type { LonLatHeight } from '../domain/review/frame.ts';
import { localFrame } from '../domain/review/frame.ts';
import { ecefToEnuMatrix, enuToEcefMatrix, multiply, transformPoints } from '../domain/review/glbMesh.ts';
import { buildSurfaceRaster, type SurfaceResult } from '../domain/review/meshSurface.ts';
import { touched, type HeightRaster } from '../domain/review/raster.ts';
import { rasterizeTriangles } from '../domain/review/rasterize.ts';
import { pointInPolygons } from '../domain/planning/parcelIndex.ts';
import { useLayers } from '../state/layers.ts';
import { shownAlternatives, useSchemes } from '../state/schemes.ts';
import { placedProposals } from './schemeLoader.ts';

export interface AnalysisArea { readonly center: LonLatHeight; readonly halfWidth: number; readonly halfHeight: number }

/** The ground (reality mesh) layer's tileset URL, absolute; undefined when none is configured. */
export function groundTilesetUrl(): string | undefined {
  const layer = useLayers.getState().layers.find((l) => l.kind === '3dtiles' && (l as { ground?: boolean }).ground === true);
  const url = (layer as { url?: string } | undefined)?.url;
  return url ? new URL(url, location.href).href : undefined;
}

async function fetchBytes(url: string): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

/** Writes the shown alternatives into the raster, on their site cleared to its ground (as the scene shows them). */
export function placeProposals(raster: HeightRaster): number {
  const s = useSchemes.getState();
  const shown = shownAlternatives(s);
  if (shown.length === 0) return 0;
  const frame = localFrame(raster.origin);
  if (s.clearSite && s.parcel) {
    const ground = Math.min(...s.alternatives.filter((a) => shown.includes(a.id) && a.ground !== undefined).map((a) => a.ground!));
    const z = frame.fromGeodetic({ lon: s.parcel.bbox[0], lat: s.parcel.bbox[1], height: ground })[2];
    // Only cells within the parcel's bounding box can be inside it: a 200 m area loaded with its
    // shadow margin has over a million cells, the parcel a few thousand.
    const [w, sth, e, nth] = s.parcel.bbox;
    const corners = [[w, sth], [e, sth], [e, nth], [w, nth]].map(([lon, lat]) => frame.fromGeodetic({ lon: lon!, lat: lat!, height: ground }));
    const span = (k: 0 | 1, origin: number, n: number): [number, number] => [
      Math.max(0, Math.floor((Math.min(...corners.map((c) => c[k])) - origin) / raster.cell) - 1),
      Math.min(n - 1, Math.ceil((Math.max(...corners.map((c) => c[k])) - origin) / raster.cell) + 1),
    ];
    const [i0, i1] = span(0, raster.x0, raster.cols), [j0, j1] = span(1, raster.y0, raster.rows);
    for (let j = j0; j <= j1; j++) {
      for (let i = i0; i <= i1; i++) {
        const g = frame.toGeodetic([raster.x0 + i * raster.cell, raster.y0 + j * raster.cell, 0]);
        if (pointInPolygons(g.lon, g.lat, s.parcel.polygons)) raster.heights[j * raster.cols + i] = z;
      }
    }
    touched(raster);
  }
  let written = 0;
  for (const p of placedProposals(shown)) {
    // Triangles are ENU-oriented at the model's origin (heading 0, scaled): turn and place them.
    const origin = { lon: p.placement.lon, lat: p.placement.lat, height: p.placement.height };
    const h = (p.placement.heading * Math.PI) / 180, c = Math.cos(h), sn = Math.sin(h);
    // Clockwise from above about up (column-major), as placementMatrix turns a model.
    const turn = new Float64Array([c, -sn, 0, 0, sn, c, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]);
    const m = multiply(ecefToEnuMatrix(raster.origin), multiply(enuToEcefMatrix(origin), turn));
    written += rasterizeTriangles(raster, transformPoints(p.triangles, m));
  }
  return written;
}

/** Builds the analysis surface at `cell` metres; progress reports tiles done of total. */
export async function analysisSurface(area: AnalysisArea, cell: number, onProgress?: (done: number, total: number) => void): Promise<SurfaceResult> {
  const rootUrl = groundTilesetUrl();
  if (!rootUrl) throw new Error('no reality mesh layer (a 3dtiles layer with "ground": true) is configured');
  await MeshoptDecoder.ready;
  const result = await buildSurfaceRaster({ rootUrl, fetchBytes, decoder: MeshoptDecoder, area, cell, ...(onProgress ? { onProgress } : {}) });
  placeProposals(result.raster);
  return result;
}
