/**
 * One config, two jobs:
 * - `vite` (dev server): the project root is served as is, the demo storefront lives under
 *   /demo/ (`/` redirects there), and the embedded demo backend answers /api/omni/v1 over real
 *   HTTP, with fault injection at /__omni/faults.
 * - `vite build`: the script-tag build. `dist/omnishelf.js` is the loader (src/loader.ts); each
 *   element's code is a chunk it imports when the element's tag appears (`dist/chunks/`), Lit and
 *   the shared core are shared chunks, and translations are chunks of their own
 *   (`dist/locales/`). Every import is relative to the importing file, so the folder can be
 *   hosted anywhere. `dist/omnishelf.css` reserves the elements' space before they upgrade. It is
 *   an app build with a JS entry rather than library mode, because Vite's library mode never
 *   minifies whitespace in ES output. Lit's `html`/`css` template text is minified too.
 *
 * TypeScript goes through esbuild, which reads `experimentalDecorators` and
 * `useDefineForClassFields: false` from tsconfig.json. Lit's reactive properties depend on both.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import type { ModuleInfo } from 'rollup';
import { omniDemoBackend } from './src/mocks/vite-plugin.js';
import { minifyCssParts, minifyHtmlParts } from './scripts/minify-literals.js';

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

/**
 * Vite wraps every dynamic `import()` of an app build in `__vitePreload(load, deps, importerUrl)`,
 * a helper (about 1 kB) that adds `<link rel=modulepreload>` for the imported chunk's static
 * dependencies. The loader defines its own small `__vitePreload` (Vite then uses that one): it is
 * where preloading matters, so that an element's chunk and the shared chunks download in
 * parallel. The other dynamic imports (translations, the stock checker's full view) are issued by
 * code whose dependencies are already loaded: this plain call serves them. If a Vite upgrade
 * renames the helper's module, Vite's helper is bundled again (and `npm run size` shows it); if it
 * renames the export, the build fails.
 */
function noPreloadHelper(): Plugin {
  const helperId = '\0vite/preload-helper.js';
  return {
    name: 'omni-no-preload-helper',
    enforce: 'pre',
    load(id) {
      if (id !== helperId) return null;
      return { code: 'export const __vitePreload = (load) => load();', moduleSideEffects: false };
    },
  };
}

/** Emits `src/styles/omnishelf.css` (space reserved before upgrade) as `dist/omnishelf.css`. */
function reserveStylesheet(): Plugin {
  return {
    name: 'omni-reserve-stylesheet',
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: 'omnishelf.css',
        source: readFileSync(
          fileURLToPath(new URL('src/styles/omnishelf.css', import.meta.url)),
          'utf8',
        )
          .replace(/\/\*[\s\S]*?\*\//g, '')
          .replace(/\s+/g, ' ')
          .replace(/\s*([{}:;,>])\s*/g, '$1')
          .trim(),
      });
    },
  };
}

