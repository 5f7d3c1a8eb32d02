import { cloneElement, isValidElement, type ComponentProps, type ReactNode } from "react";
import { cn } from "@/lib/cn";

const control =
  "block w-full rounded-lg border border-zinc-300 bg-white px-3 text-sm text-zinc-900 shadow-sm placeholder:text-zinc-400 " +
  "disabled:cursor-not-allowed disabled:bg-zinc-50 disabled:text-zinc-500 " +
  "aria-invalid:border-red-600 aria-invalid:focus-visible:outline-red-600";

export type InputProps = ComponentProps<"input"> & { invalid?: boolean };

export function Input({ invalid, className, ...props }: InputProps) {
  return (
    <input
      {...props}
      aria-invalid={invalid || props["aria-invalid"] || undefined}
      className={cn(control, "h-9", className)}
    />
  );
}

export function Label({ className, ...props }: ComponentProps<"label">) {
  return <label {...props} className={cn("block text-sm font-medium text-zinc-800", className)} />;
}

export type SelectProps = ComponentProps<"select"> & { invalid?: boolean };

export function Select({ invalid, className, ...props }: SelectProps) {
  return (
    <select
      {...props}
      aria-invalid={invalid || props["aria-invalid"] || undefined}
      className={cn(control, "h-9 pr-8", className)}
    />
  );
}

export type TextareaProps = ComponentProps<"textarea"> & { invalid?: boolean };

export function Textarea({ invalid, className, ...props }: TextareaProps) {
  return (
    <textarea
      {...props}
      aria-invalid={invalid || props["aria-invalid"] || undefined}
      className={cn(control, "min-h-20 py-2", className)}
    />
  );
}

export type FieldProps = {
  label: ReactNode;
  htmlFor: string;
  hint?: ReactNode;
  error?: ReactNode;
  children: ReactNode;
  className?: string;
};

type DescribableProps = { "aria-describedby"?: string; "aria-invalid"?: boolean | "true" | "false" };

export function Field({ label, htmlFor, hint, error, children, className }: FieldProps) {
  const messageId = error ? `${htmlFor}-error` : hint ? `${htmlFor}-hint` : undefined;

  // Wire the message to a single control child so callers get aria-describedby/aria-invalid for free.
  let control = children;
  if (messageId && isValidElement<DescribableProps>(children)) {
    const describedBy = [children.props["aria-describedby"], messageId].filter(Boolean).join(" ");
    control = cloneElement(children, {
      "aria-describedby": describedBy,
      ...(error ? { "aria-invalid": true } : {}),
    });
  }

  return (
    <div className={cn("space-y-1.5", className)}>
      <Label htmlFor={htmlFor}>{label}</Label>
      {control}
      {error ? (
        <p id={`${htmlFor}-error`} role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : hint ? (
        <p id={`${htmlFor}-hint`} className="text-sm text-zinc-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
