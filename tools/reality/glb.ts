// Assemble a tile's glTF: one mesh, two unlit primitives (ground+roofs with the tile's
// orthophoto; walls with the facade atlas and baked per-wall light in COLOR_0), compressed with
// EXT_meshopt_compression over KHR_mesh_quantization.
import { Document, Logger, NodeIO, TextureInfo, type Texture } from '@gltf-transform/core';
import { EXTMeshoptCompression, KHRMaterialsUnlit, KHRMeshQuantization } from '@gltf-transform/extensions';
import { meshopt } from '@gltf-transform/functions';
import { MeshoptEncoder, MeshoptDecoder } from 'meshoptimizer';
import type { TileMesh, MeshPart } from './mesh.ts';

let io: NodeIO | null = null;
/** The glTF IO with meshopt + quantization + unlit registered (the seabed writes through it too). */
export async function getIo(): Promise<NodeIO> {
  if (io) return io;
  await MeshoptEncoder.ready;
  await MeshoptDecoder.ready;
  io = new NodeIO()
    .registerExtensions([EXTMeshoptCompression, KHRMeshQuantization, KHRMaterialsUnlit])
    .registerDependencies({ 'meshopt.encoder': MeshoptEncoder, 'meshopt.decoder': MeshoptDecoder });
  return io;
}

const CLAMP = TextureInfo.WrapMode.CLAMP_TO_EDGE!;
const REPEAT = TextureInfo.WrapMode.REPEAT!;
type Wrap = typeof CLAMP;

export interface TileTextures { ortho: Uint8Array; facade: Uint8Array }

export async function encodeTileGlb(mesh: TileMesh, tex: TileTextures, extras: Record<string, unknown>): Promise<Uint8Array> {
  const doc = new Document().setLogger(new Logger(Logger.Verbosity.SILENT));
  doc.createExtension(KHRMaterialsUnlit);
  const unlit = doc.createExtension(KHRMaterialsUnlit).createUnlit();
  const buffer = doc.createBuffer();
  const scene = doc.createScene();
  const gltfMesh = doc.createMesh('reality');
  const image = (name: string, bytes: Uint8Array): Texture => doc.createTexture(name).setImage(bytes).setMimeType('image/jpeg');

  const addPart = (p: MeshPart, name: string, texture: () => Texture, wrapS: Wrap, wrapT: Wrap): void => {
    if (p.indices.length === 0) return;
    const material = doc.createMaterial(name).setBaseColorTexture(texture()).setExtension('KHR_materials_unlit', unlit)
      .setRoughnessFactor(1).setMetallicFactor(0);
    const info = material.getBaseColorTextureInfo();
    info?.setWrapS(wrapS).setWrapT(wrapT);
    const prim = doc.createPrimitive().setMaterial(material)
      .setAttribute('POSITION', doc.createAccessor().setType('VEC3').setArray(new Float32Array(p.positions)).setBuffer(buffer))
      .setAttribute('TEXCOORD_0', doc.createAccessor().setType('VEC2').setArray(new Float32Array(p.uvs)).setBuffer(buffer))
      .setIndices(doc.createAccessor().setType('SCALAR').setArray(new Uint32Array(p.indices)).setBuffer(buffer));
    if (p.colours.length > 0) {
      prim.setAttribute('COLOR_0', doc.createAccessor().setType('VEC4').setArray(new Uint8Array(p.colours)).setNormalized(true).setBuffer(buffer));
    }
    gltfMesh.addPrimitive(prim);
  };
  addPart(mesh.ground, 'ground', () => image('ortho', tex.ortho), CLAMP, CLAMP);
  addPart(mesh.walls, 'facades', () => image('facade', tex.facade), CLAMP, REPEAT);
  // Positions are relative to the tile centre (ECEF in y-up axes): the node carries the offset.
  const node = doc.createNode('tile').setTranslation([mesh.centre[0], mesh.centre[2], -mesh.centre[1]]);
  // A tile whose land lies only in its availability margin is all open sea, left out of the mesh:
  // it stays a valid, empty glTF (a mesh needs at least one primitive).
  if (gltfMesh.listPrimitives().length > 0) node.setMesh(gltfMesh);
  else { gltfMesh.dispose(); buffer.dispose(); }
  scene.addChild(node);
  doc.getRoot().setDefaultScene(scene);
  doc.getRoot().getAsset().generator = 'ningbo-twin reality generator';
  doc.getRoot().setExtras(extras);
  // 16-bit positions: a 41 km root tile keeps sub-metre steps, so vertices stay inside its region.
  await doc.transform(meshopt({ encoder: MeshoptEncoder, level: 'medium', quantizePosition: 16 }));
  return (await getIo()).writeBinary(doc);
}

export async function readGlb(bytes: Uint8Array): Promise<Document> {
  return (await getIo()).readBinary(bytes);
}
