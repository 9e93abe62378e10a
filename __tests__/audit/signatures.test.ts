/**
 * Every signature the audit knows, against the files and package names of real images: what each
 * must catch (one example per glob) and the near misses it must let through. A signature added
 * without a row here fails the completeness test.
 */
import { compileSignatures, DEV_LEFTOVER_SIGNATURES, PACKAGE_CACHE_SIGNATURES, TOOLCHAIN_SIGNATURES, type Signature } from '../../src/audit/signatures.js'

interface Row {
  paths?: string[]
  notPaths?: string[]
  packages?: string[]
  notPackages?: string[]
  dirs?: string[]
}

const TOOLCHAIN: Record<string, Row> = {
  gcc: {
    paths: ['usr/bin/gcc', 'usr/bin/g++-12', 'usr/local/bin/cc', 'usr/bin/x86_64-linux-gnu-gcc-12', 'usr/bin/cpp-12', 'usr/lib/gcc/x86_64-linux-gnu/12/cc1'],
    notPaths: ['usr/bin/gcc-ar-12x', 'usr/share/doc/gcc/README', 'usr/lib/gcc/x86_64-linux-gnu/12/liblto_plugin.so'],
    packages: ['gcc', 'gcc-12', 'g++', 'g++-12', 'cpp', 'cpp-12', 'gcc-12-x86-64-linux-gnu'],
    notPackages: ['gcc-12-base', 'libgcc-s1', 'libgcc1']
  },
  clang: {
    paths: ['usr/bin/clang', 'usr/bin/clang++', 'usr/bin/clang-16', 'usr/lib/llvm-16/bin/clang'],
    notPaths: ['usr/bin/clangd'],
    packages: ['clang', 'clang-16'],
    notPackages: ['libclang1-16', 'clang-format']
  },
  tcc: { paths: ['usr/bin/tcc'], packages: ['tcc'], notPackages: ['libtcc'] },
  binutils: {
    paths: ['usr/bin/as', 'usr/bin/ld', 'usr/bin/ld.gold', 'bin/lld', 'usr/bin/x86_64-linux-gnu-ld'],
    notPaths: ['usr/bin/ldd', 'usr/bin/ash'],
    packages: ['binutils', 'binutils-x86-64-linux-gnu', 'lld', 'lld-16'],
    notPackages: ['libbinutils']
  },
  make: { paths: ['usr/bin/make', 'usr/local/bin/gmake', 'usr/bin/bmake'], notPaths: ['usr/bin/makedepend'], packages: ['make', 'make-guile'] },
  cmake: { paths: ['usr/bin/cmake'], packages: ['cmake'], notPackages: ['cmake-data'] },
  ninja: { paths: ['usr/bin/ninja', 'usr/bin/samu'], packages: ['ninja-build', 'ninja', 'samurai'] },
  meson: { paths: ['usr/bin/meson'], packages: ['meson'] },
  autotools: {
    paths: ['usr/bin/autoconf', 'usr/bin/automake-1.16', 'usr/bin/autoreconf', 'usr/bin/aclocal-1.16', 'usr/bin/libtoolize'],
    packages: ['autoconf', 'automake', 'libtool', 'libtool-bin'],
    notPackages: ['libltdl7']
  },
  'pkg-config': { paths: ['usr/bin/pkg-config', 'usr/bin/pkgconf', 'usr/bin/x86_64-linux-gnu-pkg-config'], packages: ['pkg-config', 'pkgconf', 'pkgconf-bin'] },
  go: {
    paths: ['usr/local/bin/go', 'usr/local/go/bin/go', 'usr/lib/go-1.22/bin/go', 'root/go/pkg/tool/linux_amd64/compile'],
    notPaths: ['usr/local/bin/gofmt-helper', 'app/go'],
    packages: ['golang', 'golang-go', 'golang-1.22-go', 'go'],
    notPackages: ['golang-1.22-src'],
    dirs: ['usr/local/go', 'usr/lib/go-1.22']
  },
  rust: {
    paths: ['usr/bin/rustc', 'usr/local/bin/cargo', 'root/.cargo/bin/cargo', 'usr/local/cargo/bin/rustc', 'root/.rustup/toolchains/stable-x86_64/bin/rustc'],
    packages: ['rustc', 'cargo', 'rust'],
    notPackages: ['librust-serde-dev-x']
  },
  jdk: {
    paths: ['usr/lib/jvm/java-17-openjdk-amd64/bin/javac', 'opt/java/openjdk/bin/javac'],
    notPaths: ['opt/java/openjdk/bin/java'],
    packages: ['default-jdk', 'default-jdk-headless', 'openjdk-17-jdk', 'openjdk-17-jdk-headless', 'openjdk17-jdk'],
    notPackages: ['openjdk-17-jre-headless', 'openjdk17-jre']
  },
  maven: { paths: ['usr/bin/mvn', 'usr/share/maven/bin/mvn', 'opt/apache-maven-3.9.6/bin/mvn'], packages: ['maven'] },
  gradle: { paths: ['usr/bin/gradle', 'opt/gradle-8.5/bin/gradle'], packages: ['gradle'] },
  'dotnet-sdk': {
    paths: ['usr/share/dotnet/sdk/8.0.100/dotnet.dll'],
    notPaths: ['usr/share/dotnet/shared/Microsoft.NETCore.App/8.0.0/dotnet.dll'],
    packages: ['dotnet-sdk-8.0'],
    notPackages: ['dotnet-runtime-8.0']
  },
  'node-gyp': {
    paths: ['app/node_modules/node-gyp/package.json', 'root/.cache/node-gyp/20.11.0/include/node/node.h'],
    // npm's own bundled copy (in every Node.js image) is not evidence
    notPaths: ['usr/local/lib/node_modules/npm/node_modules/node-gyp/package.json'],
    dirs: ['app/node_modules/node-gyp', 'root/.cache/node-gyp/20.11.0']
  },
  typescript: {
    paths: ['app/node_modules/typescript/package.json'],
    notPaths: ['usr/local/lib/node_modules/npm/node_modules/typescript/package.json', 'app/node_modules/typescript-json/package.json'],
    dirs: ['app/node_modules/typescript']
  },
  'js-build-tools': {
    paths: [
      'app/node_modules/webpack/package.json',
      'app/node_modules/@babel/core/package.json',
      'app/node_modules/esbuild/package.json',
      'app/node_modules/turbo/package.json'
    ],
    notPaths: ['app/node_modules/@babel/runtime/package.json', 'app/node_modules/webpack/lib/index.js'],
    dirs: ['app/node_modules/@swc/core']
  },
  'c-headers': {
    paths: ['usr/include/stdio.h', 'usr/local/include/stdio.h'],
    notPaths: ['usr/include/zlib.h'],
    packages: ['libc6-dev', 'libc-dev', 'musl-dev', 'linux-libc-dev', 'libc-dev-bin'],
    notPackages: ['libc6']
  },
  'python-headers': {
    paths: [
      'usr/include/python3.11/Python.h',
      'usr/local/include/python3.12/Python.h',
      'usr/bin/python3.11-config',
      'usr/bin/x86_64-linux-gnu-python3.11-config'
    ],
    packages: ['python3-dev', 'python3.11-dev', 'libpython3.11-dev', 'python2.7-dev'],
    notPackages: ['python3', 'libpython3.11'],
    dirs: ['usr/include/python3.11']
  },
  'dev-packages': { packages: ['libssl-dev', 'zlib1g-dev', 'openssl-dev'], notPackages: ['libssl3', 'dev', 'devscripts'] },
  'build-meta': { packages: ['build-essential', 'build-base', 'alpine-sdk', 'dpkg-dev'], notPackages: ['dpkg'] }
}

