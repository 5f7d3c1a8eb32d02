import { Text } from "@react-email/components";
import { InvoiceFacts, type InvoiceFactsProps } from "./invoice-facts";
import { EmailLayout } from "./layout";

export type OverdueNoticeEmailProps = InvoiceFactsProps & { suspensionDate: string };

export default function OverdueNoticeEmail(props: OverdueNoticeEmailProps) {
  return (
    <EmailLayout preview={`Overdue: ${props.invoiceNumber} (${props.amount}) was due ${props.dueDate}`}>
      <Text>Hello {props.businessName},</Text>
      <Text>
        Invoice <strong>{props.invoiceNumber}</strong> for <strong>{props.amount}</strong> was due on {props.dueDate} and is not paid yet.
        Your plan keeps working for now; if the invoice is still open on {props.suspensionDate}, API keys and POS terminals stop working
        until it is paid.
      </Text>
      <InvoiceFacts {...props} />
    </EmailLayout>
  );
}
