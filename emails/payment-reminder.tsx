import { Text } from "@react-email/components";
import { InvoiceFacts, type InvoiceFactsProps } from "./invoice-facts";
import { EmailLayout } from "./layout";

export type PaymentReminderEmailProps = InvoiceFactsProps & { daysUntilDue: number };

export default function PaymentReminderEmail(props: PaymentReminderEmailProps) {
  const when = props.daysUntilDue === 1 ? "tomorrow" : `in ${props.daysUntilDue} days`;
  return (
    <EmailLayout preview={`Reminder: ${props.invoiceNumber} (${props.amount}) is due ${when}`}>
      <Text>Hello {props.businessName},</Text>
      <Text>
        A friendly reminder: invoice <strong>{props.invoiceNumber}</strong> for <strong>{props.amount}</strong> is due {when}, on{" "}
        {props.dueDate}. Paying before then keeps your plan running without a break.
      </Text>
      <InvoiceFacts {...props} />
    </EmailLayout>
  );
}