interface AstNode {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

const isNode = (value: unknown): value is AstNode =>
  typeof value === 'object' && value !== null && typeof (value as AstNode).type === 'string';

/**
 * Minifies the text of Lit's `html` and `css` tagged templates in our own modules (see
 * scripts/minify-literals.ts for what is and is not changed). Only tags imported from `lit` by
 * those names are touched (also when renamed on import); every other string stays as written.
 * Runs after esbuild has turned TypeScript into JavaScript, so it reads the code with Rollup's
 * parser instead of patterns.
 */
function minifyLiterals(): Plugin {
  const minifiers = { html: minifyHtmlParts, css: minifyCssParts };
  return {
    name: 'omni-minify-literals',
    transform(code, id) {
      if (!/\/src\/(?!mocks\/).*\.ts$/.test(id) || !/\b(?:html|css)\b/.test(code)) return null;
      const program = this.parse(code) as unknown as AstNode;
      const tags = new Map<string, keyof typeof minifiers>();
      for (const node of program.body as AstNode[]) {
        if (node.type !== 'ImportDeclaration' || (node.source as { value: string }).value !== 'lit')
          continue;
        for (const spec of node.specifiers as AstNode[]) {
          const imported = (spec.imported as { name?: string } | undefined)?.name;
          if (spec.type === 'ImportSpecifier' && (imported === 'html' || imported === 'css')) {
            tags.set((spec.local as { name: string }).name, imported);
          }
        }
      }
      if (tags.size === 0) return null;
      const edits: { start: number; end: number; text: string }[] = [];
      const visit = (node: AstNode): void => {
        const tag = node.type === 'TaggedTemplateExpression' ? (node.tag as AstNode) : undefined;
        const kind = tag?.type === 'Identifier' ? tags.get(tag.name as string) : undefined;
        if (kind) {
          const quasis = (node.quasi as AstNode).quasis as AstNode[];
          const raw = quasis.map((q) => (q.value as { raw: string }).raw);
          const exact = quasis.every((q, i) => code.slice(q.start, q.end) === raw[i]);
          const minified = exact ? minifiers[kind](raw) : undefined;
          minified?.forEach((text, i) => {
            if (text !== raw[i]) edits.push({ start: quasis[i]!.start, end: quasis[i]!.end, text });
          });
        }
        for (const value of Object.values(node)) {
          if (Array.isArray(value)) value.filter(isNode).forEach(visit);
          else if (isNode(value)) visit(value);
        }
      };
      visit(program);
      if (edits.length === 0) return null;
      let out = '';
      let at = 0;
      for (const edit of edits.sort((a, b) => a.start - b.start)) {
        out += code.slice(at, edit.start) + edit.text;
        at = edit.end;
      }
      return { code: out + code.slice(at), map: null };
    },
  };
}

const { version } = JSON.parse(
  readFileSync(fileURLToPath(new URL('package.json', import.meta.url)), 'utf8'),
) as { version: string };

/**
 * `OMNI_SINGLE_FILE=1 vite build` writes the same code as ONE file with every element inside
 * (dist/bench/single/omnishelf.js): the reference `npm run bench` compares the loader with.
 */
const singleFile = process.env.OMNI_SINGLE_FILE === '1';

/**
 * Groups modules into few chunks, so that a page fetches few files (each file is compressed on
 * its own; fewer files compress better and cost fewer requests), while the most common page, one
 * with stock badges, loads nothing it does not use:
 * - `shared`: the foundation every element loads (Lit and its helpers, the page host and its
 *   configuration: what the `<omni-provider>` chunk reaches and some other element does too);
 * - `stock-core`: what the stock checker's chunk needs and other widgets use too (stores, stock,
 *   the REST transport, storage, Valibot, idb ...);
 * - `cart-core`: what only the cart's elements share; `widgets-core`: what several other widgets
 *   share (the location controls, zoned time, the page clock, money ...), which badges never load;
 * - `<folder>`: what only one component folder's elements use, from its chunk entry (`index.ts`);
 *   lazily loaded views (the stock checker's full view) and translations keep chunks of their own.
 */
const CART_FOLDERS = new Set(['cart', 'cart-button', 'cart-count', 'add-to-cart']);

function chunkGroups(): (
  id: string,
  meta: { getModuleInfo(id: string): ModuleInfo | null },
) => string | undefined {
  const reachCache = new Map<string, Set<string>>();
  const entryOf = (id: string) => {
    const match = /\/src\/components\/([^/]+)\/(index|[^/]+-full)\.ts$/.exec(id);
    return match ? (match[2] === 'index' ? match[1] : `${match[1]}:view`) : undefined;
  };
  const folderOf = (entry: string) => entry.split(':')[0]!;
  return (id, { getModuleInfo }) => {
    if (id.includes('/src/loader.ts') || id.includes('/i18n/locales/')) return undefined;
    /** The chunk entries (element entries and lazy views) whose code reaches this module. */
    const entries = (moduleId: string, seen = new Set<string>()): Set<string> => {
      const cached = reachCache.get(moduleId);
      if (cached) return cached;
      const out = new Set<string>();
      if (seen.has(moduleId)) return out;
      seen.add(moduleId);
      const entry = entryOf(moduleId);
      if (entry) {
        // An entry is where a chunk starts: who loads it does not make its modules theirs.
        out.add(entry);
        reachCache.set(moduleId, out);
        return out;
      }
      const info = getModuleInfo(moduleId);
      for (const importer of [...(info?.importers ?? []), ...(info?.dynamicImporters ?? [])]) {
        if (importer.includes('/src/loader.ts')) continue;
        for (const e of entries(importer, seen)) out.add(e);
      }
      reachCache.set(moduleId, out);
      return out;
    };
    const users = entries(id);
    if (users.size > 1 && users.has('provider')) return 'shared';
    // The plural helper is a few hundred bytes that nearly every widget's text
    // uses: with the foundation, rather than pulling a whole core chunk into a page for them.
    if (users.size > 1 && id.endsWith('/src/core/i18n/plural.ts')) return 'shared';
    const folders = new Set([...users].map(folderOf));
    if (folders.size > 1) {
      if (users.has('stock-checker')) return 'stock-core';
      if ([...folders].every((f) => CART_FOLDERS.has(f))) return 'cart-core';
      // The cart's elements and one other widget (money, for the cart and the shipping
      // estimator): a chunk of their own, so that neither loads the other's core.
      const others = [...folders].filter((f) => !CART_FOLDERS.has(f));
      if (others.length === 1 && others.length < folders.size) return `cart+${others[0]}`;
      return 'widgets-core';
    }
    const [folder] = folders;
    const info = getModuleInfo(id);
    const loadedLazily = (info?.dynamicImporters ?? []).some((d) => !d.includes('/src/loader.ts'));
    if (entryOf(id)?.endsWith(':view') || loadedLazily) return undefined;
    const reachedFromIndex = (moduleId: string, seen = new Set<string>()): boolean => {
      if (seen.has(moduleId)) return false;
      seen.add(moduleId);
      if (moduleId.endsWith(`/components/${folder}/index.ts`)) return true;
      return (getModuleInfo(moduleId)?.importers ?? []).some((m) => reachedFromIndex(m, seen));
    };
    return reachedFromIndex(id) ? folder : undefined;
  };
}

export default defineConfig(({ command }) => ({
  define: { __OMNI_VERSION__: JSON.stringify(version) },
  root: fileURLToPath(new URL('.', import.meta.url)),
  publicDir: 'public',
  appType: 'mpa',
  plugins:
    command === 'serve'
      ? [demoEntry(), omniDemoBackend()]
      : [noPreloadHelper(), minifyLiterals(), reserveStylesheet()],
  // Built files import each other relative to their own URL: dist/ can be hosted anywhere.
  base: command === 'build' ? './' : '/',
  // The demo backend sends its own CORS headers; Vite's would add a second
  // Access-Control-Allow-Origin for localhost origins, which browsers reject.
  server: { port: 5173, cors: false },
  preview: { port: 4173, cors: false },
  build: {
    outDir: singleFile ? 'dist/bench/single' : 'dist',
    // `npm run build` cleans dist/ itself; the bundle must not wipe dist/esm from tsc.
    emptyOutDir: false,
    copyPublicDir: false,
    target: 'es2022',
    minify: 'esbuild',
    sourcemap: false,
    // The loader's own helper preloads (see noPreloadHelper); no polyfill.
    modulePreload: { polyfill: false },
    reportCompressedSize: true,
    rollupOptions: {
      input: 'src/loader.ts',
      // An app build drops the entry's exports unless told otherwise.
      preserveEntrySignatures: 'strict',
      output: {
        format: 'es',
        entryFileNames: 'omnishelf.js',
        inlineDynamicImports: singleFile,
        manualChunks: singleFile ? undefined : chunkGroups(),
        // Tiny groups (a few helpers two widgets share) go into a bigger chunk rather than cost a
        // request and a compression window of their own.
        experimentalMinChunkSize: Number(process.env.OMNI_MIN_CHUNK ?? 0),
        chunkFileNames: (chunk) =>
          chunk.facadeModuleId?.includes('/i18n/locales/')
            ? 'locales/[name]-[hash].js'
            : 'chunks/[name]-[hash].js',
      },
    },
  },
}));
