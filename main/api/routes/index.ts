// Every area's routes. Each module registers its routes with commandRoute() so they reach the
// OpenAPI document.
import type { FastifyInstance } from 'fastify';
import type { ApiDeps } from '../route';
import type { Metrics } from '../metrics';
import type { TokenStore } from '../auth';
import { customerRoutes } from './customers';
import { catalogRoutes } from './catalog';
import { salesRoutes } from './sales';
import { ledgerRoutes } from './ledger';
import { reminderRoutes } from './reminders';
import { systemRoutes } from './system';
import { reportRoutes } from './reports';
import { authRoutes } from './auth';
import { voiceRoutes } from './voice';
import { rpcRoutes } from './rpc';
import { staticRoutes } from './static';

export interface RouteExtras {
  metrics: Metrics;
  tokens: TokenStore;
  /** Where a LAN device can open the screen (empty while LAN access is not listening). */
  lanUrls: () => Promise<string[]>;
}

export type RouteModule = (app: FastifyInstance, deps: ApiDeps, extras: RouteExtras) => void;

export const apiRouteModules: RouteModule[] = [customerRoutes, catalogRoutes, salesRoutes, ledgerRoutes, reminderRoutes, systemRoutes, reportRoutes, authRoutes, voiceRoutes, rpcRoutes, staticRoutes];
