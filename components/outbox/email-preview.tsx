"use client";
import { useEffect, useRef, useState } from "react";

// The email exactly as rendered, at its full height (no inner scrollbar) and the width of its column.
// Sandboxed without scripts; same-origin only so this page can read the content's height.
export function EmailPreview({ html, title }: { html: string; title: string }) {
  const frame = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState(480);

  useEffect(() => {
    const iframe = frame.current;
    if (!iframe) return;
    let observer: ResizeObserver | undefined;
    const measure = () => {
      const doc = iframe.contentDocument;
      if (doc?.documentElement) setHeight(Math.max(doc.documentElement.scrollHeight, doc.body?.scrollHeight ?? 0));
    };
    const onLoad = () => {
      measure();
      observer?.disconnect();
      observer = new ResizeObserver(measure);
      if (iframe.contentDocument?.body) observer.observe(iframe.contentDocument.body);
    };
    iframe.addEventListener("load", onLoad);
    if (iframe.contentDocument?.readyState === "complete") onLoad();
    return () => {
      iframe.removeEventListener("load", onLoad);
      observer?.disconnect();
    };
  }, [html]);

  return (
    <iframe
      ref={frame}
      title={title}
      srcDoc={withLinksInNewTab(html)}
      sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox"
      style={{ height }}
      className="block w-full border-0"
    />
  );
}

function withLinksInNewTab(html: string) {
  const base = '<base target="_blank">';
  return /<head[^>]*>/i.test(html) ? html.replace(/<head([^>]*)>/i, `<head$1>${base}`) : base + html;
}
