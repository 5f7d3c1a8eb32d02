import { randomBytes } from "node:crypto";
import { env } from "@/lib/env";
import { syncFiles, type FileToUpload } from "../files/sync-files";
import { bearer, providerFetch } from "../provider-http";
import type { ProviderAdapter } from "../sync-context";
import { VerificationError } from "../verification-error";

// Google Drive v3: multipart uploads (metadata + media, multipart/related) into the chosen folder; a file that
// changed (a day with late sales) is replaced in place with PATCH on its id. OAuth access token as Bearer.
const FOLDER = "application/vnd.google-apps.folder";

export const googleDrive: ProviderAdapter = {
  async verify({ accessToken, folderId }) {
    const res = await providerFetch("Google Drive", `${env.GOOGLE_DRIVE_API_BASE}/drive/v3/files/${encodeURIComponent(folderId)}?fields=id,name,mimeType&supportsAllDrives=true`, {
      headers: bearer(accessToken),
    });
    if ((res.json as { mimeType?: string } | null)?.mimeType !== FOLDER) throw new VerificationError(`${folderId} is not a folder`);
  },

  async sync(ctx) {
    await syncFiles(ctx, (file) => upload(ctx.credentials.accessToken, ctx.settings.folderId, file));
  },
};

async function upload(token: string, folderId: string, file: FileToUpload): Promise<string> {
  const boundary = `tangabiz-${randomBytes(12).toString("hex")}`;
  // A new file goes into the folder; a replacement keeps its place (parents cannot be set on update).
  const metadata = file.externalId ? { name: file.name, mimeType: file.mimeType } : { name: file.name, mimeType: file.mimeType, parents: [folderId] };
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n${JSON.stringify(metadata)}\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Type: ${file.mimeType}\r\n\r\n`),
    file.content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const target = file.externalId ? `/${encodeURIComponent(file.externalId)}` : "";
  const res = await providerFetch("Google Drive", `${env.GOOGLE_DRIVE_API_BASE}/upload/drive/v3/files${target}?uploadType=multipart&supportsAllDrives=true`, {
    method: file.externalId ? "PATCH" : "POST",
    headers: { ...bearer(token), "content-type": `multipart/related; boundary=${boundary}` },
    body: new Uint8Array(body),
  });
  return (res.json as { id: string }).id;
}
