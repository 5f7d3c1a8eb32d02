import { Body, Container, Head, Hr, Html, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";

const body = { backgroundColor: "#f4f4f5", fontFamily: "-apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif" };
const card = { backgroundColor: "#ffffff", borderRadius: "8px", margin: "32px auto", padding: "32px", maxWidth: "520px" };
const footer = { color: "#71717a", fontSize: "12px" };

// `businessName` (optional) names the business the email is about under the brand line.
export function EmailLayout({ preview, children, businessName }: { preview: string; children: ReactNode; businessName?: string | null }) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={body}>
        <Container style={card}>
          <Text style={{ fontSize: "18px", fontWeight: 700, color: "#4338ca", margin: 0 }}>Tangabiz</Text>
          {businessName && <Text style={{ color: "#52525b", fontSize: "13px", margin: "2px 0 0" }}>{businessName}</Text>}
          <Section>{children}</Section>
          <Hr />
          <Text style={footer}>Tangabiz · billing, API keys and integrations for businesses paid by card and mobile money.</Text>
        </Container>
      </Body>
    </Html>
  );
}

export const buttonStyle = {
  backgroundColor: "#4338ca",
  borderRadius: "6px",
  color: "#ffffff",
  display: "inline-block",
  fontSize: "14px",
  fontWeight: 600,
  padding: "12px 20px",
  textDecoration: "none",
};

export const mutedText = { color: "#52525b", fontSize: "13px" };
