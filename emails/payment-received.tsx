import { Button, Column, Row, Section, Text } from "@react-email/components";
import { money, when } from "./format";
import { buttonStyle, EmailLayout, mutedText } from "./layout";

export interface PaymentReceivedEmailProps {
  businessName: string;
  invoiceNumber: string;
  amountCents: number;
  currency: string;
  method: string;
  // A Date, or the instant already formatted (bulk senders render this template once through renderFromTemplate).
  paidAt: Date | string;
  reference: string | null;
  planName: string | null;
  periodEnd: Date | string | null;
  billingUrl: string;
}

// The receipt of a payment (mobile money or card).
export default function PaymentReceivedEmail(props: PaymentReceivedEmailProps) {
  const { businessName, invoiceNumber, amountCents, currency, method, paidAt, reference, planName, periodEnd, billingUrl } = props;
  const amount = money(amountCents, currency);
  const at = (date: Date | string) => (typeof date === "string" ? date : when(date));
  const rows: [string, string][] = [
    ["Invoice", invoiceNumber],
    ["Amount paid", amount],
    ["Paid with", method],
    ["Paid on", at(paidAt)],
    ...(reference ? ([["Reference", reference]] as [string, string][]) : []),
  ];
  return (
    <EmailLayout preview={`Payment received: ${amount} for ${invoiceNumber}`} businessName={businessName}>
      <Text>
        We received <strong>{amount}</strong> from {businessName} by {method}, paying invoice <strong>{invoiceNumber}</strong>.
        Thank you.
      </Text>
      <Section style={{ border: "1px solid #e4e4e7", borderRadius: "6px", padding: "8px 16px" }}>
        {rows.map(([label, value]) => (
          <Row key={label}>
            <Column style={{ ...mutedText, padding: "4px 0" }}>{label}</Column>
            <Column style={{ fontSize: "14px", padding: "4px 0", textAlign: "right" }}>{value}</Column>
          </Row>
        ))}
      </Section>
      {planName && periodEnd && (
        <Text>
          Your {planName} plan is active until {at(periodEnd)}.
        </Text>
      )}
      <Button href={billingUrl} style={buttonStyle}>
        View billing
      </Button>
      <Text style={mutedText}>Keep this email as your receipt.</Text>
    </EmailLayout>
  );
}
