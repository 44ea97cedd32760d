// Reading the shop back through its HTTP API, as another program would.
export async function apiGet<T = unknown>(base: string, path: string): Promise<T> {
  const res = await fetch(base + path);
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export async function rpc<T = unknown>(base: string, command: string, input: unknown = {}): Promise<T> {
  const res = await fetch(`${base}/api/v1/rpc/${command}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-galla-source': 'api' }, body: JSON.stringify({ input }) });
  const r = (await res.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!r.ok) throw new Error(`${command}: ${r.error?.message}`);
  return r.value as T;
}
