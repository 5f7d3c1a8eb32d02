import { Button, Link, Text } from "@react-email/components";
import { when } from "./format";
import { buttonStyle, EmailLayout, mutedText } from "./layout";

export interface WelcomeEmailProps {
  name: string;
  businessName: string;
  registeredAt: Date;
  dashboardUrl: string;
  apiKeysUrl: string;
  billingUrl: string;
  docsUrl: string;
}

export default function WelcomeEmail({ name, businessName, registeredAt, dashboardUrl, apiKeysUrl, billingUrl, docsUrl }: WelcomeEmailProps) {
  return (
    <EmailLayout preview={`${businessName} is ready on Tangabiz`} businessName={businessName}>
      <Text>Hi {name},</Text>
      <Text>
        Welcome to Tangabiz. <strong>{businessName}</strong> was registered on {when(registeredAt)} and is on the Free plan.
        Three things to do next:
      </Text>
      <Text>
        1. Connect a till or app with your API key (<Link href={apiKeysUrl}>API keys</Link>, and the{" "}
        <Link href={docsUrl}>API reference</Link>).
        <br />
        2. Invite your staff from Team.
        <br />
        3. Pick a plan when you need more, by card or mobile money (<Link href={billingUrl}>Billing</Link>).
      </Text>
      <Button href={dashboardUrl} style={buttonStyle}>
        Open your dashboard
      </Button>
      <Text style={mutedText}>You receive this because you registered {businessName} on Tangabiz.</Text>
    </EmailLayout>
  );
}
