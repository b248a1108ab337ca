/** The live reply checklist on the ticket page (issue #4). */
import type { TicketFeature } from '../page/features';

export const checklistFeature: TicketFeature = {
  id: 'checklist',
  start() {},
};
