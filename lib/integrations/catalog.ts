// The eight integrations and what each asks for when connecting. Plain data, safe to import in client components.

export const providerIds = ["hubspot", "salesforce", "zoho", "mailchimp", "sendgrid", "google_drive", "dropbox", "zapier"] as const;
export type ProviderId = (typeof providerIds)[number];
export type SyncingProviderId = Exclude<ProviderId, "zapier">;

export interface ProviderField {
  key: string;
  label: string;
  // Secret fields are encrypted and only ever shown as their last 4 characters.
  secret: boolean;
  placeholder?: string;
  help?: string;
  options?: { value: string; label: string }[];
  optional?: boolean;
}

export interface ProviderInfo {
  id: ProviderId;
  name: string;
  description: string;
  // What one sync does, in a sentence.
  job: string;
  fields: ProviderField[];
  docsUrl: string;
}

export const zohoDataCenters = [
  { value: "com", label: "zohoapis.com (US)" },
  { value: "eu", label: "zohoapis.eu (EU)" },
  { value: "in", label: "zohoapis.in (India)" },
  { value: "com.au", label: "zohoapis.com.au (Australia)" },
  { value: "jp", label: "zohoapis.jp (Japan)" },
  { value: "ca", label: "zohoapis.ca (Canada)" },
  { value: "sa", label: "zohoapis.sa (Saudi Arabia)" },
  { value: "com.cn", label: "zohoapis.com.cn (China)" },
];

export const providers: Record<ProviderId, ProviderInfo> = {
  hubspot: {
    id: "hubspot",
    name: "HubSpot",
    description: "CRM contacts from the customers your tills capture.",
    job: "Upserts till customers with an email as HubSpot contacts (matched by email).",
    fields: [{ key: "accessToken", label: "Private app access token", secret: true, placeholder: "pat-na1-…", help: "Settings → Integrations → Private apps; scope crm.objects.contacts.write and .read." }],
    docsUrl: "https://developers.hubspot.com/docs/api/private-apps",
  },
  salesforce: {
    id: "salesforce",
    name: "Salesforce",
    description: "Contacts in your Salesforce org.",
    job: "Creates a Contact per till customer and updates it when the customer changes.",
    fields: [
      { key: "instanceUrl", label: "Instance URL", secret: false, placeholder: "https://yourcompany.my.salesforce.com" },
      { key: "accessToken", label: "Access token", secret: true, help: "A session or connected-app access token with the api scope." },
    ],
    docsUrl: "https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/",
  },
  zoho: {
    id: "zoho",
    name: "Zoho CRM",
    description: "Contacts in Zoho CRM, matched by email.",
    job: "Upserts till customers as Zoho CRM Contacts (duplicate check on Email).",
    fields: [
      { key: "dataCenter", label: "Data center", secret: false, options: zohoDataCenters },
      { key: "accessToken", label: "OAuth access token", secret: true, help: "Scope ZohoCRM.modules.contacts.ALL and ZohoCRM.users.READ." },
    ],
    docsUrl: "https://www.zoho.com/crm/developer/docs/api/v8/upsert-records.html",
  },
  mailchimp: {
    id: "mailchimp",
    name: "Mailchimp",
    description: "An audience of the customers who agreed to marketing.",
    job: "Adds customers with marketing consent to your audience; unsubscribes them if they withdraw it.",
    fields: [
      { key: "apiKey", label: "API key", secret: true, placeholder: "…-us21", help: "Account → Extras → API keys. The part after the dash is your data center." },
      { key: "listId", label: "Audience ID", secret: false, help: "Audience → Settings → Audience name and defaults." },
    ],
    docsUrl: "https://mailchimp.com/developer/marketing/api/list-members/",
  },
  sendgrid: {
    id: "sendgrid",
    name: "SendGrid",
    description: "Email receipts to till customers who gave an email.",
    job: "Emails a receipt for each sale recorded after connecting whose customer gave an email.",
    fields: [
      { key: "apiKey", label: "API key", secret: true, placeholder: "SG.…", help: "Needs the Mail Send permission." },
      { key: "fromEmail", label: "From email (a verified sender)", secret: false, placeholder: "receipts@yourshop.co.zw" },
    ],
    docsUrl: "https://www.twilio.com/docs/sendgrid/api-reference/mail-send/mail-send",
  },
  google_drive: {
    id: "google_drive",
    name: "Google Drive",
    description: "Daily sales CSV and invoice PDFs in a folder you choose.",
    job: "Uploads each day's sales as CSV and each paid invoice as PDF into the folder.",
    fields: [
      { key: "accessToken", label: "OAuth access token", secret: true, help: "Scope drive.file. Google access tokens expire after an hour: reconfigure with a fresh one when the status turns to error." },
      { key: "folderId", label: "Folder ID", secret: false, help: "The last part of the folder's URL." },
    ],
    docsUrl: "https://developers.google.com/workspace/drive/api/guides/manage-uploads",
  },
  dropbox: {
    id: "dropbox",
    name: "Dropbox",
    description: "Daily sales CSV and invoice PDFs in a Dropbox folder.",
    job: "Uploads each day's sales as CSV and each paid invoice as PDF under the path.",
    fields: [
      { key: "accessToken", label: "Access token", secret: true, help: "App console → your app → Generate access token (files.content.write)." },
      { key: "path", label: "Folder path", secret: false, placeholder: "/Tangabiz" },
    ],
    docsUrl: "https://www.dropbox.com/developers/documentation/http/documentation#files-upload",
  },
  zapier: {
    id: "zapier",
    name: "Zapier",
    description: "Trigger Zaps from Tangabiz events.",
    job: "Zapier subscribes a REST hook URL as a webhook endpoint; every event it asked for is delivered there, signed.",
    fields: [],
    docsUrl: "https://platform.zapier.com/build/hook-trigger",
  },
};
