// The child-process host on a child that speaks the real protocol and misbehaves like native model
// code: it hangs, aborts, exits, throws with a code. The parent survives each and the next request works.
import { afterEach, describe, expect, it } from 'vitest';
import { ModelProcess, ModelProcessError } from './model-process';
import type { TestProtocol } from './model-process.test-child';

const entry = new URL('./model-process.test-child.ts', import.meta.url);
let proc: ModelProcess<TestProtocol>;
afterEach(() => proc?.close());

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('ModelProcess', () => {
  it('answers typed requests from a child process, typed arrays included, one at a time', async () => {
    proc = new ModelProcess<TestProtocol>({ name: 'Test', entry });
    const samples = Int16Array.from([1, 2, 3, -4]);
    const [a, b] = await Promise.all([proc.call('echo', { samples, text: 'राहुल' }, 20_000), proc.call('sleep', { ms: 5 }, 20_000)]);
    expect(a).toMatchObject({ sum: 2, text: 'राहुल' });
    expect(a.pid).not.toBe(process.pid);
    expect(b).toEqual({ slept: 5 });
    expect(proc.generation).toBe(1);
  });

  it('kills a hung child at the timeout, fails the call clearly, and starts a fresh child for the next call', async () => {
    proc = new ModelProcess<TestProtocol>({ name: 'Test', entry });
    const first = await proc.call('echo', { samples: new Int16Array(0), text: '' }, 20_000);
    const err = (await proc.call('hang', {}, 300).catch((e: unknown) => e)) as ModelProcessError;
    expect(err).toBeInstanceOf(ModelProcessError);
    expect(err.kind).toBe('timeout');
    expect(err.message).toBe('Test did not answer "hang" within 300 ms: it was stopped and starts afresh on the next request.');
    await expect.poll(() => alive(first.pid)).toBe(false);
    const next = await proc.call('echo', { samples: Int16Array.from([7]), text: 'ok' }, 20_000);
    expect(next.sum).toBe(7);
    expect(next.pid).not.toBe(first.pid);
    expect(proc.generation).toBe(2);
  });

  it('survives a child that aborts mid-request and reports its last words', async () => {
    proc = new ModelProcess<TestProtocol>({ name: 'Test', entry });
    const err = (await proc.call('abort', {}, 20_000).catch((e: unknown) => e)) as ModelProcessError;
    expect(err.kind).toBe('crashed');
    expect(err.message).toMatch(/^Test stopped \(exit code 134\) while answering "abort": libc\+\+abi: terminating due to uncaught exception/);
    expect((await proc.call('echo', { samples: Int16Array.from([1]), text: '' }, 20_000)).sum).toBe(1);
  });

  it('passes a thrown error back with its name and code, and keeps the child', async () => {
    proc = new ModelProcess<TestProtocol>({ name: 'Test', entry });
    const err = (await proc.call('fail', { code: 'ENOENT' }, 20_000).catch((e: unknown) => e)) as ModelProcessError;
    expect(err.kind).toBe('failed');
    expect(err.childError).toMatchObject({ name: 'Error', code: 'ENOENT' });
    expect(err.message).toMatch(/no such file/);
    await proc.call('sleep', { ms: 1 }, 20_000);
    expect(proc.generation).toBe(1);
  });

  it('fails calls queued behind one that times out, and refuses calls after close', async () => {
    proc = new ModelProcess<TestProtocol>({ name: 'Test', entry });
    const hung = proc.call('hang', {}, 300).catch((e: unknown) => e);
    const after = proc.call('sleep', { ms: 1 }, 20_000);
    expect(((await hung) as ModelProcessError).kind).toBe('timeout');
    // The queued call is sent to the fresh child, not lost with the old one.
    expect(await after).toEqual({ slept: 1 });
    await proc.close();
    expect(((await proc.call('sleep', { ms: 1 }, 1000).catch((e: unknown) => e)) as ModelProcessError).kind).toBe('closed');
  });
});
