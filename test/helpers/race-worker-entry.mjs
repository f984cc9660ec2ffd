// Worker threads do not inherit tsx's loader from `--import`, so the worker starts here in plain
// JavaScript and loads the TypeScript worker through tsx's API.
import { tsImport } from 'tsx/esm/api';

await tsImport('./race-worker.ts', import.meta.url);
