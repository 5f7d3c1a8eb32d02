// What the outbox shows (and the API returns) of a message; the body only where it is rendered.
export const outboxFields = {
  id: true,
  template: true,
  to: true,
  subject: true,
  status: true,
  transport: true,
  attempts: true,
  nextAttemptAt: true,
  error: true,
  createdAt: true,
  sentAt: true,
} as const;