const DEV_LEFTOVER: Record<string, Row> = {
  'source-maps': {
    paths: ['app/dist/main.js.map', 'app/x.mjs.map', 'app/x.cjs.map', 'app/style.css.map', 'app/x.ts.map'],
    notPaths: ['app/dist/main.js', 'app/roadmap', 'app/x.json.map']
  },
  git: { paths: ['app/.git/HEAD', 'app/.git/objects/ab/cdef'], notPaths: ['app/.gitignore', 'app/.github/workflows/ci.yml'] },
  dotenv: {
    paths: ['app/.env', 'app/.env.production'],
    notPaths: ['app/.env.example', 'app/.env.sample', 'app/.env.template', 'app/.env.dist', 'app/.env.defaults', 'app/env']
  },
  'test-frameworks': {
    paths: [
      'app/node_modules/jest/package.json',
      'app/node_modules/@playwright/test/index.js',
      'usr/lib/python3/dist-packages/pytest/__init__.py',
      'venv/lib/python3.11/site-packages/_pytest/main.py',
      'venv/lib/python3.11/site-packages/pytest-8.0.0.dist-info/METADATA',
      'var/www/html/vendor/phpunit/phpunit/src/Framework/TestCase.php',
      'usr/local/bundle/gems/rspec-core-3.13.0/lib/rspec/core.rb',
      'app/lib/junit-4.13.2.jar'
    ],
    notPaths: [
      'app/node_modules/jest-worker/package.json',
      'app/src/jest/helpers.js',
      'var/www/html/vendor/phpunit/php-timer/src/Timer.php',
      'var/www/html/vendor/laravel/framework/src/Foundation/Application.php',
      'usr/local/bundle/gems/rspec-support-3.13.0/lib/rspec/support.rb',
      'usr/local/bundle/gems/rails-7.1.3/lib/rails.rb',
      'app/lib/junit-extras.jar',
      'app/lib/spring-core-6.1.0.jar'
    ]
  },
  linters: {
    paths: [
      'app/node_modules/eslint/package.json',
      'app/node_modules/@typescript-eslint/parser/package.json',
      'venv/lib/python3.11/site-packages/ruff/__init__.py',
      'venv/lib/python3.11/site-packages/black-24.1.0.dist-info/RECORD',
      'app/vendor/phpstan/phpstan/phpstan.phar',
      'app/vendor/bundle/ruby/3.3.0/gems/rubocop-1.60.0/lib/rubocop.rb'
    ],
    notPaths: [
      'app/node_modules/eslint-scope/package.json',
      'app/vendor/phpstan/phpdoc-parser/src/Parser.php',
      'app/vendor/bundle/ruby/3.3.0/gems/rubocop.rb',
      'usr/local/bundle/gems/standardrb-fork/x.rb'
    ]
  }
}

