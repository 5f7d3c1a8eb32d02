import { Text } from "@react-email/components";
import { InvoiceFacts, type InvoiceFactsProps } from "./invoice-facts";
import { EmailLayout } from "./layout";

export type FinalWarningEmailProps = InvoiceFactsProps & { suspensionDate: string };

export default function FinalWarningEmail(props: FinalWarningEmailProps) {
  return (
    <EmailLayout preview={`Final warning: ${props.businessName} will be suspended on ${props.suspensionDate}`}>
      <Text>Hello {props.businessName},</Text>
      <Text>
        This is the last reminder before suspension. Invoice <strong>{props.invoiceNumber}</strong> for <strong>{props.amount}</strong> has
        been overdue since {props.dueDate}. On <strong>{props.suspensionDate}</strong> your subscription will be suspended: API keys
        and POS terminals will be refused until the invoice is paid. Your data is kept.
      </Text>
      <InvoiceFacts {...props} />
    </EmailLayout>
  );
}
