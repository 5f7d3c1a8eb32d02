import { Button, Text } from "@react-email/components";
import { buttonStyle, EmailLayout } from "./layout";

export interface WebhookEndpointDisabledEmailProps {
  businessName: string;
  url: string;
  reason: string;
  webhooksUrl: string;
}

export default function WebhookEndpointDisabledEmail({ businessName, url, reason, webhooksUrl }: WebhookEndpointDisabledEmailProps) {
  return (
    <EmailLayout preview={`We stopped sending webhooks to ${url}`}>
      <Text>
        We disabled the webhook endpoint <strong>{url}</strong> of {businessName}. {reason}
      </Text>
      <Text>
        No events are sent to it until you enable it again. Check that the URL still answers with a 2xx status, then enable it
        and replay the deliveries you missed from the delivery log.
      </Text>
      <Button href={webhooksUrl} style={buttonStyle}>
        Open webhooks
      </Button>
    </EmailLayout>
  );
}
