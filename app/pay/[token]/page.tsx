import type { Metadata, Viewport } from "next";
import { notFound } from "next/navigation";
import { LockKeyhole } from "lucide-react";
import { PayFlow } from "@/components/pay/pay-flow";
import { loadPayPage } from "@/lib/billing/pay-page";

type Props = { params: Promise<{ token: string }>; searchParams: Promise<{ payment?: string | string[] }> };

// The token is the only key to this page: keep it out of search engines and Referer headers.
export const metadata: Metadata = { title: "Pay invoice", robots: { index: false, follow: false }, referrer: "no-referrer" };
export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#ffffff" };

export default async function PayPage({ params, searchParams }: Props) {
  const [{ token }, { payment }] = await Promise.all([params, searchParams]);
  const data = await loadPayPage(token, typeof payment === "string" ? payment : undefined);
  if (!data) notFound();
  return (
    <main className="mx-auto min-h-dvh w-full max-w-md px-4 py-6 sm:py-10">
      <p className="mb-4 flex items-center justify-between text-sm">
        <span className="font-bold tracking-tight text-accent-700">Tangabiz</span>
        <span className="flex items-center gap-1 text-zinc-500">
          <LockKeyhole aria-hidden="true" className="size-3.5" /> Secure payment via Paynow
        </span>
      </p>
      <PayFlow token={token} data={data} />
    </main>
  );
}
