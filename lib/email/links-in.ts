// The http(s) links of an email's HTML, in order, without repeats: what a developer needs from a kept message.
export function linksIn(html: string): string[] {
  const hrefs = [...html.matchAll(/href="(https?:[^"]+)"/g)].map((match) => match[1].replaceAll("&amp;", "&"));
  return [...new Set(hrefs)];
}
