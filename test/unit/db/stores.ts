/**
 * The stores of past schema versions, as they were declared then: migration tests open a bare Dexie
 * at one of these, store rows of that shape, then reopen with RapportDB. Restated on purpose (not
 * imported from lib/db/db.ts): a past version must not change when db.ts does.
 */
export const V1_STORES = {
  customers: 'id, [helpdesk+account+externalId], *emails, [helpdesk+account+name], lastSeen',
  visits: 'id, customerId, [customerId+lastSeen], lastSeen',
  notes: 'id, customerId, [customerId+createdAt], ticketKey, updatedAt, *tags',
};

export const V2_STORES = {
  customers: 'id, [helpdesk+account+externalId], *emails, [helpdesk+account+name], lastSeen, mergedInto, name',
  visits: 'id, customerId, [customerId+lastSeen], lastSeen',
  notes: 'id, customerId, [customerId+createdAt], ticketKey, updatedAt, *tags, author',
  facts: 'id, customerId, [customerId+createdAt]',
  followUps: 'id, customerId, [status+dueAt], [customerId+status]',
  merges: 'id, survivorId, mergedId, at',
  replies: 'id, customerId, sentAt, [helpdesk+account+ticketId], agent',
  apiFetches: 'key',
};

export const V3_STORES = { ...V2_STORES, visits: 'id, customerId, [customerId+lastSeen], lastSeen, [customerId+firstSeen]' };

export const V4_STORES = {
  ...V3_STORES,
  notes: 'id, customerId, [customerId+createdAt], ticketKey, updatedAt, *tags, author, [customerId+pinnedCreatedAt]',
};

export const V5_STORES = { ...V4_STORES, replyWeeks: 'id, week' };

export const V6_STORES = {
  ...V5_STORES,
  customers: 'id, [helpdesk+account+externalId], *emails, [helpdesk+account+name], lastSeen, mergedInto, name, workspace',
  accounts: 'host, workspace',
};

export const V7_STORES = { ...V6_STORES, disputes: 'id, rule, at, customerId' };

export const V8_STORES = {
  ...V7_STORES,
  trainingScenarios: 'id, updatedAt',
  trainingAttempts: 'id, [trainee+at], [scenarioId+at], at',
};
