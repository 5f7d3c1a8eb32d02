import { Button, Text } from "@react-email/components";
import { buttonStyle, EmailLayout } from "./layout";

export interface ReactivationConfirmationEmailProps {
  businessName: string;
  invoiceNumber: string;
  amount: string;
  planName: string;
  paidUntil: string;
  dashboardUrl: string;
}

export default function ReactivationConfirmationEmail(props: ReactivationConfirmationEmailProps) {
  return (
    <EmailLayout preview={`${props.businessName} is active again`}>
      <Text>Hello {props.businessName},</Text>
      <Text>
        We received <strong>{props.amount}</strong> for invoice <strong>{props.invoiceNumber}</strong>. Your {props.planName} plan is active
        again and paid until {props.paidUntil}. API keys and POS terminals work again within a minute.
      </Text>
      <Button href={props.dashboardUrl} style={buttonStyle}>
        Open the dashboard
      </Button>
    </EmailLayout>
  );
}
