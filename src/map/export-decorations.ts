/**
 * What an exported picture or video frame carries besides the map (whose labels are in its WebGL
 * canvas already): the key, the attribution and the date caption, painted onto the export canvas
 * so a slide or a printout says what it shows and where its data come from.
 */

export type LegendSwatch = 'dot' | 'small-dot' | 'line' | 'ring' | 'hollow' | 'dash';

export interface LegendItem {
  swatch: LegendSwatch;
  color: string;
  label: string;
}

export interface Legend {
  title: string;
  items: readonly LegendItem[];
}

/** The sources every map picture credits (the same line as the map's attribution control). */
export const MAP_ATTRIBUTION = 'Natural Earth · US Census (us-atlas) · GeoNames';

const FONT = 'system-ui, sans-serif';
const TEXT = '#24292f';

function drawSwatch(ctx: CanvasRenderingContext2D, swatch: LegendSwatch, color: string, x: number, y: number, u: number): void {
  ctx.save();
  ctx.fillStyle = color;
  ctx.strokeStyle = color;
  ctx.lineWidth = 1.5 * u;
  ctx.beginPath();
  switch (swatch) {
    case 'dot':
    case 'small-dot':
      ctx.arc(x + 6 * u, y, (swatch === 'dot' ? 5 : 4) * u, 0, Math.PI * 2);
      ctx.fill();
      break;
    case 'ring':
      ctx.arc(x + 6 * u, y, 5 * u, 0, Math.PI * 2);
      ctx.globalAlpha = 0.6;
      ctx.fill();
      ctx.globalAlpha = 1;
      ctx.stroke();
      break;
    case 'hollow':
      ctx.arc(x + 6 * u, y, 4.5 * u, 0, Math.PI * 2);
      ctx.fillStyle = '#ffffff';
      ctx.fill();
      ctx.stroke();
      break;
    case 'line':
      ctx.lineWidth = 4 * u;
      ctx.lineCap = 'round';
      ctx.moveTo(x, y);
      ctx.lineTo(x + 14 * u, y);
      ctx.stroke();
      break;
    case 'dash':
      ctx.lineWidth = 3 * u;
      ctx.setLineDash([5 * u, 3 * u]);
      ctx.moveTo(x, y);
      ctx.lineTo(x + 16 * u, y);
      ctx.stroke();
      break;
  }
  ctx.restore();
}

/**
 * The key in a white box whose top right corner is at (right, top), in canvas pixels; `u` is
 * canvas pixels per CSS pixel (2 for a print-size picture). Returns the box drawn.
 */
export function drawLegend(ctx: CanvasRenderingContext2D, legend: Legend, right: number, top: number, u: number): { x: number; y: number; width: number; height: number } {
  const line = 17 * u;
  const pad = 8 * u;
  ctx.save();
  ctx.font = `600 ${12 * u}px ${FONT}`;
  const titleWidth = ctx.measureText(legend.title).width;
  ctx.font = `${11.5 * u}px ${FONT}`;
  const textWidth = Math.max(titleWidth, ...legend.items.map((item) => ctx.measureText(item.label).width + 22 * u));
  const width = textWidth + 2 * pad;
  const height = pad * 2 + line * (legend.items.length + 1);
  const x = right - width;
  ctx.fillStyle = 'rgba(255,255,255,0.94)';
  ctx.strokeStyle = 'rgba(0,0,0,0.2)';
  ctx.lineWidth = u;
  ctx.beginPath();
  ctx.roundRect(x, top, width, height, 8 * u);
  ctx.fill();
  ctx.stroke();
  ctx.fillStyle = TEXT;
  ctx.textBaseline = 'middle';
  ctx.font = `600 ${12 * u}px ${FONT}`;
  ctx.fillText(legend.title, x + pad, top + pad + line / 2);
  ctx.font = `${11.5 * u}px ${FONT}`;
  legend.items.forEach((item, i) => {
    const y = top + pad + line * (i + 1.5);
    drawSwatch(ctx, item.swatch, item.color, x + pad, y, u);
    ctx.fillStyle = TEXT;
    ctx.fillText(item.label, x + pad + 22 * u, y);
  });
  ctx.restore();
  return { x, y: top, width, height };
}

/** The attribution on a pale band in the bottom right corner at (right, bottom), canvas pixels. */
export function drawAttribution(ctx: CanvasRenderingContext2D, text: string, right: number, bottom: number, u: number): void {
  ctx.save();
  ctx.font = `${11 * u}px ${FONT}`;
  const width = ctx.measureText(text).width + 12 * u;
  const height = 18 * u;
  ctx.fillStyle = 'rgba(255,255,255,0.85)';
  ctx.fillRect(right - width, bottom - height, width, height);
  ctx.fillStyle = TEXT;
  ctx.textBaseline = 'middle';
  ctx.fillText(text, right - width + 6 * u, bottom - height / 2);
  ctx.restore();
}
