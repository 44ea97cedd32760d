// A child for model-process.test.ts: real ModelProcess protocol, with requests that misbehave the
// way native model code does (hang, abort, exit, throw with a code).
import { serveModelProcess } from './model-process';

export type TestProtocol = {
  echo: { req: { samples: Int16Array; text: string }; res: { sum: number; text: string; pid: number } };
  sleep: { req: { ms: number }; res: { slept: number } };
  hang: { req: Record<string, never>; res: never };
  abort: { req: Record<string, never>; res: never };
  fail: { req: { code: string }; res: never };
};

serveModelProcess<TestProtocol>({
  echo: ({ samples, text }) => ({ sum: samples.reduce((a, b) => a + b, 0), text, pid: process.pid }),
  sleep: ({ ms }) => new Promise((r) => setTimeout(() => r({ slept: ms }), ms)),
  // A busy loop, like a native call that never returns: the child cannot even read its messages.
  hang: () => {
    for (;;) {
      /* spin */
    }
  },
  abort: () => {
    // What a native abort looks like from outside (exit 134 after a libc++ message), without the core file.
    process.stderr.write('libc++abi: terminating due to uncaught exception of type std::out_of_range\n', () => process.exit(134));
    return new Promise<never>(() => undefined);
  },
  fail: ({ code }) => {
    throw Object.assign(new Error(`ENOENT: no such file or directory, open '/nope.gguf'`), { code, name: 'Error' });
  },
});
