/** Background handlers for the reply-checklist requests (lib/standards/messages.ts). */
import type { HandlerMap } from '../background/handle-request';

export const replyHandlers: HandlerMap<never> = {};
