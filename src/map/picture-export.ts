/**
 * The map with the timeline as a PNG: the WebGL map canvas, the overlay with the groups and troops,
 * and the timeline's SVG drawn under it, with the date. "print" renders the map again at twice the
 * pixel density first, so the picture is sharp on paper, then goes back.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

const TIMELINE_STYLE = `
  text { font: 11px system-ui, sans-serif; fill: #59636e; }
  .chart-label { font-weight: 600; }
  .axis path, .axis line { stroke: #afb8c1; fill: none; }
  .cursor { stroke: #24292f; stroke-width: 1.5; }
  .scrub-handle rect { fill: #24292f; }
  .events path { fill: #6e7781; }
  .track { fill: none; }
`;

function svgImage(svg: SVGSVGElement): Promise<HTMLImageElement> {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const style = document.createElementNS('http://www.w3.org/2000/svg', 'style');
  style.textContent = TIMELINE_STYLE;
  copy.prepend(style);
  const url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(copy))}`;
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('the timeline could not be drawn'));
    image.src = url;
  });
}

const nextIdle = (map: MapLibreMap) => new Promise<void>((resolve) => map.once('idle', () => resolve()));

export async function mapPicture(map: MapLibreMap, overlay: HTMLCanvasElement, timeline: SVGSVGElement | null, caption: string, size: 'screen' | 'print', redrawOverlay: (ratio: number) => void): Promise<Blob> {
  const screenRatio = window.devicePixelRatio || 1;
  const ratio = size === 'print' ? screenRatio * 2 : screenRatio;
  if (ratio !== map.getPixelRatio()) {
    map.setPixelRatio(ratio);
    map.triggerRepaint();
    await nextIdle(map);
  }
  redrawOverlay(ratio);
  const mapCanvas = map.getCanvas();
  try {
    const width = mapCanvas.width;
    const timelineImage = timeline ? await svgImage(timeline) : null;
    const timelineHeight = timelineImage ? Math.round((timelineImage.height / timelineImage.width) * width) : 0;
    const captionHeight = Math.round(28 * ratio);
    const out = document.createElement('canvas');
    out.width = width;
    out.height = mapCanvas.height + timelineHeight + captionHeight;
    const ctx = out.getContext('2d')!;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, out.width, out.height);
    ctx.drawImage(mapCanvas, 0, 0);
    ctx.drawImage(overlay, 0, 0, mapCanvas.width, mapCanvas.height);
    ctx.fillStyle = '#24292f';
    ctx.font = `${Math.round(15 * ratio)}px system-ui, sans-serif`;
    ctx.fillText(caption, 10 * ratio, mapCanvas.height + 19 * ratio);
    if (timelineImage) ctx.drawImage(timelineImage, 0, mapCanvas.height + captionHeight, width, timelineHeight);
    return await new Promise<Blob>((resolve, reject) => out.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('no picture'))), 'image/png'));
  } finally {
    if (ratio !== screenRatio) {
      map.setPixelRatio(screenRatio);
      redrawOverlay(screenRatio);
    }
  }
}
