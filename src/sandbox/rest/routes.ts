import type { SandboxCore } from '../core.js';
import type { RouteHandler } from './http.js';
import { Router } from './router.js';
import { addAppRoutes } from './routes-app.js';
import { addChannelRoutes } from './routes-channels.js';
import { addInteractionRoutes } from './routes-interactions.js';

/** Every REST route the local Discord serves under /api/v10. */
export function buildRoutes(core: SandboxCore): Router<RouteHandler> {
  const router = new Router<RouteHandler>();
  addAppRoutes(router, core);
  addChannelRoutes(router, core);
  addInteractionRoutes(router, core);
  return router;
}
