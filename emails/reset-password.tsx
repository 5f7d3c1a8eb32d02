import { Button, Text } from "@react-email/components";
import { when } from "./format";
import { buttonStyle, EmailLayout, mutedText } from "./layout";

export interface ResetPasswordEmailProps {
  name: string;
  url: string;
  expiresAt: Date;
  businessName?: string | null;
}

export default function ResetPasswordEmail({ name, url, expiresAt, businessName }: ResetPasswordEmailProps) {
  return (
    <EmailLayout preview="Reset your Tangabiz password" businessName={businessName}>
      <Text>Hi {name},</Text>
      <Text>
        Someone asked to reset the password of your Tangabiz account{businessName ? ` (${businessName})` : ""}. If it was you,
        choose a new one:
      </Text>
      <Button href={url} style={buttonStyle}>
        Choose a new password
      </Button>
      <Text style={mutedText}>
        Or open this link: {url}. It works once, until {when(expiresAt)}. If you did not ask, ignore this email: your password
        stays as it is.
      </Text>
    </EmailLayout>
  );
}
