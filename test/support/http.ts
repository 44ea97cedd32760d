// A real server on loopback for black-box API tests.
import { buildApi, type Api } from '../../main/api/server';
import { createServices, type Services, type ServicesOptions } from '../../main/services';
import { fixedClock } from '../../main/commands/context';

export interface TestServer {
  services: Services;
  api: Api;
  url: string;
  ownerToken: string;
  get(path: string, opts?: { owner?: boolean }): Promise<{ status: number; body: any; text: string }>;
  post(path: string, body?: unknown, opts?: { owner?: boolean; raw?: string }): Promise<{ status: number; body: any; text: string }>;
  close(): Promise<void>;
}

export async function startTestServer(opts: Partial<ServicesOptions> = {}): Promise<TestServer> {
  const services = createServices({ dataDir: null, clock: fixedClock('2026-03-10T05:30:00.000Z'), ...opts });
  const api = await buildApi({ services });
  const address = await api.app.listen({ port: 0, host: '127.0.0.1' });
  const url = address.replace('localhost', '127.0.0.1');
  const call = async (method: string, path: string, body: unknown, o: { owner?: boolean; raw?: string } = {}) => {
    const headers: Record<string, string> = {};
    if (o.owner) headers.authorization = `Bearer ${api.tokens.ownerToken}`;
    let payload: string | undefined;
    if (o.raw !== undefined) payload = o.raw;
    else if (body !== undefined) payload = JSON.stringify(body);
    if (payload !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(url + path, { method, headers, ...(payload !== undefined ? { body: payload } : {}) });
    const text = await res.text();
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
    return { status: res.status, body: parsed as any, text };
  };
  return {
    services,
    api,
    url,
    ownerToken: api.tokens.ownerToken,
    get: (p, o) => call('GET', p, undefined, o),
    post: (p, b, o) => call('POST', p, b, o),
    close: async () => {
      await api.app.close();
      services.close();
      await services.closed;
    },
  };
}
