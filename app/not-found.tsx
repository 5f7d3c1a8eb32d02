import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-dvh w-full max-w-md flex-col items-center justify-center px-4 py-12 text-center">
      <Link href="/" className="mb-8 text-xl font-bold tracking-tight text-accent-700">
        Tangabiz
      </Link>
      <p className="text-sm font-medium text-accent-700">404</p>
      <h1 className="mt-1 text-xl font-semibold text-zinc-900">This page does not exist</h1>
      <p className="mt-2 text-sm text-zinc-600">
        The link may be mistyped or out of date. Your dashboard has everything else: plan, API keys, team and billing.
      </p>
      <div className="mt-6 flex flex-wrap justify-center gap-3">
        <Link href="/dashboard" className={buttonClasses()}>
          Go to the dashboard
        </Link>
        <Link href="/docs/api" className={buttonClasses({ variant: "secondary" })}>
          API reference
        </Link>
      </div>
    </main>
  );
}
