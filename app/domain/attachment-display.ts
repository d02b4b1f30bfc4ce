/** How an attachment is shown, without zod: the proposal page draws it in the browser too (./attachments re-exports it). */
export function isImage(t: string): boolean {
  return t.startsWith("image/");
}

/** "1,2 MB" style sizes for the page (the locale's decimal separator comes from `number`). */
export function sizeParts(bytes: number): { value: number; unit: "B" | "kB" | "MB" } {
  if (bytes < 1024) return { value: bytes, unit: "B" };
  if (bytes < 1024 * 1024) return { value: Math.round(bytes / 102.4) / 10, unit: "kB" };
  return { value: Math.round(bytes / 104_857.6) / 10, unit: "MB" };
}
