// The sidebar: one button per screen and a "coming soon" list, both read from ./routes.
import type { ReactElement } from 'react';
import { Icon } from '../ui/Icon';
import { COMING_SOON, navigate, SCREENS, type Screen } from './routes';
import { useStore } from './store';

export function Sidebar(): ReactElement {
  return (
    <nav className="sidebar" aria-label="Main">
      <ul className="nav-list">
        {SCREENS.map((screen) => (
          <NavItem key={screen.id} screen={screen} />
        ))}
      </ul>
      {COMING_SOON.length > 0 ? (
        <>
          <p className="nav-section" id="nav-coming-soon">
            Coming soon
          </p>
          <ul className="nav-list" aria-labelledby="nav-coming-soon">
            {COMING_SOON.map((item) => (
              <li key={item.id}>
                <button
                  type="button"
                  className="nav-item"
                  data-route={item.id}
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
        </>
      ) : null}
    </nav>
  );
}

const none = (): number => 0;

function NavItem({ screen }: { screen: Screen }): ReactElement {
  const current = useStore((s) => s.route === screen.id);
  const count = useStore(screen.count?.of ?? none);
  return (
    <li>
      <button
        type="button"
        className="nav-item"
        data-route={screen.id}
        aria-current={current ? 'page' : undefined}
        title={screen.description}
        onClick={() => navigate(screen.id)}
      >
        <Icon name={screen.icon} />
        <span className="nav-label">{screen.label}</span>
        {count > 0 && screen.count ? (
          <span className="nav-count" aria-label={`${count} ${screen.count.noun}`}>
            {count}
          </span>
        ) : null}
      </button>
    </li>
  );
}
