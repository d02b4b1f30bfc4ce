/**
 * An edition's rules text as blocks (the home page shows it), without zod: ./edition-setup
 * re-exports it next to the forms' schemas.
 */
export type RulesBlock = { kind: "h2" | "h3" | "p"; text: string } | { kind: "ul"; items: string[] };

/** A small, safe subset of markdown: "#"/"##" headings, "-"/"*" lists, paragraphs (never HTML). */
export function rulesBlocks(text: string): RulesBlock[] {
  const blocks: RulesBlock[] = [];
  for (const chunk of text.split(/\n\s*\n/)) {
    const lines = chunk.split("\n").filter((l) => l.trim() !== "");
    let para: string[] = [];
    const flush = () => {
      if (para.length) blocks.push({ kind: "p", text: para.join("\n") });
      para = [];
    };
    for (const line of lines) {
      const h = /^(#{1,3})\s+(.*)$/.exec(line.trim());
      const li = /^[-*]\s+(.*)$/.exec(line.trim());
      if (h) {
        flush();
        blocks.push({ kind: h[1]!.length === 1 ? "h2" : "h3", text: h[2]! });
      } else if (li) {
        flush();
        const last = blocks[blocks.length - 1];
        if (last && last.kind === "ul") last.items.push(li[1]!);
        else blocks.push({ kind: "ul", items: [li[1]!] });
      } else para.push(line);
    }
    flush();
  }
  return blocks;
}
