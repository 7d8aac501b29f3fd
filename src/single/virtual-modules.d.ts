/** Provided by vite.config.ts in the single-file build: page-relative path → the file's text. */
declare module 'virtual:atlas-inline-files' {
  const files: Readonly<Record<string, string>>;
  export default files;
}
