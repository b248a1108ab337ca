/**
 * Length limits of what the agent and pages may send (checked by the schemas in lib/schema.ts).
 * Apart from the schemas so that a view can show a limit without loading the validator.
 */
export const LIMITS = {
  noteText: 5000,
  tag: 40,
  tags: 20,
  field: 500,
  messages: 200,
  messageText: 20000,
} as const;
