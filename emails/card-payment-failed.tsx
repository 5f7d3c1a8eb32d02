import { Button, Text } from "@react-email/components";
import { money, when } from "./format";
import { buttonStyle, EmailLayout, mutedText } from "./layout";

export interface CardPaymentFailedEmailProps {
  businessName: string;
  amountCents: number;
  currency: string;
  invoiceNumber: string;
  payUrl: string | null;
  billingUrl: string;
  nextAttempt: Date | null;
}

// A card (Stripe) renewal that failed; Stripe retries the card by itself.
export default function CardPaymentFailedEmail(props: CardPaymentFailedEmailProps) {
  const { businessName, amountCents, currency, invoiceNumber, payUrl, billingUrl, nextAttempt } = props;
  const amount = money(amountCents, currency);
  return (
    <EmailLayout preview={`Payment of ${amount} for ${businessName} failed`} businessName={businessName}>
      <Text>
        We could not take the card payment of <strong>{amount}</strong> for invoice {invoiceNumber} of{" "}
        <strong>{businessName}</strong>. Your plan stays active for now, marked as past due.
      </Text>
      <Text>
        {nextAttempt
          ? `We will try the card again on ${when(nextAttempt)}. To avoid an interruption, pay the invoice or update the card before then.`
          : "Please pay the invoice or update the card to keep your plan."}
      </Text>
      <Button href={payUrl ?? billingUrl} style={buttonStyle}>
        {payUrl ? "Pay the invoice" : "Open billing"}
      </Button>
      <Text style={mutedText}>You can also update the card from Billing in your Tangabiz dashboard: {billingUrl}</Text>
    </EmailLayout>
  );
}
