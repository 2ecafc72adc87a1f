/**
 * One config, two jobs:
 * - `vite` (dev server): the project root is served as is, the demo storefront lives under
 *   /demo/ (`/` redirects there), and the embedded demo backend answers /api/omni/v1 over real
 *   HTTP, with fault injection at /__omni/faults.
 * - `vite build`: the script-tag bundle, ONE minified ES module `dist/omnishelf.js` with Lit and
 *   every other dependency inside, no code splitting. It is an app build with a JS entry rather
 *   than library mode, because Vite's library mode never minifies whitespace in ES output.
 *
 * TypeScript goes through esbuild, which reads `experimentalDecorators` and
 * `useDefineForClassFields: false` from tsconfig.json. Lit's reactive properties depend on both.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { omniDemoBackend } from './src/mocks/vite-plugin.js';

/** `/` -> `/demo/`, and a line that says where the storefront is once the server listens. */
function demoEntry(): Plugin {
  return {
    name: 'omni-demo-entry',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url === '/' || req.url === '/index.html' || req.url === '/demo') {
          res.statusCode = 302;
          res.setHeader('Location', '/demo/');
          res.end();
          return;
        }
        next();
      });
      server.httpServer?.once('listening', () => {
        setTimeout(() => {
          const url = server.resolvedUrls?.local[0];
          if (url) server.config.logger.info(`\n  Omnishelf demo storefront: ${url}demo/\n`);
        }, 0);
      });
    },
  };
}

export default defineConfig(({ command }) => ({
  root: fileURLToPath(new URL('.', import.meta.url)),
  publicDir: 'public',
  appType: 'mpa',
  plugins: command === 'serve' ? [demoEntry(), omniDemoBackend()] : [],
  server: { port: 5173 },
  preview: { port: 4173 },
  build: {
    outDir: 'dist',
    // `npm run build` cleans dist/ itself; the bundle must not wipe dist/esm from tsc.
    emptyOutDir: false,
    copyPublicDir: false,
    target: 'es2022',
    minify: 'esbuild',
    sourcemap: false,
    modulePreload: false,
    reportCompressedSize: true,
    rollupOptions: {
      input: 'src/index.ts',
      // An app build drops the entry's exports unless told otherwise.
      preserveEntrySignatures: 'strict',
      output: {
        format: 'es',
        entryFileNames: 'omnishelf.js',
        inlineDynamicImports: true,
      },
    },
  },
}));
