// The package as a developer gets it: `npm pack` (of the built dist/: run `npm run build` first),
// then, from a scratch project in a temporary folder that installs the tarball:
// - the tarball holds every file package.json names, and nothing from src/ or test/; publint
//   finds nothing to fix; the editor data covers every element;
// - Node imports `omnishelf/core` (headless: no DOM needed) and `omnishelf/custom-elements.json`;
// - TypeScript (strict, moduleResolution "bundler", and "nodenext") type-checks a file importing
//   every entry of `exports`, typed uses of every element, and the README's "Install with npm"
//   snippets;
// - Vite builds all of it, and the build shows that `omnishelf/core` pulls no Lit and no element,
//   and that one React wrapper pulls one element.
// Prints one line per check and a summary in the test runner's shape, which .ci/run counts.
//
//   node scripts/pack-check.mjs [--keep]   (--keep leaves the scratch project and prints where)
import { execFile as execFileCb } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';

const execFile = promisify(execFileCb);
const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const keep = process.argv.includes('--keep');
const started = Date.now();
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const results = [];
async function check(name, body) {
  const t = Date.now();
  try {
    const note = await body();
    results.push(true);
    console.log(
      `  ✓ ${name}${note ? ` — ${note}` : ''} (${((Date.now() - t) / 1000).toFixed(1)} s)`,
    );
    return true;
  } catch (error) {
    results.push(false);
    const detail = String(error?.stderr || error?.stdout || error?.message || error).trim();
    console.log(`  ✗ ${name}\n${detail.replace(/^/gm, '      ').slice(0, 4000)}`);
    return false;
  }
}
function assert(condition, message) {
  if (!condition) throw new Error(message);
}
const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

function summary() {
  const passed = results.filter(Boolean).length;
  const failed = results.length - passed;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`\nPackage checks finished in ${seconds} s.`);
  const bar = '█'.repeat(30);
  console.log(
    `Package: |${bar}| ${results.length}/${results.length} checks | ${passed} passed, ${failed} failed`,
  );
  return failed;
}

console.log(`\nThe packed package (scripts/pack-check.mjs)`);

const built = ['dist/esm/index.js', 'dist/omnishelf.js', 'dist/custom-elements.json'];
if (!built.every((file) => existsSync(join(root, file)))) {
  await check('dist/ is built', () => {
    throw new Error(`missing ${built.join(', ')}: run \`npm run build\` first`);
  });
  process.exit(summary() > 0 ? 1 : 0);
}

const work = mkdtempSync(join(tmpdir(), 'omnishelf-pack-'));
const app = join(work, 'app');
mkdirSync(join(app, 'src'), { recursive: true });
const run = (cmd, args, options = {}) =>
  execFile(cmd, args, { maxBuffer: 64 * 1024 * 1024, ...options });

