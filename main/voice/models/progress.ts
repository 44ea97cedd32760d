// Download progress for people: a bar redrawn in place on a terminal, a plain line every 10%
// (or every 10 s) when the output is a log file or a pipe.
import type { DownloadProgress } from './download';

export interface ProgressSink {
  update(p: DownloadProgress): void;
  /** Ends the bar's line (call once the file is done or failed). */
  end(): void;
}

const mbText = (n: number) => (n / 1_000_000).toFixed(1);

export function describeProgress(p: DownloadProgress): string {
  const speed = `${mbText(p.bytesPerSec)} MB/s`;
  if (p.total === null) return `${p.file}: ${mbText(p.received)} MB  ${speed}`;
  const pct = Math.min(100, Math.floor((p.received / p.total) * 100));
  return `${p.file}: ${pct}%  ${mbText(p.received)}/${mbText(p.total)} MB  ${speed}`;
}

export function progressSink(out: { write(s: string): unknown; isTTY?: boolean; columns?: number }, now = () => Date.now()): ProgressSink {
  let lastDraw = 0;
  let lastStep = -1;
  let open = false;
  if (out.isTTY) {
    return {
      update(p) {
        const t = now();
        const done = p.total !== null && p.received >= p.total;
        if (!done && t - lastDraw < 100) return; // ten redraws a second is plenty
        lastDraw = t;
        const width = 24;
        const frac = p.total ? Math.min(1, p.received / p.total) : 0;
        const filled = Math.round(frac * width);
        const bar = p.total ? `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ` : '';
        const line = `${bar}${describeProgress(p)}`.slice(0, Math.max(20, (out.columns ?? 100) - 1));
        out.write(`\r${line}\x1b[K`);
        open = true;
      },
      end() {
        if (open) out.write('\n');
        open = false;
      },
    };
  }
  return {
    update(p) {
      const t = now();
      const step = p.total ? Math.floor((p.received / p.total) * 10) : -1;
      const due = (p.total !== null && step > lastStep) || t - lastDraw >= 10_000;
      if (!due) return;
      lastStep = Math.max(lastStep, step);
      lastDraw = t;
      out.write(`${describeProgress(p)}\n`);
    },
    end() {
      lastStep = -1;
      lastDraw = 0;
    },
  };
}
