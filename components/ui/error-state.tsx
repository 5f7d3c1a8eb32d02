"use client";
import type { ReactNode } from "react";
import { RotateCw, TriangleAlert } from "lucide-react";
import { cn } from "@/lib/cn";
import { Button } from "./button";

export type ErrorStateProps = {
  title?: ReactNode;
  message: ReactNode;
  onRetry?: () => void;
  className?: string;
};

export function ErrorState({ title = "Something went wrong", message, onRetry, className }: ErrorStateProps) {
  return (
    <div role="alert" className={cn("flex flex-col items-center px-6 py-12 text-center text-sm", className)}>
      <div className="mb-3 flex size-10 items-center justify-center rounded-full bg-red-50 text-red-700">
        <TriangleAlert aria-hidden="true" className="size-5" />
      </div>
      <h3 className="text-base font-semibold text-zinc-900">{title}</h3>
      <p className="mt-1 max-w-sm text-zinc-600">{message}</p>
      {onRetry && (
        <Button type="button" variant="secondary" size="sm" className="mt-4" onClick={onRetry}>
          <RotateCw aria-hidden="true" className="size-3.5" />
          Retry
        </Button>
      )}
    </div>
  );
}
