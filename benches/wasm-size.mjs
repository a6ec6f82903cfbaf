// What the shipped wasm is made of, by crate and by function (benches/FINDINGS.md).
//
// Takes the cdylib `make wasm` compiled for wasm-pack (target/wasm-release: the code it ships; the
// name section survives because release strips debug info only), runs wasm-bindgen and then
// wasm-opt with the flags of Cargo.toml's wasm-pack profile plus -g to keep the names, and
// attributes every function body and data segment, before and after wasm-opt. Keeping the
// names costs wasm-opt some freedom: the result is about 8% larger than
// www/pkg/peta_cerdas_bg.wasm, whose size the report prints beside it (and the CSV reader's and
// the reports' wasm's).
//
// node benches/wasm-size.mjs [--top N] [--json FILE]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync, constants } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const TOP = Number(option('--top', 30));

function readLeb(bytes, offset) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[offset++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, offset];
}

function readName(bytes, offset) {
  const [length, start] = readLeb(bytes, offset);
  return [new TextDecoder().decode(bytes.subarray(start, start + length)), start + length];
}

/** Sections, function body sizes with their names, and data segment sizes of a wasm module. */
export function parseWasm(bytes) {
  const sections = [];
  const bodies = [];
  const segments = [];
  const names = new Map();
  let imported = 0;
  let data = 0;
  let offset = 8;
  while (offset < bytes.length) {
    const id = bytes[offset];
    const [size, start] = readLeb(bytes, offset + 1);
    const end = start + size;
    let label = `section ${id}`;
    if (id === 0) {
      const [name, at] = readName(bytes, start);
      label = `custom "${name}"`;
      if (name === 'name') {
        let sub = at;
        while (sub < end) {
          const kind = bytes[sub];
          const [subSize, subStart] = readLeb(bytes, sub + 1);
          if (kind === 1) {
            let [count, p] = readLeb(bytes, subStart);
            for (let i = 0; i < count; i++) {
              let index;
              let name;
              [index, p] = readLeb(bytes, p);
              [name, p] = readName(bytes, p);
              names.set(index, name);
            }
          }
          sub = subStart + subSize;
        }
      }
    } else if (id === 2) {
      label = 'import';
      let [count, p] = readLeb(bytes, start);
      for (let i = 0; i < count; i++) {
        [, p] = readName(bytes, p);
        [, p] = readName(bytes, p);
        const kind = bytes[p++];
        if (kind === 0) {
          imported++;
          [, p] = readLeb(bytes, p);
        } else if (kind === 1) {
          p += 1;
          const flags = bytes[p++];
          [, p] = readLeb(bytes, p);
          if (flags & 1) [, p] = readLeb(bytes, p);
        } else if (kind === 2) {
          const flags = bytes[p++];
          [, p] = readLeb(bytes, p);
          if (flags & 1) [, p] = readLeb(bytes, p);
        } else if (kind === 3) {
          p += 2;
        } else {
          [, p] = readLeb(bytes, p + 1);
        }
      }
    } else if (id === 10) {
      label = 'code';
      let [count, p] = readLeb(bytes, start);
      for (let i = 0; i < count; i++) {
        const [bodySize, bodyStart] = readLeb(bytes, p);
        bodies.push({ index: imported + i, size: bodyStart + bodySize - p });
        p = bodyStart + bodySize;
      }
    } else if (id === 11) {
      label = 'data';
      data = size;
      let [count, p] = readLeb(bytes, start);
      for (let i = 0; i < count; i++) {
        const flags = bytes[p++];
        if (flags === 2) [, p] = readLeb(bytes, p);
        if (flags !== 1) {
          // An active segment's offset: a constant expression ending in `end` (0x0b).
          while (bytes[p] !== 0x0b) p++;
          p++;
        }
        const [length, at] = readLeb(bytes, p);
        segments.push(bytes.subarray(at, at + length));
        p = at + length;
      }
    } else {
      label =
        [
          'custom',
          'type',
          'import',
          'function',
          'table',
          'memory',
          'global',
          'export',
          'start',
          'element',
          'code',
          'data',
          'data count',
        ][id] ?? label;
    }
    sections.push({ label, size: end - offset });
    offset = end;
  }
  for (const body of bodies) body.name = names.get(body.index) ?? `func[${body.index}]`;
  return { sections, bodies, data, segments };
}