const PACKAGE_CACHE: Record<string, Row> = {
  'apt-lists': {
    paths: ['var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_InRelease'],
    notPaths: ['var/lib/apt/lists/lock', 'var/lib/apt/extended_states']
  },
  'apt-cache': { paths: ['var/cache/apt/pkgcache.bin', 'var/cache/apt/archives/curl.deb'] },
  'apk-cache': { paths: ['var/cache/apk/APKINDEX.tar.gz', 'etc/apk/cache/x.apk'], notPaths: ['etc/apk/repositories'] },
  'npm-cache': { paths: ['root/.npm/_cacache/index-v5/ab/cd'], notPaths: ['root/.npm/_logs/debug.log'] },
  'yarn-cache': { paths: ['root/.cache/yarn/v6/npm-x/package.json', 'usr/local/share/.cache/yarn/v6/x'] },
  'pip-cache': { paths: ['root/.cache/pip/http/a/b'], notPaths: ['root/.cache/pipx/x'] },
  'dnf-cache': { paths: ['var/cache/dnf/baseos-x/repodata/repomd.xml', 'var/cache/yum/metadata/x'], notPaths: ['var/lib/dnf/history.sqlite'] },
  'python-tool-caches': {
    paths: ['root/.cache/pypoetry/artifacts/ab/cd/x.whl', 'home/app/.cache/uv/wheels-v1/x'],
    notPaths: ['root/.cache/pypoetry/virtualenvs/app-py3.12/bin/python']
  },
  'pnpm-store': {
    paths: ['app/.pnpm-store/v3/files/00/x', 'root/.local/share/pnpm/store/v3/files/x'],
    notPaths: ['app/node_modules/.pnpm/ms@2.1.3/node_modules/ms/index.js']
  },
  'composer-cache': { paths: ['root/.composer/cache/files/x.zip', 'root/.cache/composer/repo/x.json'], notPaths: ['root/.composer/auth.json'] },
  'gem-cache': {
    paths: ['usr/local/bundle/cache/rails-7.1.3.gem', 'app/vendor/bundle/ruby/3.3.0/cache/rack-3.0.9.gem'],
    notPaths: ['usr/local/lib/ruby/gems/3.3.0/cache/minitest-5.20.0.gem', 'usr/local/bundle/gems/rails-7.1.3/lib/rails.rb']
  },
  'go-cache': {
    paths: ['root/.cache/go-build/ab/cd-d', 'go/pkg/mod/cache/download/golang.org/x/net/@v/v0.20.0.zip'],
    notPaths: ['go/pkg/mod/golang.org/x/net@v0.20.0/go.mod']
  },
  'jvm-build-caches': {
    paths: ['root/.m2/repository/org/x/x-1.jar', 'home/gradle/.gradle/caches/modules-2/x', 'root/.gradle/wrapper/dists/gradle-8.5-bin/x/gradle-8.5.zip'],
    notPaths: ['app/.gradle/config.properties']
  },
  'cargo-registry': { paths: ['root/.cargo/registry/cache/x.crate', 'usr/local/cargo/registry/index/x'], notPaths: ['usr/local/cargo/bin/cargo'] }
}

