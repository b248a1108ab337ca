/** Types for h.mjs (plain ESM so Node runs it without a build step). */
export type AttrValue = string | number | boolean | null | undefined;
export interface ViewElement {
  tag: string;
  attrs: Record<string, AttrValue>;
  children: ViewNode[];
}
export interface JsonText {
  json: unknown;
}
export type ViewNode = ViewElement | JsonText | string | number;
type Children = Array<ViewNode | Children | null | undefined | false>;

export function h(tag: string, attrs?: Record<string, AttrValue> | null, ...children: Children): ViewElement;
export function jsonText(value: unknown): JsonText;
export function escapeText(text: unknown): string;
export function escapeAttribute(value: unknown): string;
export function scriptSafeJson(value: unknown): string;
export function toHtml(node: ViewNode): string;
export function toDom(node: ViewNode, doc?: Document, namespace?: string | null): Node;
export function textBlocks(text: string): string[][];
export function paragraphs(text: string): ViewElement[];
export function relativeTime(at: string | Date, now?: string | Date): string;
export function absoluteTime(at: string | Date): string;
export function initials(name: string): string;
