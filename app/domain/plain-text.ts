/**
 * What residents paste from a phone or Word: emoji sequences (🧗‍♀️, 👨‍👩‍👧, ❤️, flags of
 * Scotland), soft hyphens, zero-width spaces, decomposed Polish letters. `cleanPlainText` keeps
 * what a person can see, silently drops the invisible characters that only break words or
 * searches, and `firstForbidden` names the one real control character that is refused, with the
 * text before it, so the message can say which character to remove.
 */

/** Invisible characters that change nothing a reader sees: dropped without a word. */
const DROPPED = new Set([
  0x00ad, // soft hyphen (Word's optional hyphen)
  0x180e, // Mongolian vowel separator (old zero-width space)
  0x200b, // zero-width space
  0x200e, // left-to-right mark
  0x200f, // right-to-left mark
  0x061c, // Arabic letter mark
  0x2060, // word joiner
  0x2061, // invisible function application (Word equations)
  0x2062, // invisible times
  0x2063, // invisible separator
  0x2064, // invisible plus
  0xfeff, // byte order mark / zero-width no-break space
]);

const ZWJ = 0x200d;
const ZWNJ = 0x200c;
const BLACK_FLAG = 0x1f3f4;
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
/** Emoji skin tones and the variation selectors (text/emoji presentation) that end a base emoji. */
const EMOJI_TAIL = /[\u{1F3FB}-\u{1F3FF}\uFE0E\uFE0F\u20E3]/u;
/** Control, format, surrogate: what may be refused. Variation selectors are marks, always allowed. */
const SUSPECT = /[\p{Cc}\p{Cf}\p{Cs}]/u;

export interface CleanOptions {
  /** Multi-line text keeps line breaks and tabs; a single line turns them into spaces. */
  multiline: boolean;
}

function isEmojiAround(chars: string[], i: number): boolean {
  const before = chars[i - 1] ?? "";
  const after = chars[i + 1] ?? "";
  return (PICTOGRAPHIC.test(before) || EMOJI_TAIL.test(before)) && PICTOGRAPHIC.test(after);
}

/** True for the tag characters of a subdivision flag (🏴 + tags + cancel tag), e.g. Scotland. */
function inFlagTags(chars: string[], i: number): boolean {
  let j = i;
  while (j > 0) {
    const cp = chars[j - 1]!.codePointAt(0)!;
    if (cp === BLACK_FLAG) return true;
    if (cp < 0xe0020 || cp > 0xe007f) return false;
    j--;
  }
  return false;
}

/**
 * NFC (a decomposed "ą" from macOS becomes one letter), drops the invisible characters above and a
 * zero-width joiner that joins nothing, turns line/paragraph separators into newlines (or spaces on
 * one line). Everything else is left for `firstForbidden` to judge.
 */
export function cleanPlainText(input: string, { multiline }: CleanOptions): string {
  const chars = Array.from(input.normalize("NFC"));
  let out = "";
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const cp = c.codePointAt(0)!;
    if (DROPPED.has(cp)) continue;
    if (cp === ZWJ && !isEmojiAround(chars, i)) continue;
    if (cp === 0x2028 || cp === 0x2029) {
      out += multiline ? "\n" : " ";
      continue;
    }
    if (!multiline && (c === "\t" || c === "\n" || c === "\r")) {
      out += " ";
      continue;
    }
    out += c;
  }
  return out;
}

export interface Forbidden {
  /** "U+0007" */
  code: string;
  /** 1-based position in characters (code points) of the checked text. */
  at: number;
  /** Up to 20 characters before it, so the person can find the place. */
  after: string;
}

/**
 * The first character that is refused: a control character (tab and line breaks allowed in
 * multi-line text), a direction override or isolate (they reorder what others read), a stray
 * invisible format character, a lone surrogate. Zero-width joiners inside emoji, the
 * non-joiner, and the tags of a flag emoji are allowed.
 */
export function firstForbidden(text: string, { multiline }: CleanOptions): Forbidden | null {
  const chars = Array.from(text);
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (!SUSPECT.test(c)) continue;
    const cp = c.codePointAt(0)!;
    if (multiline && (c === "\n" || c === "\r" || c === "\t")) continue;
    if (cp === ZWNJ) continue;
    if (cp === ZWJ && isEmojiAround(chars, i)) continue;
    if (cp >= 0xe0020 && cp <= 0xe007f && inFlagTags(chars, i)) continue;
    return {
      code: `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`,
      at: i + 1,
      after: chars.slice(Math.max(0, i - 20), i).join("").replace(/[\p{Cc}\p{Cf}]/gu, "").trim(),
    };
  }
  return null;
}

/**
 * The error key with its variables ("key?char=U%2B0007&at=3&after=…"), for a zod issue; a character
 * at the very start uses `${key}_start` (there is no text before it to point at).
 */
export function forbiddenMessage(key: string, f: Forbidden): string {
  return `${key}${f.after ? "" : "_start"}?${new URLSearchParams({ char: f.code, at: String(f.at), after: f.after })}`;
}
