"use client";
import { ErrorState } from "@/components/ui/error-state";

export default function DashboardError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorState title="This page could not load" message="Something went wrong on our side. Try again in a moment." onRetry={reset} />;
}
