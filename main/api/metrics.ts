// Prometheus text with the Execora reference's metric names and labels.
type Labels = Record<string, string>;
const key = (l: Labels) => JSON.stringify(Object.entries(l).sort(([a], [b]) => a.localeCompare(b)));
const fmtLabels = (l: Labels) => {
  const parts = Object.entries(l).map(([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`);
  return parts.length ? `{${parts.join(',')}}` : '';
};

class Counter {
  private values = new Map<string, { labels: Labels; value: number }>();
  constructor(readonly name: string, readonly help: string) {}
  inc(labels: Labels = {}, by = 1) {
    const k = key(labels);
    const cur = this.values.get(k);
    if (cur) cur.value += by;
    else this.values.set(k, { labels, value: by });
  }
  get(labels: Labels = {}): number {
    return this.values.get(key(labels))?.value ?? 0;
  }
  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`];
    if (this.values.size === 0 && this.name === 'voice_sessions_total') lines.push(`${this.name} 0`);
    for (const { labels, value } of this.values.values()) lines.push(`${this.name}${fmtLabels(labels)} ${value}`);
    return lines.join('\n');
  }
}

const BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

class Histogram {
  private series = new Map<string, { labels: Labels; counts: number[]; sum: number; count: number }>();
  constructor(readonly name: string, readonly help: string) {}
  observe(labels: Labels, seconds: number) {
    const k = key(labels);
    let s = this.series.get(k);
    if (!s) {
      s = { labels, counts: new Array<number>(BUCKETS.length).fill(0), sum: 0, count: 0 };
      this.series.set(k, s);
    }
    BUCKETS.forEach((b, i) => {
      if (seconds <= b) s!.counts[i]!++;
    });
    s.sum += seconds;
    s.count++;
  }
  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    for (const s of this.series.values()) {
      BUCKETS.forEach((b, i) => lines.push(`${this.name}_bucket${fmtLabels({ ...s.labels, le: String(b) })} ${s.counts[i]}`));
      lines.push(`${this.name}_bucket${fmtLabels({ ...s.labels, le: '+Inf' })} ${s.count}`);
      lines.push(`${this.name}_sum${fmtLabels(s.labels)} ${s.sum}`);
      lines.push(`${this.name}_count${fmtLabels(s.labels)} ${s.count}`);
    }
    return lines.join('\n');
  }
}

export function createMetrics() {
  const httpRequests = new Counter('http_requests_total', 'HTTP requests by method, route and status code');
  const httpDuration = new Histogram('http_request_duration_seconds', 'HTTP request duration in seconds');
  const voiceSessions = new Counter('voice_sessions_total', 'Voice sessions started');
  const businessOps = new Counter('business_operations_total', 'Commands run, by operation and status');
  const invoiceOps = new Counter('invoice_operations_total', 'Invoice commands, by operation and status');
  return {
    httpRequests,
    httpDuration,
    voiceSessions,
    businessOps,
    invoiceOps,
    render: () => [httpRequests, httpDuration, voiceSessions, businessOps, invoiceOps].map((m) => m.render()).join('\n') + '\n',
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
