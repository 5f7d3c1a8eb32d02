// The provider answered, but not what a working connection needs (e.g. the folder is a file, a permission is missing).
export class VerificationError extends Error {
  override name = "VerificationError";
}
