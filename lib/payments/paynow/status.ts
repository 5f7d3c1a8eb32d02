// What each Paynow transaction status means for our payment (Paynow "Status Update" reference).
export type PaynowOutcome = "paid" | "failed" | "pending" | "review";

const outcomes: Record<string, PaynowOutcome> = {
  paid: "paid",
  "awaiting delivery": "paid",
  delivered: "paid",
  created: "pending",
  sent: "pending",
  failed: "failed",
  cancelled: "failed",
  // Money moved and then was contested or returned: a person decides.
  disputed: "review",
  refunded: "review",
};

export function classifyPaynowStatus(status: string): PaynowOutcome | "unknown" {
  return outcomes[status.trim().toLowerCase()] ?? "unknown";
}

export function describeFailure(status: string): string {
  return status.trim().toLowerCase() === "cancelled"
    ? "The payment was cancelled on the phone or at Paynow."
    : "Paynow reported that the payment failed.";
}