/** Data segments split into text (runs of at least 6 printable UTF-8 bytes) and the rest. */
export function classifyData(segments) {
  const strings = [];
  let other = 0;
  let zeros = 0;
  for (const segment of segments) {
    let run = 0;
    const flush = (end) => {
      if (run >= 6) strings.push(new TextDecoder().decode(segment.subarray(end - run, end)));
      else other += run;
      run = 0;
    };
    for (let i = 0; i < segment.length; i++) {
      const b = segment[i];
      if ((b >= 0x20 && b < 0x7f) || b === 0x0a || b >= 0x80) run++;
      else {
        flush(i);
        if (b === 0) zeros++;
        else other++;
      }
    }
    flush(segment.length);
  }
  const text = strings.reduce((sum, t) => sum + new TextEncoder().encode(t).length, 0);
  return { text, zeros, other, strings };
}

/** Rust's v0 mangling (`_R...`, the precompiled std uses it): the identifiers joined by `::`. */
function demangleV0(symbol) {
  // Disambiguators (`s<base62>_` after a tag letter) hold digits that are no lengths.
  const text = symbol.slice(2).replace(/([A-Z])s[0-9A-Za-z]*_/g, '$1');
  const parts = [];
  for (let i = 0; i < text.length;) {
    const digits = /^\d+/.exec(text.slice(i));
    if (!digits) {
      i++;
      continue;
    }
    let start = i + digits[0].length;
    if (text[start] === '_') start++;
    parts.push(text.slice(start, start + Number(digits[0])));
    i = start + Number(digits[0]);
  }
  return parts.join('::') || symbol;
}

/** Rust's legacy mangling (`_ZN...17h<hash>E`) to a readable path. */
export function demangle(symbol) {
  if (symbol.startsWith('_R')) return demangleV0(symbol);
  if (!symbol.startsWith('_ZN')) return symbol;
  const parts = [];
  let i = 3;
  while (i < symbol.length && symbol[i] !== 'E') {
    let digits = '';
    while (/[0-9]/.test(symbol[i])) digits += symbol[i++];
    if (!digits) break;
    parts.push(symbol.slice(i, i + Number(digits)));
    i += Number(digits);
  }
  if (parts.length && /^h[0-9a-f]{16}$/.test(parts[parts.length - 1])) parts.pop();
  const text = parts.join('::');
  const codes = {
    $LT$: '<',
    $GT$: '>',
    $RF$: '&',
    $BP$: '*',
    $C$: ',',
    $u20$: ' ',
    $u27$: "'",
    $u5b$: '[',
    $u5d$: ']',
    $u7b$: '{',
    $u7d$: '}',
    $u7e$: '~',
    $LP$: '(',
    $RP$: ')',
    $SP$: '@',
  };
  return text
    .replace(
      /\$(LT|GT|RF|BP|C|LP|RP|SP|u[0-9a-f]{2,6})\$/g,
      (m) => codes[m] ?? String.fromCodePoint(parseInt(m.slice(2, -1), 16)),
    )
    .replace(/\.\./g, '::')
    .replace(/^_</, '<');
}

