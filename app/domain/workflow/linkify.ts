/** Links in plain text, without zod: the proposal page draws them in the browser too (./text re-exports it). */
/** Splits plain text into text and http(s) links, for display without any HTML from the author. */
export function linkify(s: string): ({ kind: "text"; text: string } | { kind: "link"; href: string; text: string })[] {
  const out: ({ kind: "text"; text: string } | { kind: "link"; href: string; text: string })[] = [];
  const re = /\bhttps?:\/\/[^\s<>"']+/gi;
  let last = 0;
  for (const m of s.matchAll(re)) {
    let url = m[0];
    // trailing punctuation belongs to the sentence, not the link
    const trail = /[.,;:!?)]+$/.exec(url)?.[0] ?? "";
    url = url.slice(0, url.length - trail.length);
    const at = m.index ?? 0;
    if (at > last) out.push({ kind: "text", text: s.slice(last, at) });
    out.push({ kind: "link", href: url, text: url });
    last = at + url.length;
  }
  if (last < s.length) out.push({ kind: "text", text: s.slice(last) });
  return out;
}
