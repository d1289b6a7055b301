// Placeholder until the reality-mesh generator lands: the server asks this hook to produce a
// missing file under the tilesets directory. Replaced by the generator's real implementation.
export type OnMissing = (relPath: string) => Promise<boolean>;
export function createRealityOnDemand(_tilesetsDir: string): OnMissing {
  return async () => false;
}
