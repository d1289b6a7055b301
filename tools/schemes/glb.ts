// A demo alternative as a GLB a planner can count storeys on: every storey is a band of facade over
// a darker strip (floor slab and spandrel), roofs are another colour, podiums a warmer stone. One
// primitive per material, flat-shaded (each face its own vertices and normal), lit PBR colours and
// no textures, plain float positions so any glTF reader (and glbMesh.ts) takes it as it is.
// Axes: glTF y-up, metres, origin at the footprint centre at its base; +x east, −z north.
import { Document, Logger, NodeIO } from '@gltf-transform/core';
import { SPANDREL, type DemoAlternative, type DesignBox } from './design.ts';

type Rgb = readonly [number, number, number];
type Part = 'glass' | 'stone' | 'spandrel' | 'roof';

/** Linear-light base colours (glTF baseColorFactor is linear). */
const COLOURS: Record<Part, { rgb: Rgb; metallic: number; roughness: number }> = {
  glass: { rgb: [0.30, 0.42, 0.52], metallic: 0.2, roughness: 0.35 },
  stone: { rgb: [0.62, 0.55, 0.44], metallic: 0, roughness: 0.8 },
  spandrel: { rgb: [0.06, 0.07, 0.08], metallic: 0.1, roughness: 0.6 },
  roof: { rgb: [0.55, 0.55, 0.52], metallic: 0, roughness: 0.9 },
};

/** Positions and normals (glTF axes) and indices of one material's triangles. */
class Builder {
  readonly positions: number[] = [];
  readonly normals: number[] = [];
  readonly indices: number[] = [];

  /** A quad from four ENU corners (x east, y north, z up) counter-clockwise seen from outside. */
  quad(corners: readonly (readonly [number, number, number])[], n: readonly [number, number, number]): void {
    const first = this.positions.length / 3;
    for (const [x, y, z] of corners) {
      // ENU → glTF y-up: (x, y, z) → (x, z, −y), a rotation, so winding and outward normals hold.
      this.positions.push(x, z, -y);
      this.normals.push(n[0], n[2], -n[1]);
    }
    this.indices.push(first, first + 1, first + 2, first, first + 2, first + 3);
  }
}

/** The four walls of [x0, x1] × [y0, y1] between heights z0 and z1. */
function walls(b: Builder, x0: number, y0: number, x1: number, y1: number, z0: number, z1: number): void {
  b.quad([[x0, y0, z0], [x1, y0, z0], [x1, y0, z1], [x0, y0, z1]], [0, -1, 0]); // south
  b.quad([[x1, y0, z0], [x1, y1, z0], [x1, y1, z1], [x1, y0, z1]], [1, 0, 0]); // east
  b.quad([[x1, y1, z0], [x0, y1, z0], [x0, y1, z1], [x1, y1, z1]], [0, 1, 0]); // north
  b.quad([[x0, y1, z0], [x0, y0, z0], [x0, y0, z1], [x0, y1, z1]], [-1, 0, 0]); // west
}

function addBox(parts: Record<Part, Builder>, box: DesignBox, storeyHeight: number): void {
  const x0 = box.cx - box.w / 2, x1 = box.cx + box.w / 2, y0 = box.cy - box.d / 2, y1 = box.cy + box.d / 2;
  const face = box.role === 'podium' ? parts.stone : parts.glass;
  for (let k = 0; k < box.storeys; k++) {
    const z = (box.baseStorey + k) * storeyHeight;
    walls(parts.spandrel, x0, y0, x1, y1, z, z + SPANDREL);
    walls(face, x0, y0, x1, y1, z + SPANDREL, z + storeyHeight);
  }
  const top = (box.baseStorey + box.storeys) * storeyHeight;
  parts.roof.quad([[x0, y0, top], [x1, y0, top], [x1, y1, top], [x0, y1, top]], [0, 0, 1]);
}

/** The alternative as a glTF document (one node, one mesh, a primitive per material). */
export function alternativeDocument(alt: DemoAlternative, extras: Record<string, unknown> = {}): Document {
  const doc = new Document().setLogger(new Logger(Logger.Verbosity.SILENT));
  const parts: Record<Part, Builder> = { glass: new Builder(), stone: new Builder(), spandrel: new Builder(), roof: new Builder() };
  for (const box of alt.boxes) addBox(parts, box, alt.storeyHeight);
  const buffer = doc.createBuffer();
  const mesh = doc.createMesh(alt.id);
  for (const part of Object.keys(parts) as Part[]) {
    const b = parts[part];
    if (b.indices.length === 0) continue;
    const c = COLOURS[part];
    const material = doc.createMaterial(part).setBaseColorFactor([...c.rgb, 1]).setMetallicFactor(c.metallic).setRoughnessFactor(c.roughness);
    const vertices = b.positions.length / 3;
    const indices = vertices <= 65535 ? new Uint16Array(b.indices) : new Uint32Array(b.indices);
    mesh.addPrimitive(doc.createPrimitive().setMaterial(material)
      .setAttribute('POSITION', doc.createAccessor().setType('VEC3').setArray(new Float32Array(b.positions)).setBuffer(buffer))
      .setAttribute('NORMAL', doc.createAccessor().setType('VEC3').setArray(new Float32Array(b.normals)).setBuffer(buffer))
      .setIndices(doc.createAccessor().setType('SCALAR').setArray(indices).setBuffer(buffer)));
  }
  const node = doc.createNode(alt.id).setMesh(mesh);
  doc.getRoot().setDefaultScene(doc.createScene(alt.id).addChild(node));
  doc.getRoot().getAsset().generator = 'ningbo-twin scheme demo generator';
  doc.getRoot().setExtras({ synthetic: true, ...extras });
  return doc;
}

export async function encodeAlternativeGlb(alt: DemoAlternative, extras: Record<string, unknown> = {}): Promise<Uint8Array> {
  return new NodeIO().writeBinary(alternativeDocument(alt, extras));
}
