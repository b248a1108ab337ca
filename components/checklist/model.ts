/** Props of the reply-checklist panel (issue #4). Owned by the checklist capability. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ChecklistPanelProps {}
