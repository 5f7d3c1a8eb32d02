import { Button, Text } from "@react-email/components";
import { buttonStyle, EmailLayout } from "./layout";

export interface ResetPasswordEmailProps {
  name: string;
  url: string;
}

export default function ResetPasswordEmail({ name, url }: ResetPasswordEmailProps) {
  return (
    <EmailLayout preview="Reset your Tangabiz password">
      <Text>Hi {name},</Text>
      <Text>Someone asked to reset the password of your Tangabiz account. If it was you, choose a new one:</Text>
      <Button href={url} style={buttonStyle}>
        Choose a new password
      </Button>
      <Text style={{ color: "#52525b", fontSize: "13px" }}>
        Or open this link: {url}. It works once and expires in one hour. If you did not ask, ignore this email.
      </Text>
    </EmailLayout>
  );
}
