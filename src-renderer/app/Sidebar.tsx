import type { ReactElement } from 'react';
import { useStore } from './store';
import type { Route } from './appSlice';
import { Icon } from './icons';

const ITEMS: { route: Route; label: string; icon: 'key' | 'list' | 'gear' }[] = [
  { route: 'credentials', label: 'Credentials', icon: 'key' },
  { route: 'requests', label: 'Requests', icon: 'list' },
  { route: 'settings', label: 'Settings', icon: 'gear' },
];

const COMING: { label: string; icon: 'graph' | 'clock'; description: string }[] = [
  { label: 'Diagram', icon: 'graph', description: 'How apps, merchants and tokens relate' },
  { label: 'Expiry', icon: 'clock', description: 'Which tokens expire when' },
];

export function Sidebar(): ReactElement {
  const route = useStore((s) => s.route);
  const navigate = useStore((s) => s.navigate);
  const pendingCount = useStore((s) => s.credentials.filter((c) => c.status === 'pending').length);
  return (
    <nav className="sidebar" aria-label="Main">
      <ul className="nav-list">
        {ITEMS.map((item) => (
          <li key={item.route}>
            <button
              type="button"
              className="nav-item"
              aria-current={route === item.route ? 'page' : undefined}
              title={item.label}
              onClick={() => navigate(item.route)}
            >
              <Icon name={item.icon} />
              <span className="nav-label">{item.label}</span>
              {item.route === 'credentials' && pendingCount > 0 ? (
                <span className="nav-count" aria-label={`${pendingCount} pending`}>
                  {pendingCount}
                </span>
              ) : null}
            </button>
          </li>
        ))}
      </ul>
      <p className="nav-section" id="nav-coming-soon">
        Coming soon
      </p>
      <ul className="nav-list" aria-labelledby="nav-coming-soon">
        {COMING.map((item) => (
          <li key={item.label}>
            <button
              type="button"
              className="nav-item"
              disabled
              aria-label={`${item.label} (coming soon)`}
              title={`${item.description} — coming soon`}
            >
              <Icon name={item.icon} />
              <span className="nav-label">{item.label}</span>
              <span className="nav-soon" aria-hidden="true">
                Soon
              </span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
