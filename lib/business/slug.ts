import { randomBytes } from "node:crypto";

export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48)
    .replace(/-+$/, "");
  return slug || "business";
}

export function slugWithSuffix(base: string): string {
  return `${base}-${randomBytes(3).toString("hex")}`;
}
