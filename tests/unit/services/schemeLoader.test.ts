import { describe, expect, it } from 'vitest';
import { Document, NodeIO } from '@gltf-transform/core';
import { fileModels, MAX_MODEL_BYTES, readProposal } from '../../../src/services/schemeLoader.ts';
import { designAlternatives } from '../../../tools/schemes/design.ts';
import { encodeAlternativeGlb } from '../../../tools/schemes/glb.ts';

/** A valid GLB with a node but no mesh: glTF, yet nothing to stand in the city. */
async function emptyGlb(): Promise<Uint8Array> {
  const doc = new Document();
  doc.createBuffer();
  doc.createScene('s').addChild(doc.createNode('empty'));
  return new NodeIO().writeBinary(doc);
}

describe('readProposal: what a planner may load as a proposal model', () => {
  it('measures a real model', async () => {
    const alt = designAlternatives({ landUseCode: '0701', heightLimit: 100 })[0]!;
    const m = await readProposal(await encodeAlternativeGlb(alt), 1, 'alternatives[0].model', 'tower.glb');
    expect('path' in m).toBe(false);
    if (!('path' in m)) expect(m.height).toBeCloseTo(111, 3);
  });

  it('refuses a file that is not glTF, naming it', async () => {
    const r = await readProposal(new TextEncoder().encode('<html>404</html>'), 1, 'alternatives[1].model', 'slab.glb');
    expect(r).toMatchObject({ path: 'alternatives[1].model' });
    expect('message' in r && r.message).toMatch(/^slab\.glb: .*GLB/i);
  });

  it('refuses a glTF without geometry', async () => {
    const r = await readProposal(await emptyGlb(), 1, 'alternatives[0].model', 'empty.glb');
    expect('message' in r && r.message).toMatch(/empty\.glb: .*no triangles/i);
  });

  it('refuses a huge model before parsing it', async () => {
    const r = await readProposal(new Uint8Array(MAX_MODEL_BYTES + 1), 1, 'alternatives[0].model', 'city.glb');
    expect('message' in r && r.message).toMatch(/city\.glb is 64\.0 MB, more than the 64\.0 MB/);
  });

  it('a georeferenced or wrongly scaled model (kilometres across) is refused with a hint', async () => {
    const alt = designAlternatives({ landUseCode: '0701', heightLimit: 100 })[0]!;
    const r = await readProposal(await encodeAlternativeGlb(alt), 100, 'alternatives[0].model', 'tower.glb');
    expect('message' in r && r.message).toMatch(/spans \d+ m: a proposal must be a building/);
  });
});

describe('fileModels: a package chosen as files', () => {
  it('names a model the package lists but the planner did not choose', async () => {
    const source = fileModels([new File(['{}'], 'package.json')]);
    expect(await source('models/tower.glb', 'alternatives[0].model')).toEqual({
      path: 'alternatives[0].model', message: 'models/tower.glb is not among the chosen files (choose the package JSON together with its models)',
    });
  });
});

describe('loadSchemePackage: a package replaced while it loads', () => {
  it('leaves the new package alone: the first one neither adds its models nor marks the new ones', async () => {
    const { loadSchemePackage } = await import('../../../src/services/schemeLoader.ts');
    const { useSchemes } = await import('../../../src/state/schemes.ts');
    const alts = designAlternatives({ landUseCode: '0701', heightLimit: 100 });
    const glbs = await Promise.all(alts.map((a) => encodeAlternativeGlb(a)));
    const added: string[] = [];
    // The scene: adding a model takes a moment (Cesium loads it over frames).
    const controller = {
      schemes: {
        add: async (id: string) => { await new Promise((r) => setTimeout(r, 30)); added.push(id); },
        remove: () => undefined,
      },
    } as unknown as Parameters<typeof loadSchemePackage>[0];
    const pkg = (tag: string) => ({
      version: 1, parcel: 'nowhere', name: { zh: tag, en: tag },
      alternatives: ['a', 'b'].map((id) => ({ id, name: { zh: `${tag}${id}`, en: `${tag}${id}` }, model: `${id}.glb`, placement: { lon: 121.6, lat: 29.85, height: 5, heading: 0, scale: 1 }, declared: { floors: 10, gfa: 1000 } })),
    });
    // The first package's models never arrive before the second replaces it.
    let releaseFirst: () => void = () => undefined;
    const firstArrives = new Promise<void>((r) => { releaseFirst = r; });
    const first = loadSchemePackage(controller, pkg('A'), async () => { await firstArrives; return glbs[0]!; });
    await loadSchemePackage(controller, pkg('B'), async () => glbs[1]!);
    const afterSecond = [...added];
    releaseFirst();
    await first;
    expect(afterSecond.sort()).toEqual(['a', 'b']);
    expect(added.sort(), 'the replaced package added nothing more').toEqual(['a', 'b']);
    const s = useSchemes.getState();
    expect(s.alternatives.map((a) => a.name.zh)).toEqual(['Ba', 'Bb']);
    expect(s.alternatives.every((a) => a.status === 'ready')).toBe(true);
    expect(s.alternatives[0]!.indicators?.height, 'the slab, not the tower').toBeCloseTo(60, 0);
  });
});
