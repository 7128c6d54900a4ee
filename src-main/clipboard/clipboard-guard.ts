// Clipboard hygiene after KeePassXC: a copied secret is cleared after a countdown, and on quit,
// but only if the clipboard still holds what we put there (the user may have copied something else).
// Only a hash of the copied text is kept, so the guard itself holds no secret.
import { createHash } from 'node:crypto';

export interface Clipboard {
  readText(): string;
  writeText(text: string): void;
  clear(): void;
}

const hash = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');

export function createMemoryClipboard(initial = ''): Clipboard {
  let text = initial;
  return { readText: () => text, writeText: (t) => void (text = t), clear: () => void (text = '') };
}

export class ClipboardGuard {
  private copiedHash: string | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly clipboard: Clipboard,
    private readonly onCleared: (reason: 'timeout' | 'quit') => void,
  ) {}

  /** Writes text and schedules its removal after `seconds`. */
  copy(text: string, seconds: number): void {
    this.clipboard.writeText(text);
    this.copiedHash = hash(text);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.clearIfUnchanged('timeout'), seconds * 1000);
    this.timer.unref?.();
  }

  /** Clears the clipboard if it still holds exactly `text` (used after a paste-import too). */
  clearIfHolds(text: string): boolean {
    if (this.clipboard.readText() !== text) return false;
    this.clipboard.clear();
    return true;
  }

  clearIfUnchanged(reason: 'timeout' | 'quit'): boolean {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const expected = this.copiedHash;
    this.copiedHash = null;
    if (expected === null || hash(this.clipboard.readText()) !== expected) return false;
    this.clipboard.clear();
    this.onCleared(reason);
    return true;
  }
}
