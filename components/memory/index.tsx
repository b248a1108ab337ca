/**
 * Customer-memory views (issue #3). `MemoryTop` sits right under the customer card (cues, open
 * promises: what to know in five seconds); `MemoryDetails` below the notes (profile, facts, timeline).
 */
import type { MemoryPanelProps } from './model';

export function MemoryTop(_props: MemoryPanelProps) {
  return null;
}

export function MemoryDetails(_props: MemoryPanelProps) {
  return null;
}
