import { Button, Text } from "@react-email/components";
import { buttonStyle, EmailLayout } from "./layout";

export interface PaymentReceivedEmailProps {
  businessName: string;
  invoiceNumber: string;
  amount: string;
  method: string;
  paidAt: string;
  planName: string | null;
  periodEnd: string | null;
  billingUrl: string;
}

export default function PaymentReceivedEmail(props: PaymentReceivedEmailProps) {
  const { businessName, invoiceNumber, amount, method, paidAt, planName, periodEnd, billingUrl } = props;
  return (
    <EmailLayout preview={`Payment received: ${amount} for ${invoiceNumber}`}>
      <Text>
        We received <strong>{amount}</strong> from {businessName} by {method} on {paidAt}, paying invoice{" "}
        <strong>{invoiceNumber}</strong>. Thank you.
      </Text>
      {planName && periodEnd && (
        <Text>
          Your {planName} plan is active until {periodEnd}.
        </Text>
      )}
      <Button href={billingUrl} style={buttonStyle}>
        View billing
      </Button>
    </EmailLayout>
  );
}
