/**
 * Benchmark of the counting engine on real Pabulib files (npm run bench:tally).
 *
 * For every file in ../shared/pabulib/ (or tests/fixtures/pabulib/ when that folder is absent):
 *   parse  — parsePabulib on the file's text (already read into memory);
 *   greedy — parse + profile + greedy (what `tally --rule greedy` computes);
 *   MES    — parse + profile + Equal Shares with pabutools' Add1 and greedy completion
 *            (`tally --rule mes`, the variant pabutools timed in expected.json).
 * Each is the median of repeated runs in one warmed-up process: a file is re-counted for about
 * half a second (at least 3, at most `--runs` times), so small files are measured with optimised
 * code, as in a long-running server, and a shared machine's noise is damped by the median. `pab.` columns are pabutools' seconds from expected.json
 * (`pabutools_seconds`), measured on a 2-core machine; the ratios compare like with like,
 * parse included on both sides: (pab. parse + pab. greedy) / ours, (pab. parse + pab. mes) / ours.
 *
 * Usage: npm run bench:tally [-- --runs N] [-- FILTER]
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parsePabulib, profileFromPabulib, tallyElection } from "../../app/domain/counting/index";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const sharedDir = path.resolve(repoRoot, "../shared/pabulib");
const dir = existsSync(sharedDir) ? sharedDir : path.join(repoRoot, "tests/fixtures/pabulib");

const args = process.argv.slice(2);
const runsArg = args.indexOf("--runs");
const maxRuns = runsArg >= 0 ? Number(args[runsArg + 1]) : 500;
const filter = args.find((a, i) => !a.startsWith("--") && (runsArg < 0 || i !== runsArg + 1));

interface PabutoolsSeconds {
  parse: number;
  greedy: number;
  mes: number | string;
}
const expected = JSON.parse(readFileSync(path.join(dir, "expected.json"), "utf8")) as Record<string, { pabutools_seconds: PabutoolsSeconds }>;

const GREEDY_LIMIT = 0.3;
const MES_LIMIT = 2;
const SPEEDUP = 20;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

/** median seconds of `fn`: at least 3 runs, then more until ~0.5 s has passed (at most `maxRuns`) */
function time(fn: () => void): number {
  const xs: number[] = [];
  const start = performance.now();
  while (xs.length < 3 || (xs.length < maxRuns && performance.now() - start < 500)) {
    const t = performance.now();
    fn();
    xs.push((performance.now() - t) / 1000);
  }
  return median(xs);
}

const files = readdirSync(dir)
  .filter((f) => f.endsWith(".pb") && (!filter || f.includes(filter)))
  .sort();

// warm up the JIT for ~1 s on the small files (all vote types)
{
  const small = files.filter((f) => readFileSync(path.join(dir, f)).length < 120_000).map((f) => readFileSync(path.join(dir, f), "utf8"));
  const start = performance.now();
  while (small.length > 0 && performance.now() - start < 1000) {
    for (const text of small) {
      const e = parsePabulib(text);
      tallyElection(e, "greedy");
      tallyElection(e, "mes");
    }
  }
}

const fmt = (s: number): string => (s < 0.001 ? s.toFixed(5) : s < 0.1 ? s.toFixed(4) : s.toFixed(3));
const fmtRatio = (r: number, lowerBound = false): string => `${lowerBound ? ">" : ""}${r >= 100 ? r.toFixed(0) : r.toFixed(1)}×`;
const short = (f: string): string => {
  const s = f.replace(/^Poland_/, "").replace(/\.pb$/, "");
  return s.length > 34 ? s.slice(0, 33) + "…" : s;
};

const header = ["file", "voters", "parse s", "greedy s", "MES s", "pab. parse", "pab. greedy", "pab. MES", "greedy ×", "MES ×"];
const rows: string[][] = [];
let worstGreedy = { s: 0, f: "" };
let worstMes = { s: 0, f: "" };
let minGreedyRatio = { r: Infinity, f: "" };
let minMesRatio = { r: Infinity, f: "" };

for (const f of files) {
  const text = readFileSync(path.join(dir, f), "utf8");
  const e0 = parsePabulib(text);
  const voters = e0.votes.length;
  const parse = time(() => {
    parsePabulib(text);
  });
  const greedy = time(() => {
    const e = parsePabulib(text);
    tallyElection(e, "greedy", {}, profileFromPabulib(e));
  });
  const mes = time(() => {
    const e = parsePabulib(text);
    tallyElection(e, "mes", {}, profileFromPabulib(e));
  });
  const ref = expected[f]?.pabutools_seconds;
  let gRatio = "–";
  let mRatio = "–";
  if (ref) {
    const gr = (ref.parse + ref.greedy) / greedy;
    gRatio = fmtRatio(gr);
    if (gr < minGreedyRatio.r) minGreedyRatio = { r: gr, f };
    const mesRef = typeof ref.mes === "number" ? ref.mes : Number(String(ref.mes).replace(/[^0-9.]/g, ""));
    const lowerBound = typeof ref.mes !== "number";
    const mr = (ref.parse + mesRef) / mes;
    mRatio = fmtRatio(mr, lowerBound);
    if (!lowerBound && mr < minMesRatio.r) minMesRatio = { r: mr, f };
    if (lowerBound && mr < SPEEDUP && mr < minMesRatio.r) minMesRatio = { r: mr, f };
  }
  if (greedy > worstGreedy.s) worstGreedy = { s: greedy, f };
  if (mes > worstMes.s) worstMes = { s: mes, f };
  rows.push([
    short(f),
    String(voters),
    fmt(parse),
    fmt(greedy),
    fmt(mes),
    ref ? String(ref.parse) : "–",
    ref ? String(ref.greedy) : "–",
    ref ? String(ref.mes) : "–",
    gRatio,
    mRatio,
  ]);
}

const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
console.log(`Counting engine benchmark — ${dir} — seconds, median of repeated runs (≥ 3, ~0.5 s per cell); greedy and MES include parsing`);
console.log(line(header));
console.log(widths.map((w) => "-".repeat(w)).join("  "));
for (const r of rows) console.log(line(r));

const greedyOk = worstGreedy.s < GREEDY_LIMIT;
const mesOk = worstMes.s < MES_LIMIT;
const gSpeedOk = minGreedyRatio.r >= SPEEDUP;
const mSpeedOk = minMesRatio.r >= SPEEDUP;
console.log(
  `\nSummary: greedy < ${GREEDY_LIMIT} s on every file: ${greedyOk ? "YES" : "NO"} (slowest ${fmt(worstGreedy.s)} s, ${short(worstGreedy.f)}); ` +
    `MES < ${MES_LIMIT} s on every file: ${mesOk ? "YES" : "NO"} (slowest ${fmt(worstMes.s)} s, ${short(worstMes.f)}); ` +
    `≥ ${SPEEDUP}× faster than pabutools: greedy ${gSpeedOk ? "YES" : "NO"} (lowest ${fmtRatio(minGreedyRatio.r)}, ${short(minGreedyRatio.f)}), ` +
    `MES ${mSpeedOk ? "YES" : "NO"} (lowest ${fmtRatio(minMesRatio.r)}, ${short(minMesRatio.f)}). ` +
    `All targets met: ${greedyOk && mesOk && gSpeedOk && mSpeedOk ? "YES" : "NO"}.`,
);
