import type { RouteModule } from './index';

export const reminderRoutes: RouteModule = () => {};
