import { Button, Text } from "@react-email/components";
import { when } from "./format";
import { buttonStyle, EmailLayout, mutedText } from "./layout";

export interface InvitationEmailProps {
  businessName: string;
  inviterName: string;
  role: string;
  url: string;
  expiresAt: Date;
}

export default function InvitationEmail({ businessName, inviterName, role, url, expiresAt }: InvitationEmailProps) {
  return (
    <EmailLayout preview={`${inviterName} invited you to ${businessName} on Tangabiz`} businessName={businessName}>
      <Text>
        {inviterName} invited you to join <strong>{businessName}</strong> on Tangabiz as {role}.
      </Text>
      <Button href={url} style={buttonStyle}>
        Accept invitation
      </Button>
      <Text style={mutedText}>
        Or open this link: {url}. The invitation expires on {when(expiresAt)}. If you did not expect it, ignore this email.
      </Text>
    </EmailLayout>
  );
}
