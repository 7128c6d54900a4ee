// Functions the quality checks run IN the page (page.evaluate): they read computed styles and
// geometry and return plain data; the colour maths happens in the test (contrast.ts). The test
// tsconfig has no DOM library, so the few DOM members used are named here.

interface ProbeStyle {
  outlineOffset: string;
  outlineStyle: string;
  outlineWidth: string;
  outlineColor: string;
  backgroundColor: string;
  color: string;
  colorScheme: string;
  boxShadow: string;
}
interface ProbeRect {
  left: number;
  top: number;
  width: number;
  height: number;
}
interface ProbeElement {
  parentElement: ProbeElement | null;
  textContent: string | null;
  tagName: string;
  className: string;
  scrollWidth: number;
  clientWidth: number;
  getAttribute(name: string): string | null;
  contains(other: ProbeElement | null): boolean;
  getBoundingClientRect(): ProbeRect;
  scrollIntoView(options: { block: string; inline: string }): void;
  scrollTo(x: number, y: number): void;
  scrollLeft: number;
  scrollTop: number;
  offsetTop: number;
  querySelector(selector: string): ProbeElement | null;
  querySelectorAll(selector: string): ArrayLike<ProbeElement>;
}
interface ProbeWindow {
  document: {
    activeElement: ProbeElement | null;
    body: ProbeElement;
    documentElement: ProbeElement;
    querySelector(selector: string): ProbeElement | null;
    querySelectorAll(selector: string): ArrayLike<ProbeElement>;
    elementFromPoint(x: number, y: number): ProbeElement | null;
  };
  getComputedStyle(el: ProbeElement): ProbeStyle;
}

export interface RingProbe {
  /** role/tag and accessible text of the focused element, for messages. */
  name: string;
  outlineStyle: string;
  outlineWidth: number;
  outlineColor: string;
  /** Background colours behind the ring, innermost first (up to the first opaque one or <html>). */
  behind: string[];
}

/**
 * The focused element's outline and what is painted behind it. An outline with a negative offset
 * is drawn over the element's own background; otherwise over its parent's.
 */
export function probeFocusRing(): RingProbe | null {
  const w = globalThis as unknown as ProbeWindow;
  const el = w.document.activeElement;
  if (!el || el === w.document.body || el === w.document.documentElement) return null;
  const cs = w.getComputedStyle(el);
  const behind: string[] = [];
  let node: ProbeElement | null = parseFloat(cs.outlineOffset) < 0 ? el : el.parentElement;
  for (; node; node = node.parentElement) {
    const bg = w.getComputedStyle(node).backgroundColor;
    behind.push(bg);
    if (bg.startsWith('rgb(')) break; // opaque (Chromium writes rgba() only with alpha < 1)
  }
  const text = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 60);
  return {
    name: `${el.getAttribute('role') ?? el.tagName.toLowerCase()} "${text}"`,
    outlineStyle: cs.outlineStyle,
    outlineWidth: parseFloat(cs.outlineWidth),
    outlineColor: cs.outlineColor,
    behind,
  };
}

/** The page's base colours as computed: body background and text, a table frame, color-scheme. */
export function themeColours(): { bg: string; text: string; surface: string; scheme: string } {
  const w = globalThis as unknown as ProbeWindow;
  const d = w.document;
  const frame = d.querySelector('.table-wrap') ?? d.body;
  return {
    bg: w.getComputedStyle(d.body).backgroundColor,
    text: w.getComputedStyle(d.body).color,
    surface: w.getComputedStyle(frame).backgroundColor,
    scheme: w.getComputedStyle(d.documentElement).colorScheme,
  };
}

/** How far the page (the window, or the scrolling main pane) scrolls sideways, in CSS pixels. */
export function sidewaysScroll(): { document: number; main: number } {
  const d = (globalThis as unknown as ProbeWindow).document;
  const main = d.querySelector('main');
  return {
    document: d.documentElement.scrollWidth - d.documentElement.clientWidth,
    main: main ? main.scrollWidth - main.clientWidth : 0,
  };
}

/**
 * Cells of the screen's tables that another element covers when the cell is scrolled into view
 * (a sticky column over the Status column, for instance). Each cell is brought into view the way
 * keyboard focus would, and the element at its centre must belong to it.
 */
export function coveredCells(): string[] {
  const d = (globalThis as unknown as ProbeWindow).document;
  const out: string[] = [];
  for (const cell of Array.from(d.querySelectorAll('main table tbody :is(td, th)'))) {
    cell.scrollIntoView({ block: 'center', inline: 'nearest' });
    const r = cell.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue; // a column hidden at this width
    const hit = d.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    if (hit && !cell.contains(hit) && !hit.contains(cell)) {
      out.push(`"${(cell.textContent ?? '').trim().slice(0, 40)}" under ${hit.tagName.toLowerCase()}.${hit.className}`);
    }
  }
  d.querySelector('main')?.scrollTo(0, 0);
  return out;
}

/** Whether keyboard focus is inside <main>. */
export function focusInMain(): boolean {
  const d = (globalThis as unknown as ProbeWindow).document;
  return d.querySelector('main')?.contains(d.activeElement) ?? false;
}

/** What marks a table row header: its box shadow and left border colour (the production band). */
export function rowBand(th: unknown): string {
  const w = globalThis as unknown as ProbeWindow;
  const cs = w.getComputedStyle(th as ProbeElement);
  return `${cs.boxShadow} ${cs.backgroundColor}`;
}

/** Width of an element's box. */
export function boxWidth(el: unknown): number {
  return (el as ProbeElement).getBoundingClientRect().width;
}

/** Scrolls the main pane to its top and every table frame to its start (before a screenshot). */
export function scrollToStart(): void {
  const d = (globalThis as unknown as ProbeWindow).document;
  for (const frame of Array.from(d.querySelectorAll('main .table-wrap'))) frame.scrollLeft = 0;
  d.querySelector('main')?.scrollTo(0, 0);
}

/** Scrolls the main pane so its first table is at the top; false when the screen has none. */
export function scrollToFirstTable(): boolean {
  const d = (globalThis as unknown as ProbeWindow).document;
  const main = d.querySelector('main');
  const table = d.querySelector('main table');
  if (!main || !table) return false;
  main.scrollTop += table.getBoundingClientRect().top - main.getBoundingClientRect().top - 8;
  return true;
}
