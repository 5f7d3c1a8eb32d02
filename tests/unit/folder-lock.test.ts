import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lockDataFolder } from "@/lib/db/folder-lock";

describe("embedded database folder lock", () => {
  it("refuses a folder held by another live process", () => {
    const root = mkdtempSync(path.join(tmpdir(), "lock-"));
    const dir = path.join(root, "pglite");
    writeFileSync(path.join(root, "pglite.lock"), String(process.ppid));
    expect(() => lockDataFolder(dir)).toThrow(/in use by process \d+/);
  });

  it("takes over a lock left by a process that is gone", () => {
    const root = mkdtempSync(path.join(tmpdir(), "lock-"));
    const dir = path.join(root, "pglite");
    writeFileSync(path.join(root, "pglite.lock"), "999999999");
    lockDataFolder(dir);
    expect(readFileSync(path.join(root, "pglite.lock"), "utf8")).toBe(String(process.pid));
    expect(existsSync(dir)).toBe(true);
    expect(() => lockDataFolder(dir)).not.toThrow();
  });
});
