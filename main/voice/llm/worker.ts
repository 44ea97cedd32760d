// The llama.cpp child process: one model, one context, one chat session whose history is reset to
// the system prompt before each utterance (its evaluated prefix stays cached). Grammars are cached
// per schema, since the catalog rarely changes between utterances.
import { createHash } from 'node:crypto';
import { getLlama, LlamaChatSession, LlamaLogLevel, type Llama, type LlamaContext, type LlamaGrammar, type LlamaModel, type ChatHistoryItem } from 'node-llama-cpp';
import { serveModelProcess } from '../models/model-process';
import type { LlamaProtocol, LlamaSetup } from './protocol';

let llama: Llama | null = null;
let state: { key: string; model: LlamaModel; context: LlamaContext } | null = null;
let session: { system: string; chat: LlamaChatSession; initial: ChatHistoryItem[] } | null = null;
const grammars = new Map<string, LlamaGrammar>();

async function ensureModel(setup: LlamaSetup) {
  const key = `${setup.modelPath}|${setup.threads}|${setup.contextSize}`;
  if (state?.key === key) return state;
  session = null;
  grammars.clear();
  if (state) {
    await state.context.dispose();
    await state.model.dispose();
    state = null;
  }
  // Prebuilt CPU binaries only: never compile llama.cpp or fetch anything at the counter.
  llama ??= await getLlama({ gpu: false, build: 'never', usePrebuiltBinaries: true, skipDownload: true, maxThreads: setup.threads, logLevel: LlamaLogLevel.error });
  const model = await llama.loadModel({ modelPath: setup.modelPath, gpuLayers: 0 });
  const context = await model.createContext({ contextSize: setup.contextSize, threads: setup.threads });
  state = { key, model, context };
  return state;
}

function ensureSession(context: LlamaContext, system: string) {
  if (session?.system === system) return session;
  session?.chat.dispose({ disposeSequence: true });
  const chat = new LlamaChatSession({ contextSequence: context.getSequence(), systemPrompt: system });
  session = { system, chat, initial: chat.getChatHistory() };
  return session;
}

async function grammarFor(schema: Record<string, unknown>): Promise<LlamaGrammar> {
  const key = createHash('sha1').update(JSON.stringify(schema)).digest('hex');
  let g = grammars.get(key);
  if (!g) {
    g = await llama!.createGrammarForJsonSchema(schema as never);
    if (grammars.size >= 8) grammars.delete(grammars.keys().next().value as string);
    grammars.set(key, g);
  }
  return g;
}

serveModelProcess<LlamaProtocol>({
  async load(setup) {
    const t0 = performance.now();
    const { model } = await ensureModel(setup);
    return { loadMs: performance.now() - t0, architecture: model.fileInfo.metadata?.general?.architecture ?? null };
  },
  async parse({ system, text, schema, maxTokens, temperature, seed, ...setup }) {
    const { context } = await ensureModel(setup);
    const s = ensureSession(context, system);
    const g0 = performance.now();
    const grammar = await grammarFor(schema);
    const grammarMs = performance.now() - g0;
    s.chat.setChatHistory(s.initial);
    const t0 = performance.now();
    // Greedy decoding by default (temperature 0): the same words give the same frame.
    const json = await s.chat.prompt(text, { grammar, maxTokens, temperature, seed });
    return { json, ms: performance.now() - t0, grammarMs };
  },
});
