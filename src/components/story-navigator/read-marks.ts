import { isServer } from 'lit';
import type { NavigatorView } from './story-navigator.views.js';

type Progress = typeof import('./reading-progress.js');
/** The reading history's code, once a navigator with `remember="session"` has loaded it. */
let progress: Progress | undefined;

/**
 * `view` with the parts this tab has read, the part shown now among them. Only with
 * `remember="session"`, whose code loads then (a reading history is opt-in: other pages never
 * download it). If it cannot load, the view shows no marks. `wanted` says whether the view is
 * still the one to show once the code has loaded: a view replaced meanwhile is never shown, and
 * its part is not marked read. Nor is a part the reader has not seen (`seen` false: reader mode
 * keeps a warned part behind its "Show content" button).
 */
export function withReadParts(
  view: NavigatorView,
  remember: string | undefined,
  wanted: () => boolean,
  seen = true,
): NavigatorView | Promise<NavigatorView> {
  // (A server keeps no reading history: it renders the view as it is.)
  if (remember !== 'session' || isServer) return view;
  const { series, current } = view;
  const read = ({ markPartRead, partsRead }: Progress): NavigatorView => ({
    ...view,
    read: current && seen ? markPartRead(series.id, current) : partsRead(series.id),
  });
  // Once loaded, at once (data given up front is then in the first render).
  return progress
    ? read(progress)
    : import('./reading-progress.js').then(
        (module) => ((progress = module), wanted() ? read(module) : view),
        () => view,
      );
}
