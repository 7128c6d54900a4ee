// The route registry: every screen is ONE entry here (id, label, icon, view, what to load on
// enter, or "coming soon"). The ScreenId type, navigate(), the sidebar and App all read it.
// Next screens: features/diagram, features/expiry, features/charges -- move their entry out of
// "coming soon" by giving it a view.
import type { ComponentType } from 'react';
import type { IconName } from '../ui/Icon';
import { CredentialsView } from '../features/credentials/CredentialsView';
import { RequestsView } from '../features/requests/RequestsView';
import { ChargesView } from '../features/charges/ChargesView';
import { DiagramView } from '../features/diagram/DiagramView';
import { SettingsView } from '../features/settings/SettingsView';
import { useStore, type AppState } from './store';

interface RouteBase {
  id: string;
  label: string;
  icon: IconName;
  /** One line: the sidebar's tooltip. */
  description: string;
}

export interface ScreenRoute extends RouteBase {
  view: ComponentType;
  /** Loads what the screen shows, each time it is opened. */
  onEnter?(state: AppState): unknown;
  /** A number the sidebar shows next to the label, and what it counts (for screen readers). */
  count?: { of(state: AppState): number; noun: string };
}

export interface ComingSoonRoute extends RouteBase {
  comingSoon: true;
}

export const ROUTES = [
  {
    id: 'credentials',
    label: 'Credentials',
    icon: 'key',
    description: 'Clover and Square credentials in your keychain',
    view: CredentialsView,
    onEnter: (s) => s.loadCredentials(),
    count: { of: (s) => s.credentials.filter((c) => c.status === 'pending').length, noun: 'pending' },
  },
  {
    id: 'diagram',
    label: 'Diagram',
    icon: 'graph',
    description: 'How apps, merchants and tokens relate',
    view: DiagramView,
    onEnter: (s) => Promise.all([s.loadCredentials({ quiet: true }), s.loadGraph()]),
  },
  {
    id: 'charges',
    label: 'Charge lab',
    icon: 'card',
    description: 'Sandbox test charges and their ledger',
    view: ChargesView,
    onEnter: (s) => Promise.all([s.loadCredentials({ quiet: true }), s.loadAttempts()]),
  },
  {
    id: 'requests',
    label: 'Requests',
    icon: 'list',
    description: 'Every request sent to Clover or Square',
    view: RequestsView,
    onEnter: (s) => s.loadRequests(),
  },
  {
    id: 'settings',
    label: 'Settings',
    icon: 'gear',
    description: 'Clipboard and app settings',
    view: SettingsView,
    onEnter: (s) => s.loadSettings(),
  },
  // features/diagram and features/expiry: give the entry a view (and onEnter) when the screen exists.
  { id: 'expiry', label: 'Expiry', icon: 'clock', description: 'Which tokens expire when', comingSoon: true },
] as const satisfies readonly (ScreenRoute | ComingSoonRoute)[];

type Entry = (typeof ROUTES)[number];
type ScreenEntry = Extract<Entry, { view: ComponentType }>;
export type ScreenId = ScreenEntry['id'];
export type Screen = ScreenRoute & { id: ScreenId };

export const SCREENS: readonly Screen[] = ROUTES.filter((r): r is ScreenEntry => 'view' in r);
export const COMING_SOON: readonly ComingSoonRoute[] = ROUTES.filter((r) => 'comingSoon' in r);

export function screenOf(id: ScreenId): Screen {
  const screen = SCREENS.find((r) => r.id === id);
  if (!screen) throw new Error(`no screen ${id}`);
  return screen;
}

/** Opens a screen and loads what it shows. */
export function navigate(id: ScreenId): void {
  const store = useStore.getState();
  store.showScreen(id);
  void screenOf(id).onEnter?.(useStore.getState());
}
