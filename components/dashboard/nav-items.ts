import { Activity, BarChart3, Coins, CreditCard, History, KeyRound, LayoutDashboard, Mail, MonitorSmartphone, Plug, Settings, Users, Webhook, type LucideIcon } from "lucide-react";
import type { Role } from "@/lib/auth/roles";

export interface NavItem {
  href: string;
  label: string;
  icon: LucideIcon;
  role: Role;
}

// Minimum role per page, as in DESIGN.md "Roles"; the pages and routes enforce the same.
export const navItems: NavItem[] = [
  { href: "/dashboard", label: "Overview", icon: LayoutDashboard, role: "staff" },
  { href: "/dashboard/billing", label: "Billing", icon: CreditCard, role: "admin" },
  { href: "/dashboard/api-keys", label: "API keys", icon: KeyRound, role: "admin" },
  { href: "/dashboard/terminals", label: "Terminals", icon: MonitorSmartphone, role: "staff" },
  { href: "/dashboard/integrations", label: "Integrations", icon: Plug, role: "admin" },
  { href: "/dashboard/webhooks", label: "Webhooks", icon: Webhook, role: "admin" },
  { href: "/dashboard/team", label: "Team", icon: Users, role: "admin" },
  { href: "/dashboard/usage", label: "Usage", icon: BarChart3, role: "staff" },
  { href: "/dashboard/credits", label: "Credits", icon: Coins, role: "staff" },
  { href: "/dashboard/outbox", label: "Outbox", icon: Mail, role: "admin" },
  { href: "/dashboard/activity", label: "Activity", icon: History, role: "admin" },
  { href: "/dashboard/operations", label: "Operations", icon: Activity, role: "admin" },
  { href: "/dashboard/settings", label: "Settings", icon: Settings, role: "owner" },
];
