import type { RouteModule } from './index';

export const catalogRoutes: RouteModule = () => {};
