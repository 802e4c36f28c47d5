/** Entry: styles, the hash router, and the app rendered into #app. */
import { render } from 'preact';
import { effect } from '@preact/signals';
import './styles.css';
import { App } from './app/app.js';
import { startRouter } from './app/router.js';
import { lang } from './i18n/index.js';

startRouter();
// The page's language follows the UI language (screen readers pick their voice from it).
effect(() => {
  document.documentElement.lang = lang.value;
});
render(<App />, document.getElementById('app')!);
