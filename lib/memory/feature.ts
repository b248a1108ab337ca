/** Customer memory on the ticket page (issue #3): cues, profile, timeline, follow-ups. */
import type { TicketFeature } from '../page/features';

export const memoryFeature: TicketFeature = {
  id: 'memory',
  start() {},
};
