// Excavation pits (开挖分析): each pit cuts the reality mesh and the globe away inside its ring
// (ClippingPolygonCollection, WebGL 2 only) and draws what the cut reveals: walls from the ground
// down to the floor, lined every metre and strongly every 5 m, a floor, and a depth label.
//
// A ClippingPolygonCollection belongs to exactly one owner, so there is one collection per owner
// (the globe and each target tileset), each holding one ClippingPolygon per pit. Collections are
// attached only while there is a pit: an owner without one keeps its unclipped shaders. In Cesium
// 1.145 a collection holds no GPU resources (its destroy() is deprecated), so detaching it from
// its owner is the whole release.
import {
  Cartesian3, ClippingPolygon, ClippingPolygonCollection, Color, ColorGeometryInstanceAttribute,
  GeometryInstance, LabelCollection, Material, MaterialAppearance, PerInstanceColorAppearance, PolygonGeometry,
  PolygonHierarchy, Primitive, VertexFormat, VerticalOrigin, WallGeometry,
  type Cesium3DTileset, type Globe, type Viewer,
} from 'cesium';
import type { LonLat } from '../../domain/excavation/pit.ts';
import { createGroundSampler } from './groundSampling.ts';
import type { Issue } from '../../domain/schemas/issues.ts';
import {
  labelAnchor, PIT_WALL_SHADER, pitLabelText, pitLevels, preparePit, resolveGroundHeights, wallBands,
  type PitInput, type PitLevels, type WallBand,
} from './excavationGeometry.ts';

export type { PitInput } from './excavationGeometry.ts';

export interface Excavation {
  /** Whether this context can clip (WebGL 2). When false, pits are drawn but nothing is cut away. */
  readonly supported: boolean;
  /** What is drawn, for tests: pits drawn, and owners (globe + tilesets) carrying our clipping. */
  readonly drawn: { pits: number; clippedTargets: number };
  /**
   * Adds (or replaces, by id) a pit. Resolves once it is drawn, with the ring's issues instead
   * when the pit is invalid (nothing is drawn then). Ground heights missing from `pit` are sampled
   * from the scene first (mesh at most detail, then the current view, then the globe).
   */
  addPit(pit: PitInput): Promise<readonly Issue[]>;
  removePit(id: string): void;
  clear(): void;
  /** Ids of the pits, drawn or still sampling their ground, in the order they were added. */
  pits(): readonly string[];
  /** The ground and floor heights of a drawn pit (ellipsoidal metres). */
  levels(id: string): PitLevels | undefined;
  /** Call when a target tileset appears or goes: attaches clipping to new ones, forgets gone ones. */
  refreshTargets(): void;
  destroy(): void;
}

type ClipOwner = Globe | Cesium3DTileset;
/** The typings declare the owners' property non-optional; assigning undefined is how to detach. */
type Detachable = { clippingPolygons: ClippingPolygonCollection | undefined };

interface Attachment {
  readonly collection: ClippingPolygonCollection;
  /** False when the owner already had someone else's collection: our polygons join it. */
  readonly ours: boolean;
}

interface DrawnPit {
  readonly polygon: ClippingPolygon;
  readonly primitives: (Primitive | LabelCollection)[];
  readonly levels: PitLevels;
}

const WALL = Color.fromCssColorString('#a1887f');
const MINOR_LINE = Color.WHITE.withAlpha(0.6);
const MAJOR_LINE = Color.fromCssColorString('#ffd600');
const FLOOR = Color.fromCssColorString('#6d4c41');
const LABEL_BACKGROUND = Color.fromCssColorString('#263238').withAlpha(0.85);

function wallMaterial(depth: number): Material {
  return new Material({
    fabric: {
      type: 'ExcavationPitWall',
      uniforms: { wallColor: WALL, minorColor: MINOR_LINE, majorColor: MAJOR_LINE, pitDepth: depth },
      source: PIT_WALL_SHADER,
    },
    translucent: false,
  });
}

