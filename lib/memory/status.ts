/** Ticket statuses that mean the ticket ended (Zendesk solved/closed, Freshdesk resolved/closed). */
const ENDED = new Set(['solved', 'closed', 'resolved']);

export const isEnded = (status: string | undefined) => ENDED.has(status?.trim().toLowerCase() ?? '');
