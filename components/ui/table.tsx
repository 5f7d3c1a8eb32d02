import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";

export function Table({ className, ...props }: ComponentProps<"table">) {
  return (
    <div className="relative w-full overflow-x-auto">
      <table {...props} className={cn("w-full border-collapse text-left text-sm", className)} />
    </div>
  );
}

export function THead({ className, ...props }: ComponentProps<"thead">) {
  return <thead {...props} className={cn("border-b border-zinc-200 bg-zinc-50", className)} />;
}

export function TBody({ className, ...props }: ComponentProps<"tbody">) {
  return <tbody {...props} className={cn("divide-y divide-zinc-200", className)} />;
}

export function TR({ className, ...props }: ComponentProps<"tr">) {
  return <tr {...props} className={cn("transition-colors hover:bg-zinc-50", className)} />;
}

export function TH({ className, scope = "col", ...props }: ComponentProps<"th">) {
  return (
    <th
      {...props}
      scope={scope}
      className={cn("px-4 py-2.5 text-xs font-medium whitespace-nowrap text-zinc-600", className)}
    />
  );
}

export function TD({ className, ...props }: ComponentProps<"td">) {
  return <td {...props} className={cn("px-4 py-3 align-middle text-zinc-800", className)} />;
}
