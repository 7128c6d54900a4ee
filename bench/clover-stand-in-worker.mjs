// Bootstrap of the stand-in's process: registers tsx's loader, then loads the TypeScript host
// (clover-stand-in-worker.ts).
import { register } from 'tsx/esm/api';

register();
await import('./clover-stand-in-worker.ts');
