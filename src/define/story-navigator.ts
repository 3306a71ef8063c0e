// First, before Lit: undoes the host page's clobbering of Lit's globals (see host-page.ts).
import '../components/shared/host-page.js';
import { LanternStoryNavigator } from '../components/story-navigator/story-navigator.js';

LanternStoryNavigator.defineAs('lantern-story-navigator');

export { LanternStoryNavigator };

declare global {
  interface HTMLElementTagNameMap {
    'lantern-story-navigator': LanternStoryNavigator;
  }
}
