import type { RouteModule } from './index';

export const salesRoutes: RouteModule = () => {};
