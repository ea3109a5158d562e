// Timing helpers shared by the benchmark figures: repeated runs, median/min/max.

export function summarize(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), min: sorted[0], max: sorted[sorted.length - 1], p95: at(0.95) };
}

/** µs per operation of `op` (sync or async), median over `repetitions` batches of `batch` calls. */
export async function microsPerOp(op, { batch, repetitions, warmup = batch }) {
  for (let i = 0; i < warmup; i++) await op(i);
  const samples = [];
  for (let r = 0; r < repetitions; r++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) await op(i);
    samples.push(Number(process.hrtime.bigint() - start) / 1000 / batch);
  }
  return summarize(samples);
}

/**
 * µs per operation of `ours` and `peer`, measured in alternating batches (ours, peer, ours, …)
 * so that both see the same machine load; each summarized as microsPerOp does, plus the
 * median of the per-round ratios (ours ÷ peer).
 */
export async function microsPerOpSideBySide(ours, peer, { batch, repetitions, warmup = batch }) {
  for (let i = 0; i < warmup; i++) {
    await ours(i);
    await peer(i);
  }
  const a = [];
  const b = [];
  const time = async (op) => {
    const start = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) await op(i);
    return Number(process.hrtime.bigint() - start) / 1000 / batch;
  };
  for (let r = 0; r < repetitions; r++) {
    a.push(await time(ours));
    b.push(await time(peer));
  }
  return { ours: summarize(a), peer: summarize(b), ratio: summarize(a.map((x, k) => x / b[k])).median };
}
