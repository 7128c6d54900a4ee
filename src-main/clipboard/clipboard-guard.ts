// Clipboard hygiene after KeePassXC: a copied secret is cleared after a countdown, and on quit,
// but only if the clipboard still holds what we put there (the user may have copied something else).
// Only a hash of the copied text is kept, so the guard itself holds no secret.
import { createHash } from 'node:crypto';
import { AppError } from '../errors/app-error';

/** Electron 45's clipboard is promise-based; test doubles may answer synchronously. */
export interface Clipboard {
  readText(): string | Promise<string>;
  writeText(text: string): void | Promise<void>;
  clear(): void | Promise<void>;
}

const hash = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');

export function createMemoryClipboard(initial = ''): Clipboard {
  let text = initial;
  return { readText: () => text, writeText: (t) => void (text = t), clear: () => void (text = '') };
}

export class ClipboardGuard {
  private copiedHash: string | null = null;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly clipboard: Clipboard,
    private readonly onCleared: (reason: 'timeout' | 'quit') => void,
  ) {}

  /** Writes text and schedules its removal after `seconds`. */
  async copy(text: string, seconds: number): Promise<void> {
    // A copy that was still waiting on the keychain when the core closed must not land after the clear.
    if (this.closed) throw new AppError('UNAVAILABLE', 'Merchant Keychain is shutting down; nothing was copied.');
    await this.clipboard.writeText(text);
    this.copiedHash = hash(text);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.clearIfUnchanged('timeout').catch(() => undefined), seconds * 1000);
    this.timer.unref?.();
  }

  /** Clears the clipboard if it still holds exactly `text` (used after a paste-import too). */
  async clearIfHolds(text: string): Promise<boolean> {
    if ((await this.clipboard.readText()) !== text) return false;
    await this.clipboard.clear();
    return true;
  }

  /** Called as close() begins: a copy still waiting on the keychain is refused, not written. */
  refuseCopies(): void {
    this.closed = true;
  }

  /** The last thing the core does on close. */
  async shutdown(): Promise<boolean> {
    this.closed = true;
    return this.clearIfUnchanged('quit');
  }

  async clearIfUnchanged(reason: 'timeout' | 'quit'): Promise<boolean> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const expected = this.copiedHash;
    this.copiedHash = null;
    if (expected === null || hash(await this.clipboard.readText()) !== expected) return false;
    await this.clipboard.clear();
    this.onCleared(reason);
    return true;
  }
}
