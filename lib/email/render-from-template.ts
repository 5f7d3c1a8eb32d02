import { render, toPlainText } from "@react-email/components";
import type { ReactElement } from "react";

type Props = Record<string, string | number | boolean | null>;

const templates = new Map<string, { html: string; text: string }>();
const MAX_TEMPLATES = 200;
const placeholder = /\u2063(\w+)\u2063/g;

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" })[c]!);

// Renders an email once per shape (template + its non-text props) with a marker in place of every text prop,
// then fills the markers in: a billing run that sends thousands of the same email renders React once, not
// thousands of times. Only for templates that place text props as they are (no slicing, no case changes).
export async function renderFromTemplate<P extends Props>(name: string, component: (props: P) => ReactElement, props: P) {
  const shape = Object.entries(props).filter(([, value]) => typeof value !== "string");
  const key = `${name}:${JSON.stringify(shape)}`;
  let template = templates.get(key);
  if (!template) {
    const marked = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, typeof v === "string" ? `\u2063${k}\u2063` : v])) as P;
    const html = await render(component(marked));
    template = { html, text: toPlainText(html) };
    if (templates.size >= MAX_TEMPLATES) templates.clear();
    templates.set(key, template);
  }
  const fill = (source: string, escape: (value: string) => string) =>
    source.replace(placeholder, (match, k: string) => (typeof props[k] === "string" ? escape(props[k] as string) : match));
  return { html: fill(template.html, escapeHtml), text: fill(template.text, (value) => value) };
}
