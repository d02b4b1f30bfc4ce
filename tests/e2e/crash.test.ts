/**
 * A short version of `npm run test:crash` inside npm test: three SIGKILLs of the server while
 * ballots are cast over HTTP; no acknowledged ballot lost, none doubled, the file intact.
 */
import { expect, it } from "vitest";
import { formatReport, runCrashLoop } from "../crash/crash-loop";

it("ballots survive the server being killed (SIGKILL) three times while voters cast", async () => {
  const report = await runCrashLoop({ kills: 3, workers: 6, voters: 5_000 });
  console.log(formatReport(report));
  expect(report.acknowledged).toBeGreaterThan(0);
  expect(report.lost).toBe(0);
  expect(report.doubles).toBe(0);
  expect(report.unexpected).toBe(0);
  expect(report.integrity).toBe("ok");
  expect(report.participations).toBe(report.ballots);
}, 110_000);
