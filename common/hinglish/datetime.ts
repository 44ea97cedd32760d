// Placeholder with the final signature; the voice helper replaces it with the full parser.
const IST = 330 * 60_000;

export interface ParsedWhen {
  /** The instant, UTC. */
  at: Date;
  /** false when nothing in the text was understood and the default (an hour from now) was used. */
  understood: boolean;
}

/** ISO 8601, or Hinglish/English words ("kal 7 baje", "aaj 5 baje", "tomorrow"); else one hour from now. */
export function parseWhen(text: string, now: Date): ParsedWhen {
  const t = text.trim();
  if (/^\d{4}-\d{2}-\d{2}T/.test(t) && !Number.isNaN(Date.parse(t))) return { at: new Date(t), understood: true };
  const m = /\b(kal|aaj|tomorrow|today)\b(?:\D*(\d{1,2})\s*baje)?/i.exec(t);
  if (!m) return { at: new Date(now.getTime() + 3_600_000), understood: false };
  const day = /kal|tomorrow/i.test(m[1]!) ? 1 : 0;
  let hour = m[2] ? Number(m[2]) : 19;
  if (hour >= 1 && hour <= 11) hour += 12;
  const ist = new Date(now.getTime() + IST);
  const at = Date.UTC(ist.getUTCFullYear(), ist.getUTCMonth(), ist.getUTCDate() + day, hour, 0) - IST;
  return { at: new Date(at), understood: true };
}
