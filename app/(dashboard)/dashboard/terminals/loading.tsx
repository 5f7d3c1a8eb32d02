import { Skeleton } from "@/components/ui/skeleton";

export default function TerminalsLoading() {
  return (
    <div aria-busy="true" aria-label="Loading terminals" className="space-y-4">
      <Skeleton className="h-7 w-48" />
      <Skeleton className="h-4 w-80 max-w-full" />
      <Skeleton className="h-56" />
      <Skeleton className="h-80" />
    </div>
  );
}
