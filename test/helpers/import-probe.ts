// Run in a child process (as an ordinary user when the tests run as root): reads an import file
// and prints the typed error, so tests can check what an unreadable file answers.
import { readImportFile } from '../../src-main/vault/import-file';
import { AppError } from '../../src-main/errors/app-error';

readImportFile(process.argv[2] ?? '')
  .then(() => console.log(JSON.stringify({ ok: true })))
  .catch((e: unknown) =>
    console.log(JSON.stringify(e instanceof AppError ? { code: e.code, message: e.message } : { code: 'UNTYPED' })),
  );
