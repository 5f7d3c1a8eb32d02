// 1 credit buys 5 seconds of metered work; a job asks for whole credits, rounded up.
export const SECONDS_PER_CREDIT = 5;
export const DEFAULT_HOLD_SECONDS = 3_600;
export const MAX_HOLD_SECONDS = 86_400;

export function creditsForSeconds(seconds: number): number {
  return Math.ceil(seconds / SECONDS_PER_CREDIT);
}

export type CreditBucket = "plan" | "topup";
export type CreditEntryKind =
  | "plan_grant"
  | "plan_expiry"
  | "topup"
  | "reservation"
  | "settlement"
  | "release"
  | "expiry"
  | "adjustment";
