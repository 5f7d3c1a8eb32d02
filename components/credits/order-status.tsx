"use client";
import { useQuery } from "@tanstack/react-query";
import { CheckCircle2, LoaderCircle, XCircle } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { requestJson } from "@/components/billing/request";

interface OrderView {
  id: string;
  description: string;
  status: "pending" | "paid" | "failed" | "canceled";
  credits: number | null;
  failureReason: string | null;
}

const WAIT_MS = 60_000;

// Back from checkout (?order=…): show the order's result as soon as the payment webhook has landed.
export function OrderStatus({ orderId, canceled }: { orderId: string; canceled: boolean }) {
  const router = useRouter();
  const [gaveUp, setGaveUp] = useState(false);
  const refreshed = useRef(false);
  const query = useQuery({
    queryKey: ["credit-order", orderId],
    queryFn: () => requestJson<{ order: OrderView }>(`/api/credits/orders/${orderId}`),
    refetchInterval: (q) => (q.state.data?.order.status === "pending" && !gaveUp && !canceled ? 2_000 : false),
  });
  const order = query.data?.order;

  useEffect(() => {
    const timer = setTimeout(() => setGaveUp(true), WAIT_MS);
    return () => clearTimeout(timer);
  }, []);
  useEffect(() => {
    if (order?.status === "paid" && !refreshed.current) {
      refreshed.current = true;
      router.refresh();
    }
  }, [order?.status, router]);

  if (query.isError) return <Banner tone="red" icon={<XCircle className="size-4" aria-hidden="true" />}>Could not load this order: {(query.error as Error).message}</Banner>;
  if (!order) return <Banner tone="blue" icon={<LoaderCircle className="size-4 animate-spin" aria-hidden="true" />}>Checking your order…</Banner>;
  if (order.status === "paid") {
    return <Banner tone="green" icon={<CheckCircle2 className="size-4" aria-hidden="true" />}>Paid: {order.description}. {order.credits?.toLocaleString("en-US")} credits were added.</Banner>;
  }
  if (order.status === "failed" || order.status === "canceled" || order.failureReason || canceled) {
    const why = order.failureReason ?? (canceled ? "You left the checkout before paying." : `The order is ${order.status}.`);
    return <Banner tone="red" icon={<XCircle className="size-4" aria-hidden="true" />}>{order.description} was not paid: {why} Nothing was charged for credits that were not added.</Banner>;
  }
  return (
    <Banner tone="blue" icon={<LoaderCircle className="size-4 animate-spin" aria-hidden="true" />}>
      {gaveUp ? "We have not heard from the payment provider yet. This page updates when the payment lands; you can leave it." : `Waiting for the payment of ${order.description} to be confirmed…`}
    </Banner>
  );
}

const tones = { green: "border-green-200 bg-green-50 text-green-800", red: "border-red-200 bg-red-50 text-red-800", blue: "border-accent-200 bg-accent-50 text-accent-700" };

function Banner({ tone, icon, children }: { tone: keyof typeof tones; icon: React.ReactNode; children: React.ReactNode }) {
  return (
    <div role="status" className={`mb-4 flex items-start gap-3 rounded-lg border px-4 py-3 text-sm ${tones[tone]}`}>
      <span className="mt-0.5">{icon}</span>
      <p>{children}</p>
    </div>
  );
}
