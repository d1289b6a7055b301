// Lays out an exported map image: the captured view scaled to the output size, then the map
// furniture a report needs: title and date, the synthetic-data label, north arrow, scale bar,
// legend, and the watermark while sensitive data shows. Sizes follow the output, so a 7680 px
// export reads like the screen, only sharper.
import type { LegendSection } from '../../../domain/export/legend.ts';
import { niceScaleBar } from '../../../domain/export/scaleBar.ts';
import type { ViewCapture } from '../../../engine/viewer/snapshot.ts';

export interface ExportText {
  readonly title: string;
  readonly date: string;
  readonly synthetic: string;
  readonly legendTitle: string;
  readonly north: string;
  /** Present only while a sensitive layer is visible. */
  readonly watermark?: string;
}

export interface Box { readonly x: number; readonly y: number; readonly w: number; readonly h: number }

export interface ComposedExport {
  readonly canvas: HTMLCanvasElement;
  readonly legendBox?: Box;
  readonly scaleLabel?: string;
}

const FONT = '"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif';
const PANEL = 'rgba(16, 24, 32, 0.86)';
const rgb = (c: readonly number[]): string => `rgb(${c[0] ?? 0}, ${c[1] ?? 0}, ${c[2] ?? 0})`;

function panel(ctx: CanvasRenderingContext2D, b: Box, u: number): void {
  ctx.fillStyle = PANEL;
  ctx.beginPath();
  ctx.roundRect(b.x, b.y, b.w, b.h, 6 * u);
  ctx.fill();
}

function drawWatermark(ctx: CanvasRenderingContext2D, text: string, w: number, h: number, u: number): void {
  ctx.save();
  ctx.font = `${16 * u}px ${FONT}`;
  ctx.fillStyle = 'rgba(255, 255, 255, 0.22)';
  ctx.translate(w / 2, h / 2);
  ctx.rotate(-Math.PI / 6);
  const stepX = ctx.measureText(text).width + 80 * u, stepY = 90 * u;
  const reach = Math.hypot(w, h);
  for (let y = -reach; y < reach; y += stepY) {
    const shift = (Math.round(y / stepY) % 2) * (stepX / 2);
    for (let x = -reach; x < reach; x += stepX) ctx.fillText(text, x + shift, y);
  }
  ctx.restore();
}

