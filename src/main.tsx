import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'katex/dist/katex.min.css';
import './styles.css';
import { App } from './app/App';
import { readShellParams } from './app/shell-params';
import { parseLocation } from './app/url-state';
import { setLang } from './i18n';
import { applyTheme } from './state/theme';
import { registerServiceWorker } from './app/pwa';

// Language and theme before the first paint: no flash of English or of the wrong colours.
const shell = readShellParams(parseLocation(window.location.search, window.location.hash).params);
setLang(shell.lang);
applyTheme(shell.theme);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
registerServiceWorker();
