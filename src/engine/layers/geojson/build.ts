// Turns validated planning features into two batched classification primitives: the fills (one
// GroundPrimitive, per-instance colour and show) and the outlines (one GroundPolylinePrimitive).
// Both classify terrain and 3D Tiles, so they drape over the reality mesh instead of slicing
// through it, and batching keeps thousands of polygons to a handful of draw calls.
import {
  Cartesian3, ClassificationType, Color, ColorGeometryInstanceAttribute, GeometryInstance, GroundPolylineGeometry,
  GroundPolylinePrimitive, GroundPrimitive, PerInstanceColorAppearance, PolygonGeometry, PolygonHierarchy,
  PolylineColorAppearance, ShowGeometryInstanceAttribute,
} from 'cesium';
import { featureClass, featureClassOf, featureIdOf, type Feature, type PlanningSchema, type Position } from '../../../domain/planning/index.ts';

/** What `scene.pick` returns as `id` for a planning feature: the layer and the feature's id. */
export interface PlanningPickId {
  readonly kind: 'planningFeature';
  readonly layerId: string;
  readonly featureId: string;
  /** Which polygon part or ring: instance ids must be unique within a primitive. */
  readonly part: number;
}

export function isPlanningPickId(v: unknown): v is PlanningPickId {
  return typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'planningFeature';
}

export interface BuiltFeature {
  readonly id: string;
  readonly cls: string;
  readonly fillIds: PlanningPickId[];
  readonly lineIds: PlanningPickId[];
  readonly fill: Color | null;
  readonly stroke: Color;
}

export interface BuiltLayer {
  readonly features: BuiltFeature[];
  readonly fills?: GroundPrimitive;
  readonly outlines?: GroundPolylinePrimitive;
  /** [west, south, east, north] of all features, degrees. */
  readonly bbox: [number, number, number, number] | undefined;
}

function polygonsOf(f: Feature): Position[][][] {
  const g = f.geometry;
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type === 'MultiPolygon') return g.coordinates;
  return [];
}

function linesOf(f: Feature): Position[][] {
  const g = f.geometry;
  if (g.type === 'LineString') return [g.coordinates];
  if (g.type === 'MultiLineString') return g.coordinates;
  return polygonsOf(f).flat();
}

const toCartesians = (ring: readonly Position[]): Cartesian3[] => Cartesian3.fromDegreesArray(ring.flatMap((p) => [p[0], p[1]]));

/** A ring without its closing position (GroundPolylineGeometry closes it with `loop`). */
function openRing(ring: readonly Position[]): readonly Position[] {
  const a = ring[0];
  const b = ring[ring.length - 1];
  return a && b && a[0] === b[0] && a[1] === b[1] ? ring.slice(0, -1) : ring;
}

const rgb = (c: readonly [number, number, number]): Color => Color.fromBytes(c[0], c[1], c[2], 255);

export interface BuildOptions {
  readonly layerId: string;
  readonly schema: PlanningSchema;
  readonly outlineWidth: number;
  readonly show: boolean;
}

export function buildPlanningPrimitives(features: readonly Feature[], o: BuildOptions): BuiltLayer {
  const fillInstances: GeometryInstance[] = [];
  const lineInstances: GeometryInstance[] = [];
  const built: BuiltFeature[] = [];
  let bbox: [number, number, number, number] | undefined;
  features.forEach((f, index) => {
    const id = featureIdOf(o.schema, f, index);
    const cls = featureClassOf(o.schema, f.properties);
    const style = featureClass(o.schema, cls);
    const fill = style?.fill ? rgb(style.fill) : null;
    const stroke = rgb(style?.stroke ?? [255, 255, 255]);
    const b: BuiltFeature = { id, cls, fillIds: [], lineIds: [], fill, stroke };
    let part = 0;
    if (fill) {
      for (const poly of polygonsOf(f)) {
        const [outer, ...holes] = poly;
        if (!outer) continue;
        const pickId: PlanningPickId = { kind: 'planningFeature', layerId: o.layerId, featureId: id, part: part++ };
        b.fillIds.push(pickId);
        fillInstances.push(new GeometryInstance({
          id: pickId,
          geometry: new PolygonGeometry({
            polygonHierarchy: new PolygonHierarchy(toCartesians(outer), holes.map((h) => new PolygonHierarchy(toCartesians(h)))),
          }),
          attributes: { color: ColorGeometryInstanceAttribute.fromColor(fill), show: new ShowGeometryInstanceAttribute(true) },
        }));
      }
    }
    const closed = f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon';
    for (const line of linesOf(f)) {
      const pts = closed ? openRing(line) : line;
      if (pts.length < 2) continue;
      for (const p of pts) {
        bbox = bbox ? [Math.min(bbox[0], p[0]), Math.min(bbox[1], p[1]), Math.max(bbox[2], p[0]), Math.max(bbox[3], p[1])] : [p[0], p[1], p[0], p[1]];
      }
      const pickId: PlanningPickId = { kind: 'planningFeature', layerId: o.layerId, featureId: id, part: part++ };
      b.lineIds.push(pickId);
      lineInstances.push(new GeometryInstance({
        id: pickId,
        geometry: new GroundPolylineGeometry({ positions: toCartesians(pts), width: o.outlineWidth, loop: closed }),
        attributes: { color: ColorGeometryInstanceAttribute.fromColor(stroke), show: new ShowGeometryInstanceAttribute(true) },
      }));
    }
    built.push(b);
  });
  const fills = fillInstances.length
    ? new GroundPrimitive({
      geometryInstances: fillInstances,
      appearance: new PerInstanceColorAppearance({ flat: true, translucent: true }),
      classificationType: ClassificationType.BOTH,
      show: o.show,
    })
    : undefined;
  const outlines = lineInstances.length
    ? new GroundPolylinePrimitive({
      geometryInstances: lineInstances,
      appearance: new PolylineColorAppearance(),
      classificationType: ClassificationType.BOTH,
      show: o.show,
    })
    : undefined;
  return { features: built, ...(fills ? { fills } : {}), ...(outlines ? { outlines } : {}), bbox };
}
