import { auth } from "./index";
import { explainOriginRefusal } from "./explain-origin-error";

// Every request to Better Auth (its route, and the no-JavaScript form actions) goes through here.
export async function handleAuthRequest(request: Request): Promise<Response> {
  return explainOriginRefusal(request, await auth.handler(request));
}
