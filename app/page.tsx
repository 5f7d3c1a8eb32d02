import Link from "next/link";
import { redirect } from "next/navigation";
import { buttonClasses } from "@/components/ui/button";
import { getPageSession } from "@/lib/auth/page-session";

export default async function HomePage() {
  if (await getPageSession()) redirect("/dashboard");
  return (
    <main className="mx-auto flex min-h-dvh max-w-3xl flex-col justify-center gap-6 px-6 py-16">
      <p className="text-lg font-bold tracking-tight text-accent-700">Tangabiz</p>
      <h1 className="text-4xl font-semibold tracking-tight text-zinc-900 sm:text-5xl">
        Get paid by card and mobile money. Run your tills on one API.
      </h1>
      <p className="text-lg text-zinc-600">
        Billing, API keys and integrations for businesses paid through Stripe, EcoCash, OneMoney, InnBucks and cards.
      </p>
      <div className="flex flex-wrap gap-3">
        <Link href="/sign-up" className={buttonClasses({ size: "lg" })}>
          Register your business
        </Link>
        <Link href="/sign-in" className={buttonClasses({ size: "lg", variant: "secondary" })}>
          Sign in
        </Link>
      </div>
    </main>
  );
}
