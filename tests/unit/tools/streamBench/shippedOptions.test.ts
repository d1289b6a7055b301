import { describe, expect, it } from 'vitest';
import { parseShippedOptions, patchMeshLayer } from '../../../../tools/lib/streamBench/shippedOptions.ts';

describe('--shipped-options', () => {
  it('accepts live 3D Tiles options with numbers and booleans', () => {
    expect(parseShippedOptions('{"skipLevelOfDetail":true,"baseScreenSpaceError":256}')).toEqual({ options: { skipLevelOfDetail: true, baseScreenSpaceError: 256 } });
  });

  it('names what is wrong: not JSON, not an object, an unknown option, a wrong value', () => {
    expect(parseShippedOptions('{skip')).toMatchObject({ error: expect.stringContaining('not JSON') });
    expect(parseShippedOptions('[1]')).toMatchObject({ error: expect.stringContaining('JSON object') });
    expect(parseShippedOptions('{"url":"/x"}')).toMatchObject({ error: expect.stringContaining('"url" is not a streaming option') });
    expect(parseShippedOptions('{"skipLevels":"2"}')).toMatchObject({ error: expect.stringContaining('"skipLevels" must be a number, true/false, or null') });
  });

  it('patches the ground mesh layer, not the first 3D Tiles layer, and leaves the rest alone', () => {
    const config = { title: 't', layers: [{ id: 'pipes', kind: '3dtiles' }, { id: 'mesh', kind: '3dtiles', ground: true, maximumScreenSpaceError: 16 }, { id: 'p', kind: 'geojson' }] };
    const r = patchMeshLayer(config, { skipLevelOfDetail: true });
    expect(r).toEqual({ config: { title: 't', layers: [{ id: 'pipes', kind: '3dtiles' }, { id: 'mesh', kind: '3dtiles', ground: true, maximumScreenSpaceError: 16, skipLevelOfDetail: true }, { id: 'p', kind: 'geojson' }] } });
    expect(config.layers[1]).not.toHaveProperty('skipLevelOfDetail');
  });

  it('puts the streaming section\'s keys into config.streaming, keeping what it had', () => {
    const config = { streaming: { maximumRequests: 64, $comment: 'c' }, layers: [{ id: 'mesh', kind: '3dtiles', ground: true }] };
    expect(parseShippedOptions('{"uploadFrameShare":0.5,"skipLevels":2}')).toEqual({ options: { uploadFrameShare: 0.5, skipLevels: 2 } });
    expect(patchMeshLayer(config, { uploadFrameShare: 0.5, skipLevels: 2 })).toEqual({
      config: { streaming: { maximumRequests: 64, $comment: 'c', uploadFrameShare: 0.5 }, layers: [{ id: 'mesh', kind: '3dtiles', ground: true, skipLevels: 2 }] },
    });
  });

  it('removes an option given null, so that Cesium\'s own default applies', () => {
    const config = { streaming: { maximumRequests: 256, uploadFrameShare: 0.5 }, layers: [{ id: 'mesh', kind: '3dtiles', ground: true, skipLevelOfDetail: true }] };
    const parsed = parseShippedOptions('{"maximumRequests":null,"skipLevelOfDetail":null}');
    expect(parsed).toEqual({ options: { maximumRequests: null, skipLevelOfDetail: null } });
    expect(patchMeshLayer(config, { maximumRequests: null, skipLevelOfDetail: null })).toEqual({
      config: { streaming: { uploadFrameShare: 0.5 }, layers: [{ id: 'mesh', kind: '3dtiles', ground: true }] },
    });
  });

  it('falls back to the first 3D Tiles layer, and says when there is none', () => {
    expect(patchMeshLayer({ layers: [{ id: 'a', kind: 'geojson' }, { id: 'b', kind: '3dtiles' }] }, { loadSiblings: true })).toEqual({ config: { layers: [{ id: 'a', kind: 'geojson' }, { id: 'b', kind: '3dtiles', loadSiblings: true }] } });
    expect(patchMeshLayer({ layers: [{ id: 'a', kind: 'geojson' }] }, {})).toEqual({ error: 'config.json: no 3D Tiles layer to patch' });
    expect(patchMeshLayer({ title: 'x' }, {})).toMatchObject({ error: expect.stringContaining('no "layers"') });
  });
});