describe.each<[string, Signature[], Record<string, Row>]>([
  ['toolchain', TOOLCHAIN_SIGNATURES, TOOLCHAIN],
  ['dev-leftover', DEV_LEFTOVER_SIGNATURES, DEV_LEFTOVER],
  ['package cache', PACKAGE_CACHE_SIGNATURES, PACKAGE_CACHE]
])('%s signatures', (_name, signatures, table) => {
  const compiled = compileSignatures(signatures)

  test('every signature has a row here, a unique id and a description', () => {
    expect(signatures.map(s => s.id).sort()).toEqual(Object.keys(table).sort())
    for (const s of signatures) expect(s.what.length).toBeGreaterThan(2)
  })

  test.each(Object.entries(table))('%s', (id, row) => {
    const sig = compiled.find(s => s.id === id)!
    // Which signature claims each example, so an example caught only by another signature fails.
    const claims = (p: string) => compiled.filter(s => s.match(p)).map(s => s.id)
    const claimsPackage = (n: string) => compiled.filter(s => s.matchPackage(n)).map(s => s.id)
    for (const p of row.paths ?? []) expect([p, claims(p)]).toEqual([p, expect.arrayContaining([id])])
    for (const p of row.notPaths ?? []) expect([p, sig.match(p)]).toEqual([p, false])
    for (const n of row.packages ?? []) expect([n, claimsPackage(n)]).toEqual([n, expect.arrayContaining([id])])
    for (const n of row.notPackages ?? []) expect([n, sig.matchPackage(n)]).toEqual([n, false])
    for (const d of row.dirs ?? []) expect([d, sig.matchDir(d)]).toEqual([d, true])
    // Every path glob has an example that it (and no earlier glob) matches: rank names that glob.
    const ranks = new Set((row.paths ?? []).map(p => sig.rank(p)))
    expect([...ranks].sort()).toEqual((sig.paths ?? []).map((_, i) => i))
  })
})

test('only compilers are `compiles`, only headers are `headers`', () => {
  expect(TOOLCHAIN_SIGNATURES.filter(s => s.compiles).map(s => s.id)).toEqual(['gcc', 'clang', 'tcc', 'binutils'])
  expect(TOOLCHAIN_SIGNATURES.filter(s => s.headers).map(s => s.id)).toEqual(['c-headers', 'python-headers', 'dev-packages'])
})
