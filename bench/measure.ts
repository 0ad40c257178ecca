/**
 * Timing helpers. Machines here are shared and noisy: every figure is the median of several runs
 * after warm-up runs that are thrown away, and comparisons alternate their two sides run by run so
 * that a noisy minute slows both alike.
 */
export interface Timing {
  medianMs: number;
  runsMs: number[];
  warmups: number;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export interface RunPlan {
  warmups: number;
  runs: number;
}

/** Runs `work` warm-up then measured times; `work` returns its own elapsed ms (so it can exclude setup). */
export async function measure(plan: RunPlan, work: (run: number) => Promise<number>, progress?: (message: string) => void): Promise<Timing> {
  for (let i = 0; i < plan.warmups; i++) {
    const ms = await work(-1 - i);
    progress?.(`warm-up ${i + 1}/${plan.warmups}: ${formatMs(ms)}`);
  }
  const runsMs: number[] = [];
  for (let i = 0; i < plan.runs; i++) {
    const ms = await work(i);
    runsMs.push(ms);
    progress?.(`run ${i + 1}/${plan.runs}: ${formatMs(ms)}`);
  }
  return { medianMs: median(runsMs), runsMs, warmups: plan.warmups };
}

export interface Contender {
  name: string;
  /** Runs once and returns its own elapsed ms (so it can leave setup and teardown untimed). */
  run(round: number): Promise<number>;
}

export interface RoundsTiming {
  /** Per contender, in the order given. */
  timings: Record<string, Timing>;
  /** runsMs[round][contender index] */
  rounds: number[][];
}

/**
 * Runs several contenders round after round (a, b, c, then b, c, a, ...), so each round holds one run of
 * each under the same machine load and ratios can be taken per round; who goes first rotates so none
 * always gets the warmer cache. Warm-up rounds are thrown away.
 */
export async function measureRounds(plan: RunPlan, contenders: Contender[], progress?: (message: string) => void): Promise<RoundsTiming> {
  const rounds: number[][] = [];
  for (let round = -plan.warmups; round < plan.runs; round++) {
    const times = new Array<number>(contenders.length).fill(0);
    for (let k = 0; k < contenders.length; k++) {
      const index = (k + Math.max(round, 0)) % contenders.length;
      times[index] = await contenders[index]!.run(round);
    }
    const label = round < 0 ? `warm-up ${round + plan.warmups + 1}/${plan.warmups}` : `round ${round + 1}/${plan.runs}`;
    progress?.(`${label}: ${contenders.map((c, i) => `${c.name} ${formatMs(times[i]!)}`).join(', ')}`);
    if (round >= 0) rounds.push(times);
  }
  const timings: Record<string, Timing> = {};
  contenders.forEach((c, i) => {
    const runsMs = rounds.map((r) => r[i]!);
    timings[c.name] = { medianMs: median(runsMs), runsMs, warmups: plan.warmups };
  });
  return { timings, rounds };
}

/** Median over rounds of contender a's time divided by b's (both ran in the same round). */
export function pairedRatio(result: RoundsTiming, contenders: Contender[], a: string, b: string): { ratio: number; ratios: number[] } {
  const ia = contenders.findIndex((c) => c.name === a);
  const ib = contenders.findIndex((c) => c.name === b);
  const ratios = result.rounds.map((r) => r[ia]! / r[ib]!);
  return { ratio: median(ratios), ratios };
}

export function formatMs(ms: number): string {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 2 : 0)} ms`;
}
