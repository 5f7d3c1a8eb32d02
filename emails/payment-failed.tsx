import { Button, Text } from "@react-email/components";
import { buttonStyle, EmailLayout } from "./layout";

export interface PaymentFailedEmailProps {
  businessName: string;
  invoiceNumber: string;
  amount: string;
  method: string;
  reason: string;
  payUrl: string | null;
}

export default function PaymentFailedEmail({ businessName, invoiceNumber, amount, method, reason, payUrl }: PaymentFailedEmailProps) {
  return (
    <EmailLayout preview={`Payment of ${amount} for ${invoiceNumber} did not go through`}>
      <Text>
        A {method} payment of <strong>{amount}</strong> for invoice <strong>{invoiceNumber}</strong> ({businessName}) did not go
        through. {reason}
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
