import { z } from 'zod';
import { commandRoute } from '../route';
import { presentSummary } from '../present';
import type { RouteModule } from './index';
import { ShopSettingsInput } from '../../../common/commands/system';

export const systemRoutes: RouteModule = (app, deps) => {
  commandRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/summary/daily',
    command: 'summary-daily',
    summary: 'Today’s business snapshot (IST midnight to now).',
    toInput: () => ({}),
    present: presentSummary,
    responseKey: 'summary',
  });
  commandRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/undo',
    command: 'undo-last',
    summary: 'Undo the last change by writing its reversal.',
    toInput: () => ({}),
    present: (r) => r,
    responseKey: 'undo',
  });
  commandRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/settings',
    command: 'settings-get',
    summary: 'The shop’s settings.',
    toInput: () => ({}),
    present: (s) => s,
    responseKey: 'settings',
  });
  commandRoute(app, deps, {
    method: 'PUT',
    url: '/api/v1/settings',
    command: 'settings-update',
    summary: 'Change the shop’s settings (owner).',
    body: ShopSettingsInput,
    toInput: ({ body }) => body,
    present: (s) => s,
    responseKey: 'settings',
  });
  void z;
};
