import { Button, Text } from "@react-email/components";
import { money, when } from "./format";
import { buttonStyle, EmailLayout } from "./layout";

export interface PaymentFailedEmailProps {
  businessName: string;
  invoiceNumber: string;
  amountCents: number;
  currency: string;
  method: string;
  reason: string;
  failedAt: Date;
  payUrl: string | null;
}

// A mobile-money (Paynow) payment that did not go through.
export default function PaymentFailedEmail({ businessName, invoiceNumber, amountCents, currency, method, reason, failedAt, payUrl }: PaymentFailedEmailProps) {
  const amount = money(amountCents, currency);
  return (
    <EmailLayout preview={`Payment of ${amount} for ${invoiceNumber} did not go through`} businessName={businessName}>
      <Text>
        A {method} payment of <strong>{amount}</strong> for invoice <strong>{invoiceNumber}</strong> ({businessName}) did not go
        through on {when(failedAt)}. {reason}
      </Text>
      <Text>Nothing was taken from the wallet. You can try again, or pay with another wallet or a card.</Text>
      {payUrl && (
        <Button href={payUrl} style={buttonStyle}>
          Pay {invoiceNumber}
        </Button>
      )}
    </EmailLayout>
  );
}
