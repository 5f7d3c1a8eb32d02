import { ApiError } from "./errors";

// Our request bodies are shallow; 32 levels leave room for any free-form metadata a client may send.
export const MAX_JSON_DEPTH = 32;

// Measured on the raw text before JSON.parse, so a deeply nested body is refused without building it.
export function jsonDepth(raw: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c) i++;
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x5b || ch === 0x7b) max = Math.max(max, ++depth);
    else if (ch === 0x5d || ch === 0x7d) depth--;
  }
  return max;
}

// The same bound for an already parsed value (Better Auth parses its own bodies), walked without recursion.
export function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [item, depth] = stack.pop()!;
    if (item === null || typeof item !== "object") continue;
    if (depth + 1 > max) return true;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return false;
}

// PostgreSQL stores neither NUL nor unpaired UTF-16 surrogates in text or jsonb; refuse them at the boundary
// (naming where) rather than fail later with a 500.
export function findUnstorableText(value: unknown, path: string[] = []): string | null {
  if (typeof value === "string") return describeUnstorable(value, path);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorableText(value[i], [...path, String(i)]);
      if (found) return found;
    }
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const found = describeUnstorable(key, [...path, "(key)"]) ?? findUnstorableText(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

function describeUnstorable(text: string, path: string[]): string | null {
  const where = path.length ? path.join(".") : "body";
  if (text.includes("\u0000")) return `${where}: must not contain NUL characters (\\u0000)`;
  if (!text.isWellFormed()) return `${where}: must not contain unpaired UTF-16 surrogates (e.g. \\ud800)`;
  return null;
}

export function assertStorableJson(raw: string): unknown {
  if (jsonDepth(raw) > MAX_JSON_DEPTH) throw new ApiError("validation_failed", `body: nested deeper than ${MAX_JSON_DEPTH} levels`);
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    throw new ApiError("invalid_json", "The request body is not valid JSON.");
  }
  const problem = findUnstorableText(data);
  if (problem) throw new ApiError("validation_failed", problem);
  return data;
}
