// For the agent's tests: a fresh test shop and counter agent for each test, the hooks registered
// here, and a command result unwrapped.
import { afterEach, beforeEach } from 'vitest';
import type { Actor } from '../../../common/actor';
import type { Services } from '../../services';
import type { ShopView } from '../intent/shop';
import { testShop, VOICE_ACTOR } from '../intent/test-shop';
import { CounterAgent } from './agent';

export interface AgentPerTest {
  services: Services;
  shop: ShopView & { dispose(): void };
  agent: CounterAgent;
  say(text: string, actor?: Actor): ReturnType<CounterAgent['handle']>;
}

export function agentPerTest(): AgentPerTest {
  const t = { say: (text: string, actor: Actor = VOICE_ACTOR) => t.agent.handle(text, actor) } as AgentPerTest;
  beforeEach(() => {
    ({ services: t.services, shop: t.shop } = testShop());
    t.agent = new CounterAgent({ dispatcher: t.services.dispatcher, clock: t.services.clock, shop: t.shop, counter: 'test' });
  });
  afterEach(() => {
    t.shop.dispose();
    t.services.close();
  });
  return t;
}

export const unwrap = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
