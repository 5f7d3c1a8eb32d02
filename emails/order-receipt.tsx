import { Button, Text } from "@react-email/components";
import { buttonStyle, EmailLayout } from "./layout";

export interface OrderReceiptEmailProps {
  businessName: string;
  description: string;
  amount: string;
  method: string;
  paidAt: string;
  credits: number | null;
  orderId: string;
  creditsUrl: string;
}

export default function OrderReceiptEmail(props: OrderReceiptEmailProps) {
  const { businessName, description, amount, method, paidAt, credits, orderId, creditsUrl } = props;
  return (
    <EmailLayout preview={`Receipt: ${description}, ${amount}`}>
      <Text>
        {businessName} paid <strong>{amount}</strong> by {method} on {paidAt} for <strong>{description}</strong>.
      </Text>
      {credits !== null && (
        <Text>
          {credits.toLocaleString("en-US")} credits were added to your top-up balance. Top-up credits do not expire.
        </Text>
      )}
      <Text style={{ color: "#6b7280", fontSize: "12px" }}>Order {orderId}</Text>
      <Button href={creditsUrl} style={buttonStyle}>
        View credits
      </Button>
    </EmailLayout>
  );
}
