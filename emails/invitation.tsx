import { Button, Text } from "@react-email/components";
import { buttonStyle, EmailLayout } from "./layout";

export interface InvitationEmailProps {
  businessName: string;
  inviterName: string;
  role: string;
  url: string;
}

export default function InvitationEmail({ businessName, inviterName, role, url }: InvitationEmailProps) {
  return (
    <EmailLayout preview={`${inviterName} invited you to ${businessName} on Tangabiz`}>
      <Text>
        {inviterName} invited you to join <strong>{businessName}</strong> on Tangabiz as {role}.
      </Text>
      <Button href={url} style={buttonStyle}>
        Accept invitation
      </Button>
      <Text style={{ color: "#52525b", fontSize: "13px" }}>
        Or open this link: {url}. The invitation expires in 48 hours. If you did not expect it, ignore this email.
      </Text>
    </EmailLayout>
  );
}
