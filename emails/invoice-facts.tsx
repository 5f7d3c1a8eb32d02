import { Button, Section, Text } from "@react-email/components";
import { buttonStyle } from "./layout";

// What every billing email about one invoice shows: the invoice, its amount and due date, and the pay link.
export interface InvoiceFactsProps {
  businessName: string;
  invoiceNumber: string;
  planName: string;
  amount: string;
  dueDate: string;
  payUrl: string | null;
}

const label = { color: "#71717a", fontSize: "13px", margin: "2px 0" };
const value = { color: "#18181b", fontSize: "14px", fontWeight: 600, margin: "0 0 8px" };

export function InvoiceFacts({ businessName, invoiceNumber, planName, amount, dueDate, payUrl }: InvoiceFactsProps) {
  return (
    <Section style={{ backgroundColor: "#fafafa", borderRadius: "6px", padding: "12px 16px", margin: "16px 0" }}>
      <Text style={label}>Business</Text>
      <Text style={value}>{businessName}</Text>
      <Text style={label}>Invoice</Text>
      <Text style={value}>
        {invoiceNumber} · {planName} plan, 1 month
      </Text>
      <Text style={label}>Amount due</Text>
      <Text style={value}>{amount}</Text>
      <Text style={label}>Due</Text>
      <Text style={value}>{dueDate}</Text>
      {payUrl && (
        <Button href={payUrl} style={buttonStyle}>
          Pay {amount} now
        </Button>
      )}
    </Section>
  );
}
