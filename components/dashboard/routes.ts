/** Dashboard addresses: `#notes` is a view; `#customers/<id>` is one customer's page (linkable, Back works). */
export const customerHash = (id?: string) => (id ? `#customers/${encodeURIComponent(id)}` : '#customers');
