import { useEffect, type ReactElement } from 'react';
import { useStore } from './store';
import { Header } from './Header';
import { Sidebar } from './Sidebar';
import { ErrorBanner } from './ErrorBanner';
import { Toast } from './Toast';
import { CredentialsView } from '../features/credentials/CredentialsView';
import { RequestsView } from '../features/requests/RequestsView';
import { SettingsView } from '../features/settings/SettingsView';

export function App(): ReactElement {
  const route = useStore((s) => s.route);
  const start = useStore((s) => s.start);
  useEffect(() => start(), [start]);

  return (
    <div className="app">
      <Header />
      <div className="app-body">
        <Sidebar />
        <main className="content" id="main">
          <ErrorBanner />
          {route === 'credentials' ? <CredentialsView /> : null}
          {route === 'requests' ? <RequestsView /> : null}
          {route === 'settings' ? <SettingsView /> : null}
        </main>
      </div>
      <Toast />
    </div>
  );
}
