import { Text } from "@react-email/components";
import { InvoiceFacts, type InvoiceFactsProps } from "./invoice-facts";
import { EmailLayout } from "./layout";

export type InvoiceIssuedEmailProps = InvoiceFactsProps & { chargedAutomatically: boolean };

export default function InvoiceIssuedEmail(props: InvoiceIssuedEmailProps) {
  return (
    <EmailLayout preview={`Invoice ${props.invoiceNumber}: ${props.amount} due ${props.dueDate}`}>
      <Text>Hello {props.businessName},</Text>
      <Text>
        Your next month of Tangabiz is ready. Invoice <strong>{props.invoiceNumber}</strong> for <strong>{props.amount}</strong> is due on{" "}
        {props.dueDate}.
      </Text>
      {props.chargedAutomatically ? (
        <Text>We charge your CVT billing account automatically; you only need to act if that charge fails.</Text>
      ) : (
        <Text>Pay with EcoCash, OneMoney, InnBucks or a card through the link below; it takes about a minute.</Text>
      )}
      <InvoiceFacts {...props} />
    </EmailLayout>
  );
}
