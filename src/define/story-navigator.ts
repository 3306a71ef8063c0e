import { LanternStoryNavigator } from '../components/story-navigator/story-navigator.js';

LanternStoryNavigator.defineAs('lantern-story-navigator');

export { LanternStoryNavigator };