/** The crate a function belongs to: the first path segment, or for `<T as Trait>::f` the type's. */
export function crateOf(name) {
  if (/^maphandle_|^__wbg|^__wbindgen|^wasm_bindgen/.test(name))
    return 'wasm-bindgen exports (with what wasm-opt inlined into them)';
  const text = name
    .replace(/^<+/, '')
    .replace(/^&(mut )?/, '')
    .replace(/^\[/, '')
    .replace(/^dyn /, '');
  const crate = text
    .split('::')[0]
    .split(/[<> ,]/)[0]
    .replace(/\[[0-9a-f]+\]$/, '');
  if (
    ['core', 'alloc', 'std', 'f64', 'f32', 'str', 'char', 'T', 'u8', 'usize', 'i32', 'u32', 'i64', 'u64'].includes(
      crate,
    )
  )
    return 'core/alloc/std';
  return crate || name;
}

function build() {
  // PETA_CDYLIB: another build's cdylib, such as the bench's (profile.mjs).
  const raw =
    process.env.PETA_CDYLIB ?? path.join(ROOT, 'target/wasm-release/wasm32-unknown-unknown/release/peta_cerdas.wasm');
  const out = path.join(ROOT, 'target/wasm-size');
  mkdirSync(out, { recursive: true });
  execFileSync('wasm-bindgen', ['--target', 'web', '--keep-debug', '--no-typescript', '--out-dir', out, raw], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  const bound = path.join(out, 'peta_cerdas_bg.wasm');
  const optimised = path.join(out, 'optimised.wasm');
  const toml = readFileSync(path.join(ROOT, 'Cargo.toml'), 'utf8');
  const flags = JSON.parse(/wasm-opt = (\[.*\])/.exec(toml)[1]);
  const wasmOpt = path.join(ROOT, 'node_modules/.bin/wasm-opt');
  execFileSync(existsSync(wasmOpt) ? wasmOpt : 'wasm-opt', [...flags, '-g', bound, '-o', optimised], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  return { bound, optimised };
}

function attribute(bytes) {
  const { sections, bodies, data, segments } = parseWasm(bytes);
  const names = sections.find((x) => x.label === 'custom "name"')?.size ?? 0;
  const code = bodies.reduce((sum, b) => sum + b.size, 0);
  const functions = bodies.map((b) => ({ ...b, name: demangle(b.name) }));
  const crates = new Map();
  for (const f of functions) {
    const crate = crateOf(f.name);
    const entry = crates.get(crate) ?? { crate, size: 0, functions: 0 };
    entry.size += f.size;
    entry.functions += 1;
    crates.set(crate, entry);
  }
  const byCrate = [...crates.values()].sort((a, b) => b.size - a.size);
  const top = [...functions]
    .sort((a, b) => b.size - a.size)
    .slice(0, TOP)
    .map(({ name, size }) => ({ name, size }));
  const dataKinds = classifyData(segments);
  const longest = [...dataKinds.strings]
    .sort((a, b) => b.length - a.length)
    .slice(0, 12)
    .map((t) => `${t.length}: ${JSON.stringify(t.slice(0, 100))}`);
  return {
    bytes: bytes.length - names,
    code,
    data,
    dataText: dataKinds.text,
    dataZeros: dataKinds.zeros,
    dataOther: dataKinds.other,
    longestStrings: longest,
    sections: sections.filter((x) => !x.label.startsWith('custom "name"') && !x.label.startsWith('custom ".debug')),
    byCrate,
    top,
  };
}

function print(title, report) {
  const pct = (n) => `${((100 * n) / report.bytes).toFixed(1)}%`;
  console.log(`\n== ${title}: ${report.bytes} bytes without names and debug info`);
  console.log(
    `code ${report.code} (${pct(report.code)}), data ${report.data} (${pct(report.data)}: text ${report.dataText}, zero bytes ${report.dataZeros}, other ${report.dataOther})`,
  );
  console.log(`sections: ${report.sections.map((x) => `${x.label} ${x.size}`).join(', ')}`);
  console.log('by crate (function bodies):');
  for (const c of report.byCrate.slice(0, 20))
    console.log(
      `  ${String(c.size).padStart(7)}  ${pct(c.size).padStart(6)}  ${String(c.functions).padStart(4)} fns  ${c.crate}`,
    );
  console.log(`largest ${TOP} functions:`);
  for (const f of report.top) console.log(`  ${String(f.size).padStart(7)}  ${f.name.slice(0, 150)}`);
  console.log('longest strings in the data section:');
  for (const line of report.longestStrings) console.log(`  ${line}`);
}

function main() {
  const { bound, optimised } = build();
  const gz = (b) => gzipSync(b, { level: constants.Z_BEST_COMPRESSION }).length;
  const sizes = (name) => {
    const file = path.join(ROOT, 'www/pkg', name);
    return existsSync(file) ? { bytes: readFileSync(file).length, gzip: gz(readFileSync(file)) } : null;
  };
  const report = {
    shipped: sizes('peta_cerdas_bg.wasm'),
    // The wasm a page fetches only for its own CSV files (feature `csv`) or a report (`reports`).
    csv: sizes('peta_cerdas_csv_bg.wasm'),
    reports: sizes('peta_cerdas_reports_bg.wasm'),
    // Before wasm-opt (wasm-bindgen has removed its describe functions): LLVM's own inlining
    // only, so functions still carry their own names.
    beforeWasmOpt: attribute(readFileSync(bound)),
    // What ships (wasm-opt -Oz inlines many bodies into the exported shims).
    optimised: attribute(readFileSync(optimised)),
  };
  const line = (sizes) => (sizes ? `${sizes.bytes} bytes, ${sizes.gzip} gzip` : 'not built');
  console.log(
    `shipped www/pkg wasm: ${line(report.shipped)}; the CSV reader's: ${line(report.csv)}; the reports': ${line(report.reports)}`,
  );
  print('after wasm-bindgen, before wasm-opt', report.beforeWasmOpt);
  print('after wasm-bindgen and wasm-opt (as shipped, names kept)', report.optimised);
  const json = option('--json', null);
  if (json) writeFileSync(json, JSON.stringify(report, null, 1));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
