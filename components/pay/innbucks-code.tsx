import { buttonClasses } from "@/components/ui/button";

export interface InnbucksCodeProps {
  authorizationCode: string;
  expiresAt: string | null;
  deepLink: string;
  qrSvg: string;
}

// Payers read the expiry in Zimbabwe time; a fixed zone keeps server and browser rendering identical.
const harareTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Africa/Harare" });

// The QR comes from our own server (qrcode, digits only), so rendering its SVG markup is safe.
export function InnbucksCode({ authorizationCode, expiresAt, deepLink, qrSvg }: InnbucksCodeProps) {
  const spaced = authorizationCode.replace(/(\d{3})(?=\d)/g, "$1 ");
  return (
    <div className="space-y-4 text-center">
      <div>
        <p className="text-sm text-zinc-600">Your InnBucks code</p>
        <p className="font-mono text-3xl font-semibold tracking-widest text-zinc-900" aria-label={`Code ${authorizationCode.split("").join(" ")}`}>
          {spaced}
        </p>
        {expiresAt && <p className="text-xs text-zinc-500">Valid until {harareTime.format(new Date(expiresAt))} (Harare)</p>}
      </div>
      <div
        role="img"
        aria-label="QR code of your InnBucks code"
        className="mx-auto w-48 rounded-lg border border-zinc-200 bg-white p-2"
        dangerouslySetInnerHTML={{ __html: qrSvg }}
      />
      <a href={deepLink} className={buttonClasses({ variant: "secondary", size: "lg", className: "w-full" })}>
        Open InnBucks
      </a>
    </div>
  );
}
