// Render cases are data: a camera, a size and a tolerance. Each renders with ?ui=0 at DPR 1 and
// is captured once the viewer reports tilesSettled.
export interface RenderCase {
  readonly name: string;
  /** lon, lat, height (m), heading, pitch, roll (degrees): the ?camera= test hook. */
  readonly camera: readonly [number, number, number, number, number, number];
  readonly width: number;
  readonly height: number;
  /** pixelmatch per-pixel colour threshold, 0..1. */
  readonly threshold: number;
  /** Largest share of pixels allowed to differ. */
  readonly maxDiffShare: number;
  /** Extra URL parameters (e.g. a config). */
  readonly params?: Readonly<Record<string, string>>;
  /** DOM overlays hidden before the capture: the watermark prints the time (e2e tests it). */
  readonly hide?: readonly string[];
}

export const renderCases: readonly RenderCase[] = [
  {
    // 三江口: the three rivers meet among the CBD towers; looking north, oblique.
    name: 'sanjiangkou',
    camera: [121.556, 29.8576, 1200, 0, -35, 0],
    width: 1280,
    height: 720,
    threshold: 0.1,
    maxDiffShare: 0.005,
    // The mesh over the base map alone: planning overlays have their own case.
    params: { layers: 'reality,base' },
  },
  {
    // 东部新城 with projects (by stage) and control lines draped on the mesh: colours must lie on
    // the ground and roofs, not float or slice through buildings.
    name: 'dongbu-planning',
    camera: [121.618, 29.848, 1100, 0, -50, 0],
    width: 1280,
    height: 720,
    threshold: 0.1,
    maxDiffShare: 0.005,
    params: { layers: 'reality,base,projects,controlLines' },
  },
  {
    // Underground mode at a 东部新城 crossroads: pipes of several classes in their CJJ 61 colours
    // (water cyan, drains brown, gas magenta, power red, telecom green) through the translucent ground.
    name: 'underground-pipes',
    camera: [121.6278, 29.8665, 60, 0, -35, 0],
    width: 1280,
    height: 720,
    threshold: 0.1,
    maxDiffShare: 0.005,
    params: { layers: 'reality,base,pipelines', underground: '0.25' },
    hide: ['.watermark'],
  },
  {
    // A preset road trench cut into the mesh: lined walls, the −5.0 m label, pipes crossing the pit.
    name: 'excavation-pit',
    camera: [121.6, 29.8716, 70, 0, -50, 0],
    width: 1280,
    height: 720,
    threshold: 0.1,
    maxDiffShare: 0.005,
    params: { layers: 'reality,base,pipelines', pits: 'zhongshan-crossing' },
    hide: ['.watermark'],
  },
  {
    // The seabed off 镇海/北仑 and the 金塘水道 in its depth ramp, under a translucent water surface.
    name: 'seabed',
    camera: [121.80, 29.86, 9000, 10, -40, 0],
    width: 1280,
    height: 720,
    threshold: 0.1,
    maxDiffShare: 0.005,
    params: { layers: 'reality,base,seabed,water' },
  },
];

export function caseUrl(c: RenderCase): string {
  const params = new URLSearchParams({ ui: '0', camera: c.camera.join(','), ...(c.params ?? {}) });
  return `/?${params.toString()}`;
}