function wallPrimitive(positions: Cartesian3[], band: WallBand, appearance: 'lined' | 'plain', depth: number): Primitive {
  const lined = appearance === 'lined';
  const geometry = new WallGeometry({
    positions, minimumHeights: band.minimumHeights, maximumHeights: band.maximumHeights,
    vertexFormat: lined ? VertexFormat.POSITION_NORMAL_AND_ST : PerInstanceColorAppearance.VERTEX_FORMAT,
  });
  return new Primitive({
    geometryInstances: lined
      ? new GeometryInstance({ geometry })
      : new GeometryInstance({ geometry, attributes: { color: ColorGeometryInstanceAttribute.fromColor(WALL) } }),
    // closed: false draws both faces: the walls are seen from inside the pit.
    appearance: lined
      ? new MaterialAppearance({ material: wallMaterial(depth), translucent: false, closed: false, faceForward: true })
      : new PerInstanceColorAppearance({ translucent: false, closed: false, faceForward: true }),
    // Tiny geometry: build it now rather than in a worker, so it shows in the next frame.
    asynchronous: false,
    allowPicking: true,
  });
}


/**
 * `targets` returns the tilesets to cut: the ground (reality mesh) tilesets only. A pipelines or
 * other underground tileset must not be listed: the pit is there to reveal it, and clipping it
 * would cut the pipes away with the ground. The globe is always cut.
 */
