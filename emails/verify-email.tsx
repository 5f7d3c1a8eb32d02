import { Button, Text } from "@react-email/components";
import { when } from "./format";
import { buttonStyle, EmailLayout, mutedText } from "./layout";

export interface VerifyEmailProps {
  name: string;
  email: string;
  url: string;
  expiresAt: Date;
  businessName?: string | null;
}

export default function VerifyEmail({ name, email, url, expiresAt, businessName }: VerifyEmailProps) {
  return (
    <EmailLayout preview="Confirm your email address for Tangabiz" businessName={businessName}>
      <Text>Hi {name},</Text>
      <Text>
        Please confirm that <strong>{email}</strong> is your address{businessName ? ` for ${businessName}` : ""}, so receipts,
        invoices and password resets reach you.
      </Text>
      <Button href={url} style={buttonStyle}>
        Confirm my email
      </Button>
      <Text style={mutedText}>
        Or open this link: {url}. It works until {when(expiresAt)}. If you did not create a Tangabiz account, ignore this email.
      </Text>
    </EmailLayout>
  );
}
