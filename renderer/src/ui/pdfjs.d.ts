// Module shapes for the two PDF.js files imported by ui/pdf-engine.ts. The pre-minified build is
// imported (the renderer build does not minify), typed as the package's own declarations.
declare module 'pdfjs-dist/legacy/build/pdf.min.mjs' {
  export * from 'pdfjs-dist';
}

// Vite answers an import ending in ?url with the address of the file it copied into the build.
declare module 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url' {
  const url: string;
  export default url;
}
