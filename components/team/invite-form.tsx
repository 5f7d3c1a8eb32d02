"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import { authClient } from "@/lib/auth/client";
import type { Role } from "@/lib/auth/roles";

export function InviteForm({ businessId, roles }: { businessId: string; roles: Role[] }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const email = String(form.get("email")).trim();
    setPending(true);
    const { error } = await authClient.organization.inviteMember({
      email,
      role: form.get("role") as "admin" | "staff",
      organizationId: businessId,
      resend: true,
    });
    setPending(false);
    if (error) return toast.error(error.message ?? "Could not send the invitation.");
    toast.success(`Invitation sent to ${email}.`);
    formElement.reset();
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-3">
      <Field label="Email" htmlFor="invite-email">
        <Input id="invite-email" name="email" type="email" required maxLength={254} className="w-72 max-w-full" placeholder="cashier@example.com" />
      </Field>
      <Field label="Role" htmlFor="invite-role">
        <Select id="invite-role" name="role" defaultValue="staff" className="w-32">
          {roles.map((role) => (
            <option key={role} value={role}>
              {role}
            </option>
          ))}
        </Select>
      </Field>
      <Button type="submit" loading={pending}>
        Send invitation
      </Button>
    </form>
  );
}
