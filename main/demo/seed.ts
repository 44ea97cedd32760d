import type { Services } from '../services';

/** Fills an empty shop with a demo kirana. Written in the core issue's second half. */
export function seedDemoShop(_services: Services): { seeded: boolean } {
  return { seeded: false };
}
