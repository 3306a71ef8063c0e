/**
 * A heartbeat for freeze tests: a timer chain and an animation-frame chain tick while `work`
 * runs; the longest gap between ticks is how long the page could not respond.
 */
export interface Heartbeat<T> {
  result: T;
  totalMs: number;
  /** The longest stretch without a tick of either chain. */
  maxGapMs: number;
}

export async function withHeartbeat<T>(work: () => Promise<T> | T): Promise<Heartbeat<T>> {
  let last = performance.now();
  let maxGapMs = 0;
  let running = true;
  const beat = () => {
    const now = performance.now();
    maxGapMs = Math.max(maxGapMs, now - last);
    last = now;
  };
  const timer = () => {
    beat();
    if (running) setTimeout(timer, 0);
  };
  const frame = () => {
    beat();
    if (running) requestAnimationFrame(frame);
  };
  setTimeout(timer, 0);
  requestAnimationFrame(frame);
  const start = performance.now();
  try {
    const result = await work();
    const totalMs = performance.now() - start;
    // One more frame, so a freeze right at the end (layout of what was inserted) is counted.
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    beat();
    return { result, totalMs, maxGapMs };
  } finally {
    running = false;
  }
}

/** Every node under `root`, shadow roots included. */
export function countNodes(root: Node): number {
  let count = 0;
  const walk = (node: Node) => {
    count++;
    if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
  };
  walk(root);
  return count;
}
