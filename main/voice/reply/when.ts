// A moment said the way the counter says it, in IST: "aaj shaam saat baje", "kal subah saadhe das
// baje", "parso raat aath baje", "15 tarikh shaam saat baje".
import { hindiNumberWords } from '../../../common/hinglish/spoken';

const IST_OFFSET_MS = 330 * 60_000;
const DAY_MS = 86_400_000;

const istParts = (d: Date) => {
  const ist = new Date(d.getTime() + IST_OFFSET_MS);
  return { day: Date.UTC(ist.getUTCFullYear(), ist.getUTCMonth(), ist.getUTCDate()), date: ist.getUTCDate(), hour: ist.getUTCHours(), minute: ist.getUTCMinutes() };
};

function dayWords(at: Date, now: Date): string {
  const diff = Math.round((istParts(at).day - istParts(now).day) / DAY_MS);
  if (diff === 0) return 'aaj';
  if (diff === 1) return 'kal';
  if (diff === 2) return 'parso';
  return `${istParts(at).date} tarikh`;
}

function periodOf(hour: number): string {
  if (hour >= 4 && hour < 12) return 'subah';
  if (hour >= 12 && hour < 16) return 'dopahar';
  if (hour >= 16 && hour < 20) return 'shaam';
  return 'raat';
}

/** "7:30" -> "saadhe saat baje"; "7:15" -> "sawa saat baje"; "6:45" -> "paune saat baje". */
function clockWords(hour24: number, minute: number): string {
  const h12 = (h: number) => (h % 12 === 0 ? 12 : h % 12);
  const h = h12(hour24);
  if (minute === 0) return `${hindiNumberWords(h)} baje`;
  if (minute === 30) return h === 1 ? 'dedh baje' : h === 2 ? 'dhai baje' : `saadhe ${hindiNumberWords(h)} baje`;
  if (minute === 15) return `sawa ${hindiNumberWords(h)} baje`;
  if (minute === 45) return `paune ${hindiNumberWords(h12(hour24 + 1))} baje`;
  return `${hindiNumberWords(h)} bajkar ${hindiNumberWords(minute)} minute`;
}

/** The moment relative to now, in Hinglish words. */
export function whenInWords(at: Date, now: Date): string {
  const { hour, minute } = istParts(at);
  return `${dayWords(at, now)} ${periodOf(hour)} ${clockWords(hour, minute)}`;
}
