/**
 * <script> entry (the loader): a classic script, so it runs under `async` on any page.
 * Reads its data-* config, installs `window.Frontdesk`, and mounts the launcher; the
 * chat panel is a separate chunk imported later.
 */
import { readConfig } from './loader/config';
import { registry } from './loader/registry';
import { mountWidget } from './loader/widget';

const script = document.currentScript as HTMLScriptElement | null;
if (script) {
  const cfg = readConfig(script, document, navigator, location.hash);
  const reg = registry(window);
  const start = () => mountWidget(cfg, reg);
  // An async script can run before <body> exists, and an inline target may come later in the page.
  if (document.readyState === 'loading' && (cfg.mode === 'inline' || !document.body)) {
    document.addEventListener('DOMContentLoaded', start, { once: true });
  } else start();
}
