/** Props of the customer-memory panels (issue #3). Owned by the memory capability. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface MemoryPanelProps {}
