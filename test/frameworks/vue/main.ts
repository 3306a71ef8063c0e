// A partner's Vue 3 app, as the README tells it: the npm import registers the elements and
// `lantern-widgets/vue` types them in templates. No declarations of its own: `vue-tsc` passes.
import 'lantern-widgets';
import type {} from 'lantern-widgets/vue';
import { createApp } from 'vue';
import App from './App.vue';

createApp(App).mount('#app');
