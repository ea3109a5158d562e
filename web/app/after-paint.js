// Work that waits until a change has painted (the timeline, option lists, the table's rows
// beyond the view): after the next frame, once the main thread is idle, so it never delays the
// frame that shows the change nor the tasks that follow it; at most ~100 ms later if the page
// stays busy (setTimeout where there is no requestIdleCallback).
const idle = (task, options) => (globalThis.requestIdleCallback
  ? globalThis.requestIdleCallback(task, options) : setTimeout(task, 0));

/** Runs task after the next paint (see above); returns a function that cancels it. */
export function afterPaint(task) {
  let live = true;
  requestAnimationFrame(() => idle(() => { if (live) task(); }, { timeout: 100 }));
  return () => { live = false; };
}

// Where there is no requestIdleCallback: how long one run of whileIdle's steps may take.
const FALLBACK_SLICE_MS = 8;

/** Runs step() in idle periods, as many times as each allows, until it returns true (each step
 * must be short: a few ms). */
export function whileIdle(step) {
  const run = (deadline) => {
    const until = performance.now() + FALLBACK_SLICE_MS;
    do {
      if (step()) return;
    } while (deadline ? deadline.timeRemaining() > 1 : performance.now() < until);
    idle(run);
  };
  idle(run);
}
