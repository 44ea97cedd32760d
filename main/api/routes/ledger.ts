import type { RouteModule } from './index';

export const ledgerRoutes: RouteModule = () => {};
