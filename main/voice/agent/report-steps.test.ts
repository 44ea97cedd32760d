import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gstinCheckChar } from '../../../common/gstin';
import type { Services } from '../../services';
import type { ShopView } from '../intent/shop';
import { OWNER_VOICE, testShop, VOICE_ACTOR } from '../intent/test-shop';
import { CounterAgent } from './agent';

const SHOP_GSTIN = '23AABCJ1234K1Z' + gstinCheckChar('23AABCJ1234K1Z');

let services: Services;
let shop: ShopView & { dispose(): void };
let dataDir: string;

beforeEach(() => {
  ({ services, shop } = testShop());
  dataDir = mkdtempSync(join(tmpdir(), 'galla-voice-reports-'));
});
afterEach(() => {
  shop.dispose();
  services.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const agentWith = (dir: string | null) => new CounterAgent({ dispatcher: services.dispatcher, clock: services.clock, shop, counter: 'test', dataDir: dir });
const setGstin = () => {
  const r = services.dispatcher.dispatch('settings-update', { gstin: SHOP_GSTIN }, OWNER_VOICE);
  if (!r.ok) throw new Error(r.error.message);
};
/** Two bills through the agent itself: one at 5% and one at 18%, both within Madhya Pradesh. */
async function twoBills(agent: CounterAgent) {
  for (const text of ['Lakshmi ko do kilo sugar', 'haan bana do', 'ek dettol soap', 'haan bana do']) {
    const turn = await agent.handle(text, VOICE_ACTOR);
    expect(turn.tasks.every((t) => t.ok), `${text}: ${turn.reply}`).toBe(true);
  }
}

describe('EXPORT_GSTR1 by voice', () => {
  it('the owner gets a short line and the JSON saved under <dataDir>/exports', async () => {
    setGstin();
    const agent = agentWith(dataDir);
    await twoBills(agent);
    const turn = await agent.handle('is mahine ka GSTR-1 banao', OWNER_VOICE);
    expect(turn.tasks[0]).toMatchObject({ intent: 'EXPORT_GSTR1', ok: true });
    const file = join(dataDir, 'exports', `GSTR1-${SHOP_GSTIN}-032026.json`);
    // The test shop's products have no HSN: two things to fix. Sugar 2 kg at 44: GST 4.40; soap 45 at 18%: 8.10. Kul 12.50.
    expect(turn.reply).toBe(`March ka GSTR-1 tayyar hai: koi B2B bill nahi, do B2C, kul GST barah rupaye pachaas paise. File ${file} mein save hai. do baat theek karni hai, screen pe dekhiye.`);
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    expect(saved).toMatchObject({ gstin: SHOP_GSTIN, fp: '032026', b2b: [] });
    expect(saved.b2cs).toEqual([
      { sply_ty: 'INTRA', pos: '23', typ: 'OE', rt: 5, txval: 88, iamt: 0, camt: 2.2, samt: 2.2, csamt: 0 },
      { sply_ty: 'INTRA', pos: '23', typ: 'OE', rt: 18, txval: 45, iamt: 0, camt: 4.05, samt: 4.05, csamt: 0 },
    ]);
  });

  it('"pichhle mahine ka": last month\'s file, the one that is filed', async () => {
    setGstin();
    const agent = agentWith(dataDir);
    (services.clock as unknown as { set(d: string): void }).set('2026-02-14T06:00:00.000Z');
    await twoBills(agent);
    (services.clock as unknown as { set(d: string): void }).set('2026-03-10T05:30:00.000Z');
    const turn = await agent.handle('pichhle mahine ka GSTR-1 banao', OWNER_VOICE);
    expect(turn.tasks[0]).toMatchObject({ intent: 'EXPORT_GSTR1', ok: true, result: { month: '2026-02', b2cInvoiceCount: 2 } });
    expect(turn.reply).toMatch(/^February ka GSTR-1 tayyar hai: koi B2B bill nahi, do B2C/);
    expect(existsSync(join(dataDir, 'exports', `GSTR1-${SHOP_GSTIN}-022026.json`))).toBe(true);
    const pnl = await agent.handle('pichhle mahine ka munafa kitna hua', OWNER_VOICE);
    expect(pnl.tasks[0]).toMatchObject({ intent: 'EXPORT_PNL', ok: true, result: { from: '2026-02-01', to: '2026-02-28', invoiceCount: 2 } });
    expect(pnl.reply).toMatch(/^Bikri aur GST ka hisaab, 1 February se 28 February: do bill/);
  });

  it('without a data dir nothing is written and the reply says to download it from the screen', async () => {
    setGstin();
    const turn = await agentWith(null).handle('GST return banao gstr', OWNER_VOICE);
    expect(turn.tasks[0]).toMatchObject({ intent: 'EXPORT_GSTR1', ok: true });
    expect(turn.reply).toMatch(/GSTR-1 tayyar hai: .*File screen se download kijiye\.$/);
  });

  it('a cashier is asked for the owner and nothing is made or saved', async () => {
    setGstin();
    const before = services.db.prepare(`SELECT count(*) AS n FROM audit_log`).get() as { n: number };
    const turn = await agentWith(dataDir).handle('is mahine ka GSTR-1 banao', VOICE_ACTOR);
    expect(turn.tasks[0]).toMatchObject({ intent: 'EXPORT_GSTR1', ok: false, error: 'owner only' });
    expect(turn.reply).toBe('GSTR-1 banane ke liye owner ki manzoori chahiye. Owner PIN daalein.');
    expect(existsSync(join(dataDir, 'exports')) ? readdirSync(join(dataDir, 'exports')) : []).toEqual([]);
    expect(services.db.prepare(`SELECT count(*) AS n FROM audit_log`).get()).toEqual(before);
  });

  it('no shop GSTIN: says to set it in Settings', async () => {
    const turn = await agentWith(dataDir).handle('is mahine ka GSTR-1 banao', OWNER_VOICE);
    expect(turn.tasks[0]).toMatchObject({ intent: 'EXPORT_GSTR1', ok: false });
    expect(turn.reply).toBe('Dukaan ka GSTIN set nahi hai. Settings mein GSTIN daaliye, phir GSTR-1 banega.');
  });
});

describe('EXPORT_PNL by voice', () => {
  it('answers sales and GST, and says plainly that profit is not known', async () => {
    const agent = agentWith(dataDir);
    await twoBills(agent);
    const turn = await agent.handle('munafa kitna hua is mahine', OWNER_VOICE);
    expect(turn.tasks[0]).toMatchObject({ intent: 'EXPORT_PNL', ok: true, result: { costKnown: false, invoiceCount: 2, netSalesPaise: 13_300 } });
    // Lakshmi's bill went on udhaar: only the walk-in soap (53.10) came in.
    expect(turn.reply).toBe(
      'Bikri aur GST ka hisaab, 1 March se 10 March: do bill, bikri ek sau taintis rupaye bina GST, GST barah rupaye pachaas paise, tirpan rupaye das paise aaye. Munafa nahi bata sakte: Galla mein kharid ka daam nahi likha jaata.',
    );
  });

  it('a cashier is asked for the owner', async () => {
    const turn = await agentWith(dataDir).handle('munafa kitna hua is mahine', VOICE_ACTOR);
    expect(turn.tasks[0]).toMatchObject({ intent: 'EXPORT_PNL', ok: false, error: 'owner only' });
    expect(turn.reply).toContain('owner ki manzoori chahiye');
  });
});
