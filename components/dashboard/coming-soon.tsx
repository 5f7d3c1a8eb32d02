import type { LucideIcon } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";

// For dashboard areas whose capability is not built yet: says plainly what will be here.
export function ComingSoon({ icon, title, description }: { icon: LucideIcon; title: string; description: string }) {
  return <EmptyState icon={icon} title={title} description={description} />;
}
