import { Button, Text } from "@react-email/components";
import { buttonStyle, EmailLayout } from "./layout";

export interface CardPaymentFailedEmailProps {
  businessName: string;
  amount: string;
  invoiceNumber: string;
  payUrl: string | null;
  billingUrl: string;
  nextAttempt: string | null;
}

export default function CardPaymentFailedEmail({ businessName, amount, invoiceNumber, payUrl, billingUrl, nextAttempt }: CardPaymentFailedEmailProps) {
  return (
    <EmailLayout preview={`Payment of ${amount} for ${businessName} failed`}>
      <Text>
        We could not take the card payment of <strong>{amount}</strong> for invoice {invoiceNumber} of{" "}
        <strong>{businessName}</strong>. Your plan stays active for now, marked as past due.
      </Text>
      <Text>
        {nextAttempt
          ? `We will try the card again on ${nextAttempt}. To avoid an interruption, pay the invoice or update the card before then.`
          : "Please pay the invoice or update the card to keep your plan."}
      </Text>
      <Button href={payUrl ?? billingUrl} style={buttonStyle}>
        {payUrl ? "Pay the invoice" : "Open billing"}
      </Button>
      <Text style={{ color: "#52525b", fontSize: "13px" }}>
        You can also update the card from Billing in your Tangabiz dashboard: {billingUrl}
      </Text>
    </EmailLayout>
  );
}
