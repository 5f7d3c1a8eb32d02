import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";

export function Skeleton({ className, ...props }: ComponentProps<"div">) {
  return <div aria-hidden="true" {...props} className={cn("h-4 animate-pulse rounded-md bg-zinc-200", className)} />;
}
