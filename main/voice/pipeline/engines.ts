// Chooses each stage by what is installed (STYLE note 14): Whisper when its model is installed,
// else the PocketSphinx catalog grammar; Silero VAD, else the energy VAD; a Piper voice, else
// espeak-ng, else the screen alone. The grammar follows the catalog: it is rebuilt when a product
// or customer changes. One set of engines per services process, shared by every counter.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor } from '../../../common/actor';
import type { Services } from '../../services';
import { logger } from '../../log';
import type { EngineStatus, SttEngine, TtsEngine, Vad } from '../types';
import { GrammarSttEngine } from '../stt/sphinx/engine';
import { sphinxMissing } from '../stt/sphinx/binding';
import type { GrammarCatalog } from '../stt/sphinx/grammar';
import { chooseTts } from '../tts';
import { createVad, closeSilero, type CreateVadOptions } from '../vad/silero';

const log = logger('voice-engines');
const reader: Actor = { role: 'cashier', source: 'voice', who: 'voice-grammar' };
const CATALOG_COMMANDS = new Set(['product-create', 'product-update', 'customer-create', 'customer-update', 'undo-last']);

export interface VoiceEngines {
  stt: SttEngine | null;
  tts: TtsEngine | null;
  grammar: GrammarSttEngine | null;
  /** A VAD for one counter (each keeps its own state). */
  newVad(): Promise<Vad>;
  /** Every engine's state, including those not chosen and why. */
  statuses(): Promise<EngineStatus[]>;
  /** Resolves when the grammar for the current catalog is loaded. */
  grammarReady(): Promise<void>;
  close(): Promise<void>;
}

export interface VoiceEngineOptions {
  /** Where generated grammar files go; <data dir>/voice by default. */
  workDir?: string;
  modelsDir?: string;
  stt?: 'auto' | 'whisper' | 'grammar' | 'none';
  tts?: 'auto' | 'piper' | 'espeak' | 'none';
  vad?: CreateVadOptions;
  /** A Whisper engine to try first (the real one is built from main/voice/stt/whisper when absent). */
  whisper?: SttEngine | null;
  /** Wait this long after a catalog change before rebuilding (changes come in bursts). */
  rebuildDelayMs?: number;
}

/**
 * The shop's products and customers as the grammar needs them. Products come through the command
 * table (product-list); no command lists every customer with nickname and landmark (customer-balances
 * skips those who owe nothing), so customers are read here directly, read-only, the way the
 * services read due reminders at start.
 */
export function readGrammarCatalog(services: Services): GrammarCatalog {
  const products = services.dispatcher.dispatch('product-list', { limit: 100_000 }, reader);
  const customers = services.db.prepare('SELECT name, nickname, landmark FROM customers ORDER BY id').all() as { name: string; nickname: string | null; landmark: string | null }[];
  return { products: products.ok ? products.value.map((p) => ({ name: p.name, aliases: p.aliases })) : [], customers };
}

async function loadWhisper(): Promise<SttEngine | null> {
  try {
    const mod = (await import('../stt/whisper/engine')) as { createWhisperStt?: () => SttEngine };
    return mod.createWhisperStt ? mod.createWhisperStt() : null;
  } catch (e) {
    log.warn('the Whisper engine could not be loaded', e);
    return null;
  }
}

export async function createVoiceEngines(services: Services, opts: VoiceEngineOptions = {}): Promise<VoiceEngines> {
  const workDir = opts.workDir ?? (services.dataDir ? join(services.dataDir, 'voice') : join(tmpdir(), `galla-voice-${process.pid}`));
  const sttChoice = opts.stt ?? 'auto';
  const statuses: EngineStatus[] = [];

  // Speech to text.
  let stt: SttEngine | null = null;
  let grammar: GrammarSttEngine | null = null;
  const whisper = sttChoice === 'grammar' || sttChoice === 'none' ? null : opts.whisper !== undefined ? opts.whisper : await loadWhisper();
  if (whisper) {
    const s = await whisper.status().catch((e): EngineStatus => ({ name: whisper.name, ok: false, reason: String(e) }));
    statuses.push(s);
    if (s.ok) stt = whisper;
  }
  const sphinxProblem = sphinxMissing();
  if (sttChoice !== 'none' && sttChoice !== 'whisper') {
    if (sphinxProblem) statuses.push({ name: 'pocketsphinx-grammar', ok: false, reason: sphinxProblem });
    else grammar = new GrammarSttEngine({ workDir });
  }
  if (!stt && grammar) stt = grammar;

  let building: Promise<void> = Promise.resolve();
  let closing = false;
  const rebuild = () => {
    if (!grammar) return building;
    const g = grammar;
    building = building
      .then(() => g.setCatalog(readGrammarCatalog(services)))
      .catch((e) => {
        if (!closing) log.error('grammar rebuild failed', e);
      });
    return building;
  };
  void rebuild();
  let timer: NodeJS.Timeout | null = null;
  const unlisten = services.dispatcher.onCommand((e) => {
    if (!grammar || !e.ok || !e.mutates || !CATALOG_COMMANDS.has(e.name)) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void rebuild();
    }, opts.rebuildDelayMs ?? 300);
    timer.unref();
  });

  // Replies.
  const ttsPrefer = opts.tts === 'auto' || !opts.tts ? undefined : opts.tts;
  const tts = await chooseTts({ ...(opts.modelsDir ? { modelsDir: opts.modelsDir } : {}), ...(ttsPrefer ? { prefer: ttsPrefer } : {}) });

  // One VAD made now to learn which engine loads; counters get their own.
  const probe = await createVad(opts.vad ?? {});
  const vadStatus = await probe.status();

  return {
    stt,
    tts: tts.engine,
    grammar,
    newVad: () => createVad(opts.vad ?? {}),
    grammarReady: () => building,
    async statuses() {
      const live = grammar ? [await grammar.status()] : [];
      const sttNote: EngineStatus[] = stt ? [] : [{ name: 'speech-to-text', ok: false, reason: 'No speech engine: type commands (voice:final); install pocketsphinx-en-us and libpocketsphinx3, or a Whisper model (npm run models -- download whisper-small)' }];
      return [...statuses, ...live, ...sttNote, vadStatus, ...tts.statuses];
    },
    async close() {
      closing = true;
      unlisten();
      if (timer) clearTimeout(timer);
      // A grammar being built (espeak-ng readings, files) finishes first: nothing is left running.
      await building.catch(() => undefined);
      await grammar?.close();
      const t = tts.engine as (TtsEngine & { close?: () => Promise<void> }) | null;
      await t?.close?.();
      await closeSilero();
    },
  };
}
