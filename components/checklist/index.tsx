/** The live reply checklist (issue #4), shown under the customer's cues while the agent writes. */
import type { ChecklistPanelProps } from './model';

export function ChecklistPanel(_props: ChecklistPanelProps) {
  return null;
}