export function createExcavation(viewer: Viewer, targets: () => readonly Cesium3DTileset[]): Excavation {
  const scene = viewer.scene;
  const supported = ClippingPolygonCollection.isSupported(scene) === true;
  const order: string[] = [];
  const pits = new Map<string, DrawnPit>();
  /** Pits still sampling their ground: id → the token of the latest addPit for it. */
  const pending = new Map<string, number>();
  const attached = new Map<ClipOwner, Attachment>();
  const drawn = { pits: 0, clippedTargets: 0 };
  let nextToken = 0;
  let destroyed = false;
  let timer: ReturnType<typeof setInterval> | undefined;

  /** requestRenderMode: render now, and for a moment while clipping and primitives settle. */
  const changed = () => {
    if (viewer.isDestroyed()) return;
    scene.requestRender();
    clearInterval(timer);
    let n = 0;
    timer = setInterval(() => {
      if (viewer.isDestroyed() || ++n > 30) clearInterval(timer);
      else scene.requestRender();
    }, 100);
  };

  const currentOwners = (): ClipOwner[] => {
    const owners: ClipOwner[] = [];
    if (scene.globe && !scene.globe.isDestroyed()) owners.push(scene.globe);
    for (const t of targets()) if (!t.isDestroyed()) owners.push(t);
    return owners;
  };

  const attach = (owner: ClipOwner): Attachment | undefined => {
    const polygons = [...pits.values()].map((p) => p.polygon);
    const existing = (owner as unknown as Detachable).clippingPolygons;
    if (existing) {
      // Someone else's inverse clipping keeps only what is inside their polygons: adding ours
      // there would show the pit's area instead of cutting it away. Leave that owner alone.
      if (existing.inverse) return undefined;
      polygons.forEach((p) => existing.add(p));
      return { collection: existing, ours: false };
    }
    const collection = new ClippingPolygonCollection({ polygons, inverse: false });
    owner.clippingPolygons = collection;
    return { collection, ours: true };
  };

  const detach = (owner: ClipOwner, a: Attachment): void => {
    if (owner.isDestroyed()) return;
    const target = owner as unknown as Detachable;
    if (a.ours) {
      if (target.clippingPolygons === a.collection) target.clippingPolygons = undefined;
    } else {
      for (const p of pits.values()) a.collection.remove(p.polygon);
    }
  };

  /** Attach to every current owner while there are pits; detach from gone owners or when none. */
  const syncClipping = (): void => {
    const want = new Set(supported && pits.size > 0 && !destroyed ? currentOwners() : []);
    // An owner whose collection someone else replaced since is attached afresh (to theirs).
    const replaced = (owner: ClipOwner, a: Attachment) =>
      a.ours && !owner.isDestroyed() && (owner as unknown as Detachable).clippingPolygons !== a.collection;
    for (const [owner, a] of attached) {
      if (!want.has(owner) || replaced(owner, a)) {
        detach(owner, a);
        attached.delete(owner);
      }
    }
    for (const owner of want) {
      if (attached.has(owner)) continue;
      const a = attach(owner);
      if (a) attached.set(owner, a);
    }
    drawn.clippedTargets = attached.size;
    drawn.pits = pits.size;
  };

  const sampleGround = createGroundSampler(viewer, targets);

  const drawPit = (ring: readonly LonLat[], ground: readonly number[], depth: number): DrawnPit => {
    const levels = pitLevels(ground, depth);
    const bands = wallBands(ground, depth);
    const flat = ring.flatMap((p) => [p.lon, p.lat]);
    const outline = Cartesian3.fromDegreesArray(flat);
    const closed = Cartesian3.fromDegreesArray([...flat, ring[0]!.lon, ring[0]!.lat]);
    const primitives: (Primitive | LabelCollection)[] = [wallPrimitive(closed, bands.main, 'lined', levels.rim - levels.floor)];
    if (bands.collar) primitives.push(wallPrimitive(closed, bands.collar, 'plain', 0));
    primitives.push(new Primitive({
      geometryInstances: new GeometryInstance({
        geometry: new PolygonGeometry({ polygonHierarchy: new PolygonHierarchy(outline), height: levels.floor, vertexFormat: PerInstanceColorAppearance.VERTEX_FORMAT }),
        attributes: { color: ColorGeometryInstanceAttribute.fromColor(FLOOR) },
      }),
      appearance: new PerInstanceColorAppearance({ translucent: false, closed: false }),
      asynchronous: false,
    }));
    const labels = new LabelCollection({ scene });
    const anchor = labelAnchor(ring, levels);
    labels.add({
      position: Cartesian3.fromDegrees(anchor.lon, anchor.lat, anchor.height),
      text: pitLabelText(depth),
      font: '600 15px sans-serif',
      fillColor: Color.WHITE,
      showBackground: true,
      backgroundColor: LABEL_BACKGROUND,
      verticalOrigin: VerticalOrigin.BOTTOM,
      disableDepthTestDistance: Number.POSITIVE_INFINITY,
    });
    primitives.push(labels);
    primitives.forEach((p) => scene.primitives.add(p));
    return { polygon: new ClippingPolygon({ positions: outline }), primitives, levels };
  };

  const removePit = (id: string): void => {
    pending.delete(id);
    const i = order.indexOf(id);
    if (i >= 0) order.splice(i, 1);
    const pit = pits.get(id);
    if (!pit) return;
    for (const a of attached.values()) a.collection.remove(pit.polygon);
    pits.delete(id);
    // remove() destroys each primitive too (primitives.destroyPrimitives is true).
    if (!viewer.isDestroyed()) pit.primitives.forEach((p) => scene.primitives.remove(p));
    syncClipping();
    changed();
  };

  const addPit = async (input: PitInput): Promise<readonly Issue[]> => {
    if (destroyed) return [{ path: '', message: 'the excavation tool has been destroyed' }];
    const prepared = preparePit(input);
    if (prepared.issues.length > 0) return prepared.issues;
    removePit(input.id);
    const token = ++nextToken;
    pending.set(input.id, token);
    order.push(input.id);
    // Sample before this pit clips anything, so the mesh is still there to be sampled.
    const sampled = prepared.given.some((h) => h === undefined) ? await sampleGround(prepared.ring) : [];
    if (destroyed || viewer.isDestroyed() || pending.get(input.id) !== token) return []; // removed or replaced meanwhile
    pending.delete(input.id);
    const known = [...prepared.given, ...sampled].filter((h): h is number => h !== undefined && Number.isFinite(h));
    const ground = resolveGroundHeights(prepared.given, sampled, known.length > 0 ? Math.min(...known) : 0);
    const pit = drawPit(prepared.ring, ground, input.depth);
    pits.set(input.id, pit);
    for (const a of attached.values()) a.collection.add(pit.polygon);
    syncClipping();
    changed();
    return [];
  };

  return {
    supported,
    drawn,
    addPit,
    removePit,
    clear() {
      [...order].forEach(removePit);
    },
    pits: () => [...order],
    levels: (id) => pits.get(id)?.levels,
    refreshTargets() {
      syncClipping();
      changed();
    },
    destroy() {
      if (destroyed) return;
      [...order].forEach(removePit);
      destroyed = true;
      syncClipping();
      clearInterval(timer);
      if (!viewer.isDestroyed()) scene.requestRender();
    },
  };
}
