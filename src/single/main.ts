/**
 * Entry of the single-file build only (vite.config.ts, mode `single`): the inlined data answers
 * the app's fetches before the app starts. The normal build never includes this module.
 */
import files from 'virtual:atlas-inline-files';
import { installInlineFiles } from './inline-files.ts';

installInlineFiles(files, document.baseURI);
await import('../main.tsx');
