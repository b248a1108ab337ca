/**
 * Client-chosen ids for the saves the sidebar retries (#15). A save whose answer is lost — the
 * background worker restarted mid-request, "Couldn't save" — is retried by the agent with the same
 * text; sending the same id again lets the background store it once. The id is kept per kind until
 * a save of that kind succeeds or the text changes.
 */
export interface RetryIds {
  /** The id to send for saving `text` as `kind`: the previous one when this is a retry of it. */
  idFor(kind: string, text: string): string;
  /** A save of `kind` went through: the next text gets a fresh id. */
  saved(kind: string): void;
}

export function retryIds(uuid: () => string = () => crypto.randomUUID()): RetryIds {
  const pending = new Map<string, { text: string; id: string }>();
  return {
    idFor(kind, text) {
      const last = pending.get(kind);
      if (last?.text === text) return last.id;
      const id = uuid();
      pending.set(kind, { text, id });
      return id;
    },
    saved: (kind) => void pending.delete(kind),
  };
}
