// Run in a child process with a broken D-Bus address: prints the typed error the vault gives.
import { createKeytarStore } from '../../src-main/vault/secret-store';
import { AppError } from '../../src-main/errors/app-error';

createKeytarStore({ service: 'merchant-keychain-probe', timeoutMs: 5_000 })
  .set('probe', 'probe-value-123456')
  .then(() => console.log(JSON.stringify({ ok: true })))
  .catch((e: unknown) =>
    console.log(
      JSON.stringify(
        e instanceof AppError
          ? { code: e.code, message: e.message, hint: e.hint }
          : { code: 'UNTYPED', message: String(e) },
      ),
    ),
  );
