// The last image export's facts, for the test API (the PNG itself goes to the download).
import type { Box } from './exportImage.ts';

export interface ExportRecord {
  readonly fileName: string;
  readonly width: number;
  readonly height: number;
  /** Layer ids listed in the legend. */
  readonly legendSections: readonly string[];
  readonly legendBox?: Box;
  readonly scaleLabel?: string;
  readonly watermark: boolean;
}

let last: ExportRecord | undefined;

export function recordExport(r: ExportRecord): void {
  last = r;
}

export function lastExport(): ExportRecord | undefined {
  return last;
}