try {
  // ---- the tarball ----
  let tarball;
  let packed;
  await check('npm pack', async () => {
    const { stdout } = await run(
      npm,
      ['pack', '--ignore-scripts', '--json', '--pack-destination', work],
      { cwd: root },
    );
    [packed] = JSON.parse(stdout);
    tarball = join(work, packed.filename);
    return `${packed.filename}: ${kB(packed.size)} packed, ${kB(packed.unpackedSize)} unpacked, ${packed.files.length} files`;
  });
  if (!packed) throw new Error('no tarball');
  const files = new Set(packed.files.map((f) => f.path));

  await check('the tarball holds every file package.json names, and no sources', () => {
    const named = new Set();
    const collect = (value) => {
      if (typeof value === 'string') named.add(value.replace(/^\.\//, ''));
      else if (value && typeof value === 'object') Object.values(value).forEach(collect);
    };
    collect(pkg.exports);
    for (const field of ['types', 'customElements', 'web-types']) collect(pkg[field]);
    const missing = [...named].filter((file) => !files.has(file));
    assert(missing.length === 0, `not in the tarball: ${missing.join(', ')}`);
    for (const entry of pkg.files) {
      assert(
        [...files].some((file) => file === entry || file.startsWith(`${entry}/`)),
        `"files" names ${entry}, which is not in the tarball`,
      );
    }
    const strays = [...files].filter((f) => /^(src|test|demo|scripts)\/|\/mocks\//.test(f));
    assert(strays.length === 0, `should not ship: ${strays.slice(0, 5).join(', ')}`);
    return `${named.size} files named`;
  });

  await check('publint finds nothing to fix', async () => {
    const { publint } = await import('publint');
    const { formatMessage } = await import('publint/utils');
    const bytes = readFileSync(tarball);
    const { messages } = await publint({
      // The tarball alone, as publint's CLI reads one: no pkgDir, it is the tarball's root.
      pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) },
      level: 'suggestion',
      strict: true,
    });
    const text = messages.map((m) => `${m.type}: ${formatMessage(m, pkg) ?? m.code}`);
    assert(messages.length === 0, text.join('\n'));
  });

  const manifest = JSON.parse(readFileSync(join(root, 'dist/custom-elements.json'), 'utf8'));
  const elements = manifest.modules.flatMap((mod) =>
    (mod.declarations ?? [])
      .filter((d) => d.customElement && d.tagName)
      .map((d) => ({ tag: d.tagName, className: d.name, path: mod.path })),
  );

  await check('the manifest and the editor data describe every element', () => {
    const read = (file) => JSON.parse(readFileSync(join(root, file), 'utf8'));
    const vscode = new Set(read('dist/vscode.html-custom-data.json').tags.map((t) => t.name));
    const webTypes = read(pkg['web-types']).contributions.html.elements;
    const jetbrains = new Set(webTypes.map((e) => e.name));
    const css = read('dist/vscode.css-custom-data.json');
    const paths = manifest.modules.map((m) => m.path).filter((p) => !files.has(p));
    assert(paths.length === 0, `manifest modules not in the package: ${paths.join(', ')}`);
    const loader = readFileSync(join(root, 'src/loader.ts'), 'utf8');
    for (const { tag } of elements) {
      assert(vscode.has(tag), `${tag} is missing from the VS Code data`);
      assert(jetbrains.has(tag), `${tag} is missing from web-types`);
      assert(loader.includes(`'${tag}'`), `${tag} is not in the loader`);
    }
    for (const element of webTypes) {
      const entry = element.source.module.replace(/^[^/]+/, '.');
      assert(entry === '.' || pkg.exports[entry], `${element.name}: no export ${entry}`);
    }
    assert(css.properties.length > 0 && css.pseudoElements.length > 0, 'no CSS custom data');
    return `${elements.length} elements, ${css.properties.length} custom properties, ${css.pseudoElements.length} parts`;
  });

  // ---- a scratch project that installs it ----
  const dev = pkg.devDependencies;
  const react = ['react', 'react-dom', '@types/react', '@types/react-dom'].map(
    (name) => `${name}@${dev[name]}`,
  );
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({ name: 'omnishelf-consumer', private: true, type: 'module' }, null, 2),
  );
  const installed = await check('the tarball installs in a scratch project', async () => {
    const args = ['install', tarball, ...react, '--no-audit', '--no-fund', '--ignore-scripts'];
    const env = {
      ...process.env,
      PUPPETEER_SKIP_DOWNLOAD: '1',
      npm_config_update_notifier: 'false',
    };
    try {
      await run(npm, [...args, '--offline'], { cwd: app, env });
      return 'offline, from the npm cache';
    } catch (error) {
      // Versions resolved through ranges need the registry's package documents, which `npm ci`
      // does not cache; the tarballs still come from the cache.
      if (!/\bENOTCACHED\b/.test(String(error.stderr ?? ''))) throw error;
      await run(npm, [...args, '--prefer-offline'], { cwd: app, env });
      return 'prefer-offline (the npm cache lacked some package documents)';
    }
  });

  if (installed) {
    await check('Node imports omnishelf/core (no DOM) and the manifest', async () => {
      const script = `
        const core = await import('omnishelf/core');
        const sum = core.addMoney(core.money('19.90', 'EUR'), core.money('0.15', 'EUR'));
        if (core.compareMoney(sum, core.money('20.05', 'EUR')) !== 0) throw new Error('addMoney: ' + JSON.stringify(sum));
        const check = core.validateShippingRules({});
        if (!Array.isArray(check.problems) || check.problems.length === 0) throw new Error('validateShippingRules accepted {}');
        const { default: manifest } = await import('omnishelf/custom-elements.json', { with: { type: 'json' } });
        const { default: meta } = await import('omnishelf/package.json', { with: { type: 'json' } });
        if (!manifest.modules?.length || meta.name !== 'omnishelf') throw new Error('manifest or package.json');
        console.log(core.version);`;
      const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
        cwd: app,
      });
      assert(stdout.trim() === pkg.version, `version ${stdout.trim()}`);
    });

    // Sources of the scratch project: every entry, typed element use, the README's snippets.
    const subpaths = Object.keys(pkg.exports).filter((key) => !/\.(json|css)$/.test(key));
    const specifier = (key) => (key === '.' ? pkg.name : `${pkg.name}/${key.slice(2)}`);
    const entryOf = (path) => {
      const folder = /components\/([^/]+)\//.exec(path)?.[1];
      return folder && pkg.exports[`./${folder}`] ? `${pkg.name}/${folder}` : undefined;
    };
    const typed = elements.filter((e) => entryOf(e.path));
    writeFileSync(
      join(app, 'src/entries.ts'),
      [
        `import '${pkg.name}/omnishelf.css';`,
        ...subpaths.map((key, i) => `import * as entry${i} from '${specifier(key)}';`),
        ...typed.map(
          (e, i) => `import type { ${e.className} as Element${i} } from '${entryOf(e.path)}';`,
        ),
        '',
        `export const entries = [${subpaths.map((_, i) => `entry${i}`).join(', ')}];`,
        '// Each tag is typed through HTMLElementTagNameMap, as the element entry declares it.',
        ...typed.map(
          (e, i) => `export const element${i}: Element${i} = document.createElement('${e.tag}');`,
        ),
        "document.addEventListener('omni-stock-change', (e) => console.log(e.sku, e.available));",
        "document.addEventListener('omni-cart-change', (e) => console.log(e.count));",
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(app, 'src/core-only.ts'),
      [
        "import { addMoney, createCartStore, estimateDelivery, money } from 'omnishelf/core';",
        "export const total = addMoney(money('1.00', 'EUR'), money('2.00', 'EUR'));",
        'export { createCartStore, estimateDelivery };',
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(app, 'src/react-one.tsx'),
      [
        "import { createRoot } from 'react-dom/client';",
        "import { OmniStockChecker } from 'omnishelf/react';",
        "createRoot(document.body).render(<OmniStockChecker sku='TSHIRT-ORG-M' variant='badge' />);",
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(app, 'src/loader.ts'),
      [
        "import { configure, discover } from 'omnishelf/loader';",
        "configure({ apiBase: '/api/omni/v1', currency: 'EUR' });",
        'void discover(document);',
        '',
      ].join('\n'),
    );

    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const section = /^## Install with npm\n([\s\S]*?)(?=^## )/m.exec(readme)?.[1] ?? '';
    const snippets = [...section.matchAll(/^```(\w+)\n([\s\S]*?)^```/gm)].map(([, lang, code]) => ({
      lang,
      code,
    }));
    const inputs = {
      entries: join(app, 'src/entries.ts'),
      'core-only': join(app, 'src/core-only.ts'),
      'react-one': join(app, 'src/react-one.tsx'),
      loader: join(app, 'src/loader.ts'),
    };
    snippets.forEach(({ lang, code }, i) => {
      if (lang !== 'ts' && lang !== 'tsx') return;
      const file = `src/readme-${i}.${lang}`;
      // Each snippet is a module of its own (top-level await is fine in one).
      writeFileSync(
        join(app, file),
        /\b(import|export)\b/.test(code) ? code : `${code}\nexport {};\n`,
      );
      inputs[`readme-${i}`] = join(app, file);
    });

    await check("the README's editor settings name files in the package", () => {
      const json = snippets.filter((s) => s.lang === 'json' || s.lang === 'jsonc');
      const paths = json.flatMap((s) =>
        [...s.code.matchAll(/"\.\/(node_modules\/[^"]+)"/g)].map((m) => m[1]),
      );
      assert(paths.length > 0, 'no editor settings snippet in "Install with npm"');
      const missing = paths.filter((p) => !existsSync(join(app, p)));
      assert(missing.length === 0, `missing: ${missing.join(', ')}`);
      return paths.length + ' paths';
    });

    const compilerOptions = {
      target: 'ES2022',
      lib: ['ES2023', 'DOM', 'DOM.Iterable'],
      strict: true,
      noEmit: true,
      jsx: 'react-jsx',
      isolatedModules: true,
      skipLibCheck: false,
      types: [],
    };
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    for (const resolution of ['bundler', 'nodenext']) {
      await check(
        `TypeScript (strict, moduleResolution ${resolution}) checks every entry and the README snippets`,
        async () => {
          const config = `tsconfig.${resolution}.json`;
          const module = resolution === 'bundler' ? 'ESNext' : 'NodeNext';
          writeFileSync(
            join(app, config),
            JSON.stringify({
              compilerOptions: { ...compilerOptions, module, moduleResolution: resolution },
              include: ['src'],
            }),
          );
          await run(process.execPath, [tsc, '-p', config], { cwd: app });
          return `${Object.keys(inputs).length} modules`;
        },
      );
    }

    let output;
    await check('Vite builds every entry and snippet', async () => {
      const { build } = await import('vite');
      const result = await build({
        root: app,
        configFile: false,
        logLevel: 'error',
        esbuild: { jsx: 'automatic' },
        build: {
          outDir: join(app, 'dist'),
          target: 'es2022',
          minify: true,
          reportCompressedSize: false,
          rollupOptions: { input: inputs, preserveEntrySignatures: 'allow-extension' },
        },
      });
      output = (Array.isArray(result) ? result[0] : result).output;
      const js = output.filter((o) => o.type === 'chunk');
      return `${js.length} chunks`;
    });

    if (output) {
      const chunks = new Map(output.filter((o) => o.type === 'chunk').map((c) => [c.fileName, c]));
      /** The modules a page loading this entry runs before anything is imported on demand. */
      const closure = (name) => {
        const entry = [...chunks.values()].find((c) => c.isEntry && c.name === name);
        assert(entry, `no entry chunk ${name}`);
        const seen = new Set();
        const visit = (chunk) => {
          if (seen.has(chunk)) return;
          seen.add(chunk);
          chunk.imports.forEach((file) => visit(chunks.get(file)));
        };
        visit(entry);
        const modules = [...seen].flatMap((c) => Object.keys(c.modules));
        const bytes = [...seen].reduce((sum, c) => sum + gzipSync(c.code, { level: 9 }).length, 0);
        return { modules, bytes };
      };
      const lit = /\/node_modules\/(lit|lit-html|lit-element|@lit\/[^/]+|@lit-labs\/[^/]+)\//;

      await check('omnishelf/core pulls no Lit and no element', () => {
        const { modules, bytes } = closure('core-only');
        const bad = modules.filter((id) => lit.test(id) || /\/dist\/esm\/components\//.test(id));
        assert(bad.length === 0, `pulled in: ${bad.slice(0, 8).join(', ')}`);
        return `${modules.length} modules, ${kB(bytes)} gzip (cart store, shipping engine, money)`;
      });

      await check('one React wrapper pulls its element only', () => {
        const { modules, bytes } = closure('react-one');
        const folders = new Set(
          modules.map((id) => /\/dist\/esm\/components\/([^/]+)\//.exec(id)?.[1]).filter(Boolean),
        );
        // The stock checker and what every element shares (the page host, the base element).
        const others = [...folders].filter(
          (f) => !['stock-checker', 'provider', 'base'].includes(f),
        );
        assert(others.length === 0, `also pulled: ${others.join(', ')}`);
        return `${kB(bytes)} gzip with React`;
      });
    }
  }
} finally {
  if (keep) console.log(`  (scratch project kept in ${work})`);
  else rmSync(work, { recursive: true, force: true });
}

process.exit(summary() > 0 ? 1 : 0);
