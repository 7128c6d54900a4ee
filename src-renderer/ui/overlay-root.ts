// Where popups (menus, popovers) are portalled: into <main>, so they sit inside a landmark (axe
// `region`) and belong to the screen that opened them. They are position: fixed, and <main> creates
// no containing block or stacking context (no transform, filter or z-index), so nothing clips them
// and their z-index competes with the toast and dialogs as before. Falls back to <body>.
export function overlayRoot(): HTMLElement {
  return document.getElementById('main') ?? document.body;
}
