// The Cesium3DTileset options a 3D Tiles layer may set and change on a live tileset (named as
// Cesium names them, so reference/streaming.md applies directly). Domain data: the layer kind
// applies them, the streaming benchmark's --shipped-options checks keys against them.
export const TILESET_LIVE_OPTIONS = [
  'maximumScreenSpaceError', 'cacheBytes', 'maximumCacheOverflowBytes', 'dynamicScreenSpaceError',
  'foveatedScreenSpaceError', 'skipLevelOfDetail', 'cullRequestsWhileMoving', 'progressiveResolutionHeightFraction',
  'immediatelyLoadDesiredLevelOfDetail', 'baseScreenSpaceError', 'skipScreenSpaceErrorFactor', 'skipLevels', 'loadSiblings',
] as const;
