/**
 * Ticket statuses that mean the ticket ended (Zendesk solved/closed, Freshdesk resolved/closed,
 * FreeScout closed; a ticket deleted — merged into another — or marked spam is over too).
 */
const ENDED = new Set(['solved', 'closed', 'resolved', 'deleted', 'spam']);

export const isEnded = (status: string | undefined) => ENDED.has(status?.trim().toLowerCase() ?? '');
