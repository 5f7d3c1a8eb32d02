import Link from "next/link";
import { Button, buttonClasses } from "@/components/ui/button";
import { Input, Label, Select } from "@/components/ui/input";

export interface ActivityFilterValues {
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
}

// A plain GET form: filtering works without JavaScript and the URL can be shared or bookmarked.
export function ActivityFilters({
  values,
  actors,
  actions,
  csvHref,
}: {
  values: ActivityFilterValues;
  actors: { id: string; name: string }[];
  actions: { code: string; label: string }[];
  csvHref: string;
}) {
  return (
    <form method="get" className="grid gap-3 border-b border-zinc-200 px-5 py-4 sm:grid-cols-2 lg:grid-cols-5 lg:items-end">
      <div className="space-y-1.5">
        <Label htmlFor="activity-actor">Who</Label>
        <Select id="activity-actor" name="actor" defaultValue={values.actor ?? ""}>
          <option value="">Anyone</option>
          {actors.map((actor) => (
            <option key={actor.id} value={actor.id}>
              {actor.name}
            </option>
          ))}
        </Select>
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="activity-action">What</Label>
        <Select id="activity-action" name="action" defaultValue={values.action ?? ""}>
          <option value="">Any action</option>
          {actions.map((action) => (
            <option key={action.code} value={action.code}>
              {action.label}
            </option>
          ))}
        </Select>
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="activity-from">From (UTC)</Label>
        <Input id="activity-from" name="from" type="date" defaultValue={values.from ?? ""} />
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="activity-to">To (UTC)</Label>
        <Input id="activity-to" name="to" type="date" defaultValue={values.to ?? ""} />
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit">Filter</Button>
        <Link href="/dashboard/activity" className={buttonClasses({ variant: "ghost" })}>
          Clear
        </Link>
        <a href={csvHref} className={buttonClasses({ variant: "secondary" })} download>
          Export CSV
        </a>
      </div>
    </form>
  );
}
