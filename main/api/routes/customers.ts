import type { RouteModule } from './index';

export const customerRoutes: RouteModule = () => {};
