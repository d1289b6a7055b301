// A seabed tile as glb: one unlit primitive with baked vertex colours (the depth ramp × hillshade),
// compressed with EXT_meshopt_compression over KHR_mesh_quantization like the reality mesh
// (tools/reality/glb.ts), so both layers load through the same decoders.
import { Document, Logger } from '@gltf-transform/core';
import { KHRMaterialsUnlit } from '@gltf-transform/extensions';
import { meshopt } from '@gltf-transform/functions';
import { MeshoptEncoder } from 'meshoptimizer';
import { getIo } from '../reality/glb.ts';
import type { SeabedMesh } from './mesh.ts';

export async function encodeSeabedGlb(mesh: SeabedMesh, extras: Record<string, unknown>): Promise<Uint8Array> {
  const doc = new Document().setLogger(new Logger(Logger.Verbosity.SILENT));
  // Positions are relative to the tile centre (ECEF in y-up axes): the node carries the offset.
  const node = doc.createNode('seabed').setTranslation([mesh.centre[0], mesh.centre[2], -mesh.centre[1]]);
  // Nothing but the node when no triangle is kept: a glTF mesh needs at least one primitive.
  if (mesh.indices.length > 0) {
    const unlit = doc.createExtension(KHRMaterialsUnlit).createUnlit();
    // Double-sided: the skirts are seen from either side when the camera dips under a tile edge.
    const material = doc.createMaterial('seabed').setExtension('KHR_materials_unlit', unlit).setDoubleSided(true)
      .setRoughnessFactor(1).setMetallicFactor(0);
    const buffer = doc.createBuffer();
    const prim = doc.createPrimitive().setMaterial(material)
      .setAttribute('POSITION', doc.createAccessor().setType('VEC3').setArray(new Float32Array(mesh.positions)).setBuffer(buffer))
      .setAttribute('COLOR_0', doc.createAccessor().setType('VEC4').setArray(new Uint8Array(mesh.colours)).setNormalized(true).setBuffer(buffer))
      .setIndices(doc.createAccessor().setType('SCALAR').setArray(new Uint32Array(mesh.indices)).setBuffer(buffer));
    node.setMesh(doc.createMesh('seabed').addPrimitive(prim));
  }
  const scene = doc.createScene().addChild(node);
  doc.getRoot().setDefaultScene(scene);
  doc.getRoot().getAsset().generator = 'ningbo-twin seabed generator';
  doc.getRoot().setExtras(extras);
  // 16-bit positions: sub-metre steps across the largest (root) tile, so vertices stay in its region.
  const io = await getIo(); // also waits for the meshopt encoder
  await doc.transform(meshopt({ encoder: MeshoptEncoder, level: 'medium', quantizePosition: 16 }));
  return io.writeBinary(doc);
}

export async function readSeabedGlb(bytes: Uint8Array): Promise<Document> {
  return (await getIo()).readBinary(bytes);
}