function drawNorthArrow(ctx: CanvasRenderingContext2D, cx: number, cy: number, headingDeg: number, label: string, u: number): void {
  const r = 22 * u;
  ctx.save();
  ctx.fillStyle = PANEL;
  ctx.beginPath();
  ctx.arc(cx, cy, r + 6 * u, 0, Math.PI * 2);
  ctx.fill();
  ctx.translate(cx, cy);
  // The arrow points at north on the image: turned against the camera heading.
  ctx.rotate((-headingDeg * Math.PI) / 180);
  ctx.fillStyle = '#ff6b5b';
  ctx.beginPath();
  ctx.moveTo(0, -r);
  ctx.lineTo(r * 0.36, r * 0.15);
  ctx.lineTo(0, 0);
  ctx.lineTo(-r * 0.36, r * 0.15);
  ctx.closePath();
  ctx.fill();
  ctx.fillStyle = '#fff';
  ctx.font = `bold ${11 * u}px ${FONT}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  // The letter sits behind the arrow's tail, turned with it.
  ctx.fillText(label, 0, r * 0.6);
  ctx.restore();
}

function drawLegend(ctx: CanvasRenderingContext2D, sections: readonly LegendSection[], title: string, h: number, u: number): Box | undefined {
  if (!sections.length) return undefined;
  const pad = 10 * u, line = 18 * u, sw = 14 * u, gap = 6 * u;
  const rows: { text: string; head?: boolean; rgb?: readonly number[]; isLine?: boolean }[] = [{ text: title, head: true }];
  for (const s of sections) {
    rows.push({ text: s.title, head: true });
    for (const it of s.items) rows.push({ text: it.label, rgb: it.rgb, ...(it.line ? { isLine: true } : {}) });
  }
  // Flow into columns so a long legend (many land-use classes) never runs off the image.
  const perColumn = Math.max(4, Math.floor((h * 0.6 - 2 * pad) / line));
  const columns: (typeof rows)[] = [];
  for (let i = 0; i < rows.length; i += perColumn) columns.push(rows.slice(i, i + perColumn));
  ctx.font = `${12 * u}px ${FONT}`;
  const colWidth = (col: typeof rows): number => Math.max(...col.map((r) => ctx.measureText(r.text).width + (r.rgb ? sw + gap : 0)));
  const widths = columns.map(colWidth);
  const box: Box = {
    x: 12 * u, y: 0,
    w: widths.reduce((a, b) => a + b, 0) + pad * 2 + (columns.length - 1) * 3 * pad,
    h: Math.min(rows.length, perColumn) * line + pad * 2,
  };
  const placed: Box = { ...box, y: h - box.h - 12 * u };
  panel(ctx, placed, u);
  let x = placed.x + pad;
  columns.forEach((col, c) => {
    col.forEach((r, i) => {
      const y = placed.y + pad + i * line + line / 2;
      ctx.textBaseline = 'middle';
      ctx.font = `${r.head ? 'bold ' : ''}${12 * u}px ${FONT}`;
      ctx.fillStyle = r.head ? '#9fb3c8' : '#e8eef4';
      let tx = x;
      if (r.rgb) {
        ctx.fillStyle = rgb(r.rgb);
        if (r.isLine) ctx.fillRect(x, y - 1.5 * u, sw, 3 * u);
        else ctx.fillRect(x, y - sw / 2, sw, sw);
        tx += sw + gap;
        ctx.fillStyle = '#e8eef4';
      }
      ctx.fillText(r.text, tx, y);
    });
    x += (widths[c] ?? 0) + 3 * pad;
  });
  return placed;
}

export function composeExport(capture: ViewCapture, width: number, height: number, legend: readonly LegendSection[], text: ExportText): ComposedExport {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas context for the export');
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(capture.canvas, 0, 0, width, height);
  // Furniture scales with the output relative to the screen it was composed on.
  const u = Math.max(1, width / capture.cssWidth);
  if (text.watermark) drawWatermark(ctx, text.watermark, width, height, u);

  ctx.font = `bold ${16 * u}px ${FONT}`;
  const titleW = Math.max(ctx.measureText(text.title).width, (ctx.font = `${12 * u}px ${FONT}`, ctx.measureText(text.date).width));
  panel(ctx, { x: 12 * u, y: 12 * u, w: titleW + 20 * u, h: 50 * u }, u);
  ctx.fillStyle = '#fff';
  ctx.textBaseline = 'top';
  ctx.font = `bold ${16 * u}px ${FONT}`;
  ctx.fillText(text.title, 22 * u, 20 * u);
  ctx.font = `${12 * u}px ${FONT}`;
  ctx.fillStyle = '#c8d4e0';
  ctx.fillText(text.date, 22 * u, 42 * u);

  ctx.font = `bold ${14 * u}px ${FONT}`;
  const synW = ctx.measureText(text.synthetic).width + 16 * u;
  ctx.fillStyle = 'rgba(150, 30, 20, 0.9)';
  ctx.fillRect(width - synW - 12 * u, 12 * u, synW, 26 * u);
  ctx.fillStyle = '#fff';
  ctx.fillText(text.synthetic, width - synW - 4 * u, 18 * u);

  drawNorthArrow(ctx, width - 46 * u, 84 * u, capture.headingDeg, text.north, u);

  let scaleLabel: string | undefined;
  const mpp = capture.metresPerPixel === undefined ? undefined : (capture.metresPerPixel * capture.canvas.width) / width;
  const bar = mpp === undefined ? undefined : niceScaleBar(mpp, 160 * u);
  if (bar) {
    scaleLabel = bar.label;
    const x1 = width - 24 * u, x0 = x1 - bar.pixels, y = height - 24 * u;
    panel(ctx, { x: x0 - 12 * u, y: y - 30 * u, w: bar.pixels + 24 * u, h: 42 * u }, u);
    ctx.fillStyle = '#fff';
    ctx.fillRect(x0, y - 4 * u, bar.pixels, 4 * u);
    ctx.fillRect(x0, y - 10 * u, 2 * u, 10 * u);
    ctx.fillRect(x1 - 2 * u, y - 10 * u, 2 * u, 10 * u);
    ctx.font = `${12 * u}px ${FONT}`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'bottom';
    ctx.fillText(bar.label, (x0 + x1) / 2, y - 12 * u);
    ctx.textAlign = 'start';
  }
  const legendBox = drawLegend(ctx, legend, text.legendTitle, height, u);
  return { canvas, ...(legendBox ? { legendBox } : {}), ...(scaleLabel ? { scaleLabel } : {}) };
}
