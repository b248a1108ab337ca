/** Background handlers for the customer-memory requests (lib/memory/messages.ts). */
import type { HandlerMap } from '../background/handle-request';

export const memoryHandlers: HandlerMap<never> = {};
