"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useRef, useState } from "react";
import type { PayPageData } from "@/lib/billing/pay-page";
import { formatDate, formatMoney } from "@/lib/format";
import type { PaymentView } from "@/lib/payments/paynow/schemas";
import { MethodPicker } from "./method-picker";
import type { PayMethod } from "./methods";
import { cancelPayment, fetchPaymentStatus, newIdempotencyKey, PayRequestError, startPayment, type PayRequest } from "./pay-api";
import { Paid, Waiting } from "./payment-progress";

const POLL_MS = 3_000;

function Notice({ tone, title, children }: { tone: "red" | "amber" | "gray"; title: string; children?: React.ReactNode }) {
  const tones = { red: "border-red-200 bg-red-50 text-red-900", amber: "border-amber-200 bg-amber-50 text-amber-900", gray: "border-zinc-200 bg-zinc-50 text-zinc-800" };
  return (
    <div role="alert" className={`mb-5 rounded-xl border px-4 py-3 text-sm ${tones[tone]}`}>
      <p className="font-semibold">{title}</p>
      {children && <p className="mt-1">{children}</p>}
    </div>
  );
}

export function PayFlow({ token, data }: { token: string; data: PayPageData }) {
  const [payment, setPayment] = useState<PaymentView | null>(data.payment);
  const [lastRequest, setLastRequest] = useState<{ method: PayMethod; phone: string } | undefined>();
  const [dismissedFailureId, setDismissedFailureId] = useState<string | null>(null);
  // One key per attempt: reused only when the request never got an answer, so a retry cannot pay twice.
  const attemptKey = useRef<string | null>(null);
  const amountLabel = formatMoney(data.invoice.amountCents, data.invoice.currency);

  const status = useQuery({
    queryKey: ["pay-status", payment?.paymentId],
    queryFn: ({ signal }) => fetchPaymentStatus(payment!.paymentId, token, signal),
    enabled: payment?.status === "pending",
    refetchInterval: (query) => (query.state.data && query.state.data.status !== "pending" ? false : POLL_MS),
    refetchIntervalInBackground: true,
    staleTime: 0,
    retry: 2,
  });
  const current = payment?.status === "pending" && status.data ? status.data : payment;

  const pay = useMutation({
    mutationFn: (request: PayRequest) => startPayment(token, request, (attemptKey.current ??= newIdempotencyKey())),
    onMutate: (request) => setLastRequest({ method: request.method, phone: request.phone ?? "" }),
    onSuccess: (started) => {
      attemptKey.current = null;
      if (started.method === "card" && started.redirectUrl && started.status === "pending") window.location.assign(started.redirectUrl);
      setPayment(started);
    },
    onError: (error) => {
      if (!(error instanceof PayRequestError) || error.status !== null) attemptKey.current = null;
    },
  });

  const cancel = useMutation({
    mutationFn: () => cancelPayment(current!.paymentId, token),
    onSuccess: (cancelled) => setPayment(cancelled),
  });

  const paid = data.invoice.status === "paid" || current?.status === "paid";
  let body: React.ReactNode;
  if (paid) {
    body = <Paid amountLabel={amountLabel} invoiceNumber={data.invoice.number} businessName={data.businessName} />;
  } else if (data.invoice.status !== "open") {
    body = <Notice tone="gray" title="This invoice can no longer be paid.">Ask {data.businessName} for a new one.</Notice>;
  } else if (!data.paynowEnabled) {
    body = <Notice tone="gray" title="Paying online is not available right now.">Please try again later.</Notice>;
  } else if (current?.status === "pending") {
    body = <Waiting payment={current} cancelling={cancel.isPending} onCancel={() => cancel.mutate()} />;
  } else {
    const initial = lastRequest ?? (current?.method ? { method: current.method as PayMethod, phone: "" } : undefined);
    body = (
      <>
        {current?.status === "failed" && current.paymentId !== dismissedFailureId && (
          <Notice tone="red" title="Failed — try again or use another wallet">
            {current.failureReason}
          </Notice>
        )}
        {current?.status === "expired" && (
          <Notice tone="amber" title="This payment expired">
            Nothing was taken. Start again below.
          </Notice>
        )}
        <MethodPicker
          amountLabel={amountLabel}
          busy={pay.isPending || (pay.isSuccess && pay.data.method === "card" && pay.data.status === "pending")}
          serverError={pay.error?.message ?? cancel.error?.message ?? null}
          initial={initial}
          onPay={(request) => pay.mutate(request)}
          onMethodChange={() => {
            pay.reset();
            cancel.reset();
            if (current?.status === "failed") setDismissedFailureId(current.paymentId);
          }}
        />
      </>
    );
  }

  return (
    <div className="space-y-6">
      <header className="rounded-2xl border border-zinc-200 bg-white p-5 shadow-sm">
        <p className="text-sm font-medium text-zinc-600">{data.businessName}</p>
        <p className="mt-1 text-4xl font-semibold tracking-tight text-zinc-900 tabular-nums">{amountLabel}</p>
        <h1 className="mt-2 text-sm text-zinc-700">
          Invoice <span className="font-medium">{data.invoice.number}</span> · {data.invoice.description}
        </h1>
        {data.invoice.dueAt && data.invoice.status === "open" && !paid && (
          <p className="text-xs text-zinc-500">Due {formatDate(data.invoice.dueAt)}</p>
        )}
      </header>
      <div className="rounded-2xl border border-zinc-200 bg-white p-5 shadow-sm">{body}</div>
    </div>
  );
}
