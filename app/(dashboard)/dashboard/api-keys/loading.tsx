import { Skeleton } from "@/components/ui/skeleton";

export default function ApiKeysLoading() {
  return (
    <div aria-busy="true" aria-label="Loading API keys" className="space-y-4">
      <Skeleton className="h-7 w-40" />
      <Skeleton className="h-4 w-96 max-w-full" />
      <div className="space-y-3 rounded-lg border border-zinc-200 bg-white p-5">
        <Skeleton className="h-5 w-32" />
        {Array.from({ length: 4 }, (_, i) => (
          <Skeleton key={i} className="h-9" />
        ))}
      </div>
      <Skeleton className="h-36" />
    </div>
  );
}
