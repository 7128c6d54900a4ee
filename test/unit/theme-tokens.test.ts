// The renderer's colours are design tokens (src-renderer/ui/base.css), in a light and a dark set:
//   - no other CSS file writes a colour literal, so every screen follows the OS setting;
//   - both sets define the same tokens;
//   - the pairs the screens use are readable in both themes: text >= 4.5:1, focus rings, field
//     edges and the production band >= 3:1 (WCAG 1.4.3 and 1.4.11), computed with axe-core's maths.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contrast } from '../helpers/contrast';

const RENDERER = path.resolve(__dirname, '../../src-renderer');
const BASE = fs.readFileSync(path.join(RENDERER, 'ui/base.css'), 'utf8');

/** `--name: value;` declarations of the first block opened by `opener`. */
function tokensIn(css: string, opener: RegExp): Map<string, string> {
  const start = css.search(opener);
  if (start < 0) throw new Error(`no block ${opener}`);
  const body = css.slice(css.indexOf('{', start) + 1);
  const block = body.slice(0, body.indexOf('}'));
  const out = new Map<string, string>();
  for (const m of block.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)) out.set(m[1]!, m[2]!.trim());
  return out;
}

const COLOUR = /#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(|(?<![\w-])(?:white|black)(?![\w-])/i;
const isColour = (v: string): boolean => COLOUR.test(v) && !v.includes('px'); // shadows are not colour tokens

const LIGHT = tokensIn(BASE, /^:root\s*\{/m);
const DARK = tokensIn(BASE, /@media \(prefers-color-scheme: dark\)/);
const THEMES = { light: LIGHT, dark: DARK } as const;

const SURFACES = ['bg', 'surface', 'surface-muted', 'surface-hover', 'surface-sunken', 'sidebar', 'sidebar-hover'];
/** [foreground token, background tokens, minimum ratio]: the pairs the screens put on screen. */
const PAIRS: [string, string[], number][] = [
  ['text', [...SURFACES, 'accent-soft', 'prod-soft', 'danger-soft', 'ok-soft', 'warn-soft', 'sandbox-soft'], 4.5],
  ['text-muted', [...SURFACES, 'prod-soft', 'accent-soft'], 4.5],
  ['text-faint', [...SURFACES, 'prod-soft'], 4.5],
  ['accent-text', [...SURFACES, 'accent-soft', 'prod-soft'], 4.5],
  ['on-accent', ['accent', 'accent-hover'], 4.5],
  ['info-strong', ['accent-soft'], 4.5],
  ['on-danger', ['danger', 'danger-hover'], 4.5],
  ['danger-text', [...SURFACES, 'danger-soft', 'prod-soft'], 4.5],
  ['danger-strong', ['danger-soft'], 4.5],
  ['ok', [...SURFACES, 'ok-soft', 'prod-soft'], 4.5],
  ['ok-strong', ['ok-soft'], 4.5],
  ['warn', [...SURFACES, 'warn-soft', 'prod-soft'], 4.5],
  ['warn-strong', ['warn-soft'], 4.5],
  ['sandbox-text', ['sandbox-soft'], 4.5],
  ['on-prod', ['prod'], 4.5],
  ['prod-text', [...SURFACES, 'prod-soft'], 4.5],
  ['toast-text', ['toast-bg'], 4.5],
  ['toast-muted', ['toast-bg'], 4.5],
  // Non-text: focus rings, the edge of a text field, the production band next to its row.
  ['focus', [...SURFACES, 'accent-soft', 'danger-soft', 'ok-soft', 'warn-soft', 'prod-soft', 'sandbox-soft'], 3],
  ['toast-focus', ['toast-bg'], 3],
  ['control-border', ['surface', 'surface-muted'], 3],
  ['prod', ['surface', 'surface-hover', 'prod-soft'], 3],
];

describe('design tokens', () => {
  it('no CSS file but base.css writes a colour; base.css only in its token blocks', () => {
    const files = fs.readdirSync(RENDERER, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.css'));
    expect(files.length).toBeGreaterThan(10);
    const literals: string[] = [];
    for (const file of files) {
      let css = fs.readFileSync(path.join(RENDERER, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
      // base.css: the two token blocks may (and must) hold colours; the rules after them may not.
      if (file === path.join('ui', 'base.css')) css = css.replace(/--[\w-]+\s*:[^;]+;/g, '');
      css.split('\n').forEach((line, i) => {
        if (COLOUR.test(line)) literals.push(`${file}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(literals).toEqual([]);
  });

  it('the dark set defines every colour token of the light set, and no other', () => {
    const colourTokens = (m: Map<string, string>): string[] =>
      [...m]
        .filter(([, v]) => isColour(v))
        .map(([k]) => k)
        .sort();
    expect(colourTokens(LIGHT).length).toBeGreaterThan(40);
    expect(colourTokens(DARK)).toEqual(colourTokens(LIGHT));
  });

  it('the page asks for both schemes (native controls follow)', () => {
    expect(LIGHT.get('color-scheme') ?? BASE.match(/color-scheme:\s*([^;]+);/)?.[1]).toBe('light dark');
    const html = fs.readFileSync(path.join(RENDERER, 'index.html'), 'utf8');
    expect(html).toContain('<meta name="color-scheme" content="light dark" />');
  });

  for (const [theme, tokens] of Object.entries(THEMES)) {
    it(`${theme}: every pair the screens use has enough contrast`, () => {
      const weak: string[] = [];
      for (const [fg, bgs, min] of PAIRS) {
        for (const bg of bgs) {
          const f = tokens.get(`--${fg}`);
          const b = tokens.get(`--${bg}`);
          if (!f || !b) {
            weak.push(`--${fg} on --${bg}: token missing`);
            continue;
          }
          const ratio = contrast(f, b);
          if (ratio < min) weak.push(`--${fg} (${f}) on --${bg} (${b}): ${ratio.toFixed(2)}:1 < ${min}:1`);
        }
      }
      expect(weak).toEqual([]);
    });
  }

  it('the contrast check can fail: the old faint grey on white is refused', () => {
    expect(contrast('#848c97', '#ffffff')).toBeLessThan(4.5);
    expect(contrast('#1b1f24', '#ffffff')).toBeGreaterThan(15);
  });
});
