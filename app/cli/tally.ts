/**
 * Count a Pabulib `.pb` election from the command line.
 *
 *   npm run --silent tally -- FILE.pb [--rule meta|greedy|greedy-no-skip|mes] [--json]
 *                                     [--tie lower-cost|voters|lot] [--seed TEXT]
 *                                     [--threshold N] [--exclude ID,ID,...]
 *
 * `--rule meta` (default) applies the rule named in the file's META. With `--json` prints exactly
 * one JSON object: {"rule", "selected", "spent", "budget"} (money as "123.45"). Otherwise prints a
 * table of every project with its decision.
 *
 * Exit codes: 0 done, 1 the file cannot be read or counted, 2 bad command line.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import {
  CountingError,
  formatMoney,
  PabulibFormatError,
  parsePabulib,
  pbVoteType,
  profileFromPabulib,
  TALLY_RULES,
  TIE_RULES,
  tallyElection,
} from "../domain/counting/index";
import type { TallyOptions, TallyResult, TallyRule, TieRule } from "../domain/counting/index";

const USAGE =
  "usage: tally FILE.pb [--rule meta|greedy|greedy-no-skip|mes] [--json] [--tie lower-cost|voters|lot] [--seed TEXT] [--threshold N] [--exclude ID,ID]";

class UsageError extends Error {}

interface Args {
  file: string;
  rule: TallyRule;
  json: boolean;
  options: TallyOptions;
}

function parseArgs(argv: string[]): Args {
  let file: string | undefined;
  let rule: TallyRule = "meta";
  let json = false;
  const options: TallyOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] = a.startsWith("--") && a.includes("=") ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] : [a, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === "") throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case "--json":
        json = true;
        break;
      case "--rule": {
        const v = value();
        if (!(TALLY_RULES as readonly string[]).includes(v)) throw new UsageError(`unknown rule '${v}'; use one of: ${TALLY_RULES.join(", ")}`);
        rule = v as TallyRule;
        break;
      }
      case "--tie": {
        const v = value();
        if (!(TIE_RULES as readonly string[]).includes(v)) throw new UsageError(`unknown tie rule '${v}'; use one of: ${TIE_RULES.join(", ")}`);
        options.tie = v as TieRule;
        break;
      }
      case "--seed":
        options.seed = value();
        break;
      case "--threshold": {
        const v = value();
        const n = Number(v);
        if (!Number.isFinite(n)) throw new UsageError(`--threshold must be a number, got '${v}'`);
        options.threshold = n;
        break;
      }
      case "--exclude":
        options.excluded = value()
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean);
        break;
      case "-h":
      case "--help":
        process.stdout.write(USAGE + "\n");
        process.exit(0);
        break;
      default:
        if (a.startsWith("-")) throw new UsageError(`unknown option '${a}'`);
        if (file !== undefined) throw new UsageError(`only one file, got '${file}' and '${a}'`);
        file = a;
    }
  }
  if (file === undefined) throw new UsageError("missing FILE.pb");
  if (options.tie === "lot" && !options.seed) throw new UsageError("--tie lot needs --seed");
  return { file, rule, json, options };
}

function truncate(s: string, n: number): string {
  const chars = [...s];
  return chars.length <= n ? s : chars.slice(0, n - 1).join("") + "…";
}

function pad(s: string, n: number, right = false): string {
  const len = [...s].length;
  if (len >= n) return s;
  return right ? " ".repeat(n - len) + s : s + " ".repeat(n - len);
}

function table(file: string, names: Map<string, string>, r: TallyResult, voteType: string, voters: number): string {
  const out: string[] = [];
  out.push(`${basename(file)}  (${voteType}, ${voters} voters, ${r.decisions.length} projects)`);
  out.push(`rule: ${r.requested}${r.metaRule !== undefined ? ` (META: ${r.metaRule})` : ""} → ${r.rule}`);
  out.push(`budget ${formatMoney(r.budget)}   spent ${formatMoney(r.spent)}   left ${formatMoney(r.budget - r.spent)}`);
  if (r.equalShares) {
    const es = r.equalShares;
    const per = Number(es.perVoterBudget.numerator) / Number(es.perVoterBudget.denominator) / 100;
    out.push(`equal shares: per-voter budget ≈ ${per.toFixed(2)} (exact ${es.perVoterBudget.numerator}/${es.perVoterBudget.denominator} gr), ${es.iterations} run(s)`);
    if (es.comparison) out.push(`comparison step: ${es.comparison.mesPreferredBy} voters prefer MES, ${es.comparison.greedyPreferredBy} prefer greedy → ${es.comparison.chosen}`);
  }
  out.push("");
  const idW = Math.max(7, ...r.decisions.map((d) => [...d.projectId].length));
  out.push(`${pad("#", 4, true)}  ${pad("project", idW)}  ${pad("name", 40)}  ${pad("cost", 14, true)}  ${pad("score", 9, true)}  decision`);
  for (const d of r.decisions) {
    const tie = d.tiedWith ? `  (tied with ${d.tiedWith.join(", ")})` : "";
    out.push(
      `${pad(String(d.rank), 4, true)}  ${pad(d.projectId, idW)}  ${pad(truncate(names.get(d.projectId) ?? "", 40), 40)}  ${pad(formatMoney(d.cost), 14, true)}  ${pad(String(d.score), 9, true)}  ${d.reason}${tie}`,
    );
  }
  if (r.reserve.length > 0) out.push("", `funded from reserve (not from the budget): ${r.reserve.join(", ")}`);
  const mattered = r.ties.filter((t) => t.mattered);
  out.push("", mattered.length === 0 ? `ties that changed the outcome: none (${r.ties.length} tie(s) in all)` : "ties that changed the outcome:");
  for (const t of mattered) {
    out.push(`  ${t.stage}${t.score !== undefined ? ` score ${t.score}` : ""}${t.round !== undefined ? ` round ${t.round}` : ""}: ${t.projects.join(", ")} (broken in this order)`);
  }
  return out.join("\n") + "\n";
}

function main(argv: string[]): number {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`tally: ${e.message}\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
  let text: string;
  try {
    text = readFileSync(args.file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a directory" : code === "EACCES" ? "permission denied" : String((e as Error).message);
    process.stderr.write(`tally: cannot read '${args.file}': ${why}\n`);
    return 1;
  }
  try {
    const election = parsePabulib(text);
    const profile = profileFromPabulib(election);
    const result = tallyElection(election, args.rule, args.options, profile);
    if (args.json) {
      process.stdout.write(
        JSON.stringify({ rule: args.rule, selected: result.selected, spent: formatMoney(result.spent), budget: formatMoney(result.budget) }) + "\n",
      );
    } else {
      const names = new Map(election.projects.map((p) => [p.id, p.name ?? ""]));
      process.stdout.write(table(args.file, names, result, pbVoteType(election) ?? "?", profile.voters));
    }
    return 0;
  } catch (e) {
    if (e instanceof PabulibFormatError) {
      process.stderr.write(`tally: '${args.file}' is not a valid Pabulib file (${e.code}): ${e.message}\n`);
      return 1;
    }
    if (e instanceof CountingError) {
      process.stderr.write(`tally: cannot count '${args.file}' (${e.code}): ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

process.exitCode = main(process.argv.slice(2));
