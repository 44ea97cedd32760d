// The voice pipeline's seams (STYLE note 14): each stage behind an interface, chosen by what is
// installed. audio -> VAD -> STT -> understanding -> command -> reply -> TTS.
import type { Actor } from '../../common/actor';

export const INTENTS = [
  'CREATE_INVOICE', 'MODIFY_INVOICE_ITEM', 'CONFIRM_INVOICE', 'CANCEL_INVOICE', 'ADD_DISCOUNT', 'TOGGLE_GST', 'SEND_INVOICE',
  'RECORD_PAYMENT', 'ADD_CREDIT', 'CHECK_BALANCE', 'TOTAL_PENDING_AMOUNT', 'LIST_CUSTOMER_BALANCES', 'GET_CUSTOMER_INFO',
  'CREATE_CUSTOMER', 'UPDATE_CUSTOMER_PHONE', 'CHECK_STOCK', 'UPDATE_STOCK', 'LOW_STOCK', 'CREATE_REMINDER', 'CANCEL_REMINDER',
  'LIST_REMINDERS', 'DAILY_SUMMARY', 'EXPORT_GSTR1', 'EXPORT_PNL', 'UNDO', 'UNKNOWN',
] as const;
export type IntentName = (typeof INTENTS)[number];

/** Entities as ../shared/eval/README.md names them (customer full name, items in the product's unit, amount in rupees...). */
export interface Entities {
  customer?: string | null;
  candidates?: string[];
  items?: { product: string; quantity: number }[];
  amount?: number;
  mode?: 'cash' | 'upi' | 'card' | 'credit';
  datetime?: string;
  product?: string;
  quantity?: number;
  name?: string;
  phone?: string;
  discountPercent?: number;
  discountAmount?: number;
  [key: string]: unknown;
}

export interface Frame {
  intent: IntentName;
  entities: Entities;
  confidence: number;
  /** Which engine answered: the rules, or the local LLM fallback. */
  path: 'rules' | 'llm';
}

/** The LLM fallback (node-llama-cpp), asked only when the rules are not confident. */
export interface FallbackParser {
  readonly name: string;
  available(): Promise<{ ok: boolean; reason?: string }>;
  /** null on timeout, crash or an answer that does not validate: the till goes on. */
  parse(text: string, catalog: { products: string[]; customers: string[] }): Promise<Frame | null>;
}

export interface TaskOutcome {
  taskId: string;
  intent: IntentName;
  ok: boolean;
  /** The command's result, or the error message. */
  result?: unknown;
  error?: string;
}

export interface AgentTurn {
  text: string;
  frames: Frame[];
  tasks: TaskOutcome[];
  /** Short Hinglish reply for the screen and for TTS. */
  reply: string;
  /** Set when Galla asked something back (which Rahul? confirm this cancel?). */
  awaiting: null | { kind: 'choice'; options: string[] } | { kind: 'confirm'; action: string };
}

/** The conversation at one counter: the open bill over several utterances, questions asked back. */
export interface VoiceAgent {
  handle(text: string, actor: Actor): Promise<AgentTurn>;
  reset(): void;
}

export interface EngineStatus {
  name: string;
  ok: boolean;
  /** When not ok: what is missing and what it would add ("Whisper model not installed: npm run models -- download whisper-small"). */
  reason?: string;
}

export interface Transcript {
  text: string;
  /** 0..1 when the engine gives one; low results are rejected, not guessed. */
  confidence: number | null;
  engine: string;
}

/** Speech to text on 16 kHz mono 16-bit PCM. */
export interface SttEngine {
  readonly name: string;
  status(): Promise<EngineStatus>;
  transcribe(pcm: Int16Array, opts?: { language?: string; timeoutMs?: number }): Promise<Transcript>;
}

export interface TtsAudio {
  /** WAV bytes. */
  audio: Uint8Array;
  format: 'wav';
  sampleRate: number;
}

export interface TtsEngine {
  readonly name: string;
  status(): Promise<EngineStatus>;
  synthesize(text: string): Promise<TtsAudio>;
}

export interface VadSegment {
  startMs: number;
  endMs: number;
}

/** Voice activity over a stream of 16 kHz frames: reports when speech ends. */
export interface Vad {
  readonly name: string;
  status(): Promise<EngineStatus>;
  /** Feeds samples; returns 'speech-end' once a pause follows speech. */
  push(pcm: Int16Array): Promise<'silence' | 'speech' | 'speech-end'>;
  reset(): void;
}
