// Decodes the form bodies the Stripe SDK sends (`metadata[businessId]=…&line_items[0][price]=…`) into objects.
export type FormValue = string | FormObject | FormValue[];
export interface FormObject {
  [key: string]: FormValue;
}

export function parseStripeForm(body: string): FormObject {
  const root: FormObject = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const path = key.replace(/\]/g, "").split("[");
    let node: FormObject | FormValue[] = root;
    path.forEach((segment, index) => {
      const last = index === path.length - 1;
      const slot = segment as never;
      if (last) {
        (node as Record<string, FormValue>)[slot] = value;
        return;
      }
      const nextIsIndex = /^\d+$/.test(path[index + 1]);
      (node as Record<string, FormValue>)[slot] ??= nextIsIndex ? [] : {};
      node = (node as Record<string, FormValue>)[slot] as FormObject | FormValue[];
    });
  }
  return root;
}

export function str(value: FormValue | undefined): string | undefined {
  return typeof value === "string" ? value : undefined;
}

export function obj(value: FormValue | undefined): FormObject {
  return value && typeof value === "object" && !Array.isArray(value) ? value : {};
}

export function list(value: FormValue | undefined): FormValue[] {
  if (Array.isArray(value)) return value;
  // Indexed keys arrive as objects when the SDK numbers them out of order; keep numeric order.
  if (value && typeof value === "object") return Object.keys(value).sort((a, b) => Number(a) - Number(b)).map((k) => value[k]);
  return [];
}

export function bool(value: FormValue | undefined): boolean | undefined {
  return value === "true" ? true : value === "false" ? false : undefined;
}

export function stringRecord(value: FormValue | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(obj(value)).filter(([, v]) => typeof v === "string")) as Record<string, string>;
}
