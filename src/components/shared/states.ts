/**
 * Turns a custom state on or off. Older browsers have no custom states, or (Chromium before 125)
 * only `--` names and throw on others: there the state is simply not set, and nothing else is
 * lost (the styles that read a state have a default without it).
 */
export function setState(states: CustomStateSet | undefined, name: string, on: boolean): void {
  try {
    states?.[on ? 'add' : 'delete'](name);
  } catch {
    // No state: see above.
  }
}
