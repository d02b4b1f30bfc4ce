/**
 * The register file is read record by record (issue #18, `registerRecords`): the same records and
 * line numbers as the one-piece parser (readRegisterCsv, still used by the seed and scripts), across
 * the 32 KB slices it is decoded in — a Polish letter's two bytes split by a slice, a quoted field
 * with a line break in it, a byte-order mark — refused as unreadable when it is not UTF-8 or not CSV,
 * and giving the event loop turns while it reads, so other requests are answered meanwhile.
 */
import { describe, expect, it } from "vitest";
import { readRegisterCsv, registerRecords, RegisterFileError } from "~/services/register.server";

const enc = new TextEncoder();

async function collect(bytes: Uint8Array) {
  const out: { record: Record<string, string>; line: number }[] = [];
  for await (const r of registerRecords(bytes)) out.push(r);
  return out;
}

/** A register of `n` rows, with names of Polish letters (two bytes each in UTF-8) and one quoted line break. */
function register(n: number) {
  const lines = ["\uFEFFPESEL;Parent_First_Name;District"];
  for (let i = 0; i < n; i++) {
    const name = i === 1234 ? '"Żaneta\nŁucja"' : ["Łucja", "Żaneta", "Ścibor", "Jadwiga"][i % 4];
    lines.push(`${String(10_000_000_000 + i)};${name};${["Orłowo", "Śródmieście", "Chylonia"][i % 3]}`);
  }
  return lines.join("\r\n");
}

describe("registerRecords", () => {
  it("gives the same records and line numbers as the one-piece parser, across many slices", async () => {
    for (const n of [0, 1, 5_000, 20_011]) {
      const text = register(n);
      const bytes = enc.encode(text);
      const expected = readRegisterCsv(text).map(({ record, info }) => ({ record, line: info.lines }));
      const got = await collect(bytes);
      expect(got).toEqual(expected);
      expect(got.length).toBe(n);
    }
    // the quoted line break is kept inside its field, and the rows after it count one more line
    const rows = await collect(enc.encode(register(2_000)));
    expect(rows[1234]?.record["parent_first_name"]).toBe("Żaneta\nŁucja");
    expect(rows[1235]?.line).toBe(rows[1233]!.line + 3);
  });

  it("decodes a letter whose two bytes fall in two slices", async () => {
    const head = "pesel;parent_first_name;district\n";
    // pad so that the 2-byte "Ż" starts on the last byte of the first 32 KB slice
    const pad = 32 * 1024 - enc.encode(head).length - 1;
    const text = `${head}${"1".repeat(pad)}Żaneta;Jan;Orłowo\n`;
    expect(enc.encode(text)[32 * 1024 - 1]).toBe(0xc5); // the first byte of "Ż"
    const [row] = await collect(enc.encode(text));
    expect(row?.record["pesel"]).toBe(`${"1".repeat(pad)}Żaneta`);
    expect(row?.record["district"]).toBe("Orłowo");
  });

  it("refuses a file that is not UTF-8, or not CSV, with RegisterFileError", async () => {
    const latin2 = new Uint8Array([...enc.encode("pesel;parent_first_name;district\n1;"), 0xa3, 0x75, 0x63, 0x6a, 0x61, ...enc.encode(";Orłowo\n")]); // "Łucja" in ISO-8859-2
    await expect(collect(latin2)).rejects.toBeInstanceOf(RegisterFileError);
    await expect(collect(enc.encode('pesel;parent_first_name;district\n1;"Jan;Orłowo\n'))).rejects.toBeInstanceOf(RegisterFileError); // a quote never closed
  });

  it("stops reading when the reader stops early", async () => {
    let n = 0;
    for await (const r of registerRecords(enc.encode(register(40_000)))) {
      expect(r.record["district"]).toBeTruthy();
      if (++n === 10) break;
    }
    expect(n).toBe(10);
    // a new read of the same bytes starts from the first row again
    const [first] = await collect(enc.encode(register(3)));
    expect(first?.line).toBe(2);
  });

  it("lets the event loop run while a large file is read", async () => {
    let turns = 0;
    const timer = setInterval(() => turns++, 0);
    try {
      const rows = await collect(enc.encode(register(40_000))); // ~1.3 MB: about 40 slices
      expect(rows.length).toBe(40_000);
    } finally {
      clearInterval(timer);
    }
    expect(turns).toBeGreaterThan(10);
  });
});
