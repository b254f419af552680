import { performance } from 'node:perf_hooks';
import type { SandboxCore } from '../core.js';
import type { JsonObject } from '../json.js';
import { acknowledge } from '../rest/acknowledge.js';
import { ApiError } from '../rest/errors.js';
import type { InteractionsEndpoint } from './endpoint.js';
import type { InteractionRecord } from './tracker.js';

const ROUTE = 'POST interactions endpoint';

/**
 * Delivers an interaction to the bot's interactions endpoint, as Discord does once one is set
 * (no INTERACTION_CREATE on the gateway then): the answer in the HTTP response is the callback;
 * an empty 202/204 leaves it to a REST callback within the deadline. The exchange stays open
 * while the POST is out.
 */
export function deliverOverHttp(
  core: SandboxCore,
  endpoint: InteractionsEndpoint,
  record: InteractionRecord,
  payload: JsonObject,
): void {
  const { collector } = record;
  collector.requestStarted();
  record.deliveredAt = Date.now();
  collector.delivered();
  record.answering = endpoint
    .deliver(payload, core.config.interactionDeadlineMs)
    .then((answer) => {
      if (answer.kind === 'failed') {
        collector.reject({ method: 'POST', route: ROUTE, status: answer.status, code: 0, message: answer.reason });
        if (record.acknowledgedWith === null) collector.deliveryFailed();
        return;
      }
      if (answer.status < 200 || answer.status > 299) {
        const message = `the endpoint answered ${answer.status}; Discord shows "This interaction failed"`;
        collector.reject({ method: 'POST', route: ROUTE, status: answer.status, code: 0, message });
        if (record.acknowledgedWith === null) collector.deliveryFailed();
        return;
      }
      if (answer.body === undefined) return; // acknowledged, or to be, by a REST callback
      acknowledge(core, record, answer.body, answer.files, performance.now());
    })
    .catch((error: unknown) => {
      const refused = error instanceof ApiError ? error : new ApiError(500, 0, String(error));
      collector.reject({
        method: 'POST',
        route: ROUTE,
        status: refused.status,
        code: refused.code,
        message: refused.message,
      });
    })
    .finally(() => {
      delete record.answering;
      collector.requestEnded();
    });
}
