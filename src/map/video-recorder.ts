/**
 * Records the map as it plays into a WebM video for a slide deck: each drawn frame composites the
 * map, the overlay and a caption with the date onto one canvas, which a MediaRecorder encodes.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

export interface VideoRecorder {
  readonly recording: boolean;
  /** Starts recording; false when the browser cannot record. */
  start(): boolean;
  /** Draws the current frame into the recording (call once per drawn frame). */
  frame(caption: string): void;
  stop(): Promise<Blob>;
}

function pickMimeType(): string | null {
  if (typeof MediaRecorder === 'undefined') return null;
  return ['video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm'].find((type) => MediaRecorder.isTypeSupported(type)) ?? null;
}

export function createVideoRecorder(map: MapLibreMap, overlay: HTMLCanvasElement): VideoRecorder {
  let recorder: MediaRecorder | null = null;
  let chunks: Blob[] = [];
  let canvas: HTMLCanvasElement | null = null;
  const captionHeight = 36;
  return {
    get recording() {
      return recorder !== null;
    },
    start() {
      const mimeType = pickMimeType();
      if (!mimeType) return false;
      const source = map.getCanvas();
      canvas = document.createElement('canvas');
      // Even sizes: video encoders want them.
      canvas.width = source.width - (source.width % 2);
      canvas.height = source.height + captionHeight - ((source.height + captionHeight) % 2);
      chunks = [];
      recorder = new MediaRecorder(canvas.captureStream(30), { mimeType, videoBitsPerSecond: 4_000_000 });
      recorder.ondataavailable = (e) => e.data.size > 0 && chunks.push(e.data);
      recorder.start(250);
      return true;
    },
    frame(caption) {
      if (!recorder || !canvas) return;
      const ctx = canvas.getContext('2d')!;
      const source = map.getCanvas();
      ctx.fillStyle = '#24292f';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(source, 0, 0);
      ctx.drawImage(overlay, 0, 0, source.width, source.height);
      ctx.fillStyle = '#ffffff';
      ctx.font = '18px system-ui, sans-serif';
      ctx.fillText(caption, 12, source.height + 24);
    },
    stop() {
      const active = recorder;
      recorder = null;
      if (!active) return Promise.resolve(new Blob([], { type: 'video/webm' }));
      return new Promise((resolve) => {
        active.onstop = () => resolve(new Blob(chunks, { type: active.mimeType }));
        active.stop();
      });
    },
  };
}
