// The frame around every screen: a skip link (the first tab stop), header, sidebar, the notices
// that concern the whole app, and the open screen's view from the route registry (./routes.tsx).
import { useEffect, useRef, type ReactElement } from 'react';
import { ClipboardToast } from './ClipboardToast';
import { ErrorBanner } from './ErrorBanner';
import { FOCUS, useFocusRequest } from './focus';
import { Header } from './Header';
import { screenOf } from './routes';
import { Sidebar } from './Sidebar';
import { useStore } from './store';
import { VaultNotice } from './VaultNotice';
import './app.css';

export function App(): ReactElement {
  const route = useStore((s) => s.route);
  const start = useStore((s) => s.start);
  const main = useRef<HTMLElement>(null);
  useEffect(() => start(), [start]);
  useFocusRequest(FOCUS.main, main);
  const View = screenOf(route).view;

  return (
    <div className="app">
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          // Focus, not just scroll: the next Tab then starts inside the screen.
          e.preventDefault();
          main.current?.focus();
        }}
      >
        Skip to main content
      </a>
      <Header />
      <div className="app-body">
        <Sidebar />
        <main className="content" id="main" ref={main} tabIndex={-1}>
          <VaultNotice />
          <ErrorBanner />
          <View />
        </main>
      </div>
      <ClipboardToast />
    </div>
  );
}
