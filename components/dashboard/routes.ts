/** Addresses of dashboard views: `#customers/<id>` opens a customer's page, `#customers` the list. */
export const customerHash = (id?: string): string => (id ? `#customers/${encodeURIComponent(id)}` : '#customers');
