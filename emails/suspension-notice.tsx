import { Text } from "@react-email/components";
import { InvoiceFacts, type InvoiceFactsProps } from "./invoice-facts";
import { EmailLayout } from "./layout";

export type SuspensionNoticeEmailProps = InvoiceFactsProps & { suspendedAt: string };

export default function SuspensionNoticeEmail(props: SuspensionNoticeEmailProps) {
  return (
    <EmailLayout preview={`${props.businessName} is suspended until ${props.invoiceNumber} is paid`}>
      <Text>Hello {props.businessName},</Text>
      <Text>
        Invoice <strong>{props.invoiceNumber}</strong> for <strong>{props.amount}</strong> is still unpaid, so your subscription was
        suspended on {props.suspendedAt}. API keys and POS terminals are refused until it is paid. Nothing was deleted: paying the
        invoice reactivates everything at once.
      </Text>
      <InvoiceFacts {...props} />
    </EmailLayout>
  );
}
