/**
 * What the toolchain, dev-leftover and package-cache rules look for, as data. Paths are globs on
 * the final filesystem without the leading slash (see ../glob.ts: a trailing `/**` also matches
 * the directory itself, so everything strictly below is written `/**` + `/*`); package names are globs on the
 * names recorded in the dpkg / apk database. Add a line here to teach the audit a new tool.
 */
import { globToRegExp } from '../glob.js'

export interface Signature {
  /** Groups findings: one finding per signature and Dockerfile line. */
  id: string
  /** What it is, for a person: "GNU C compiler (gcc)". */
  what: string
  /** Path globs of regular files that give it away. */
  paths?: string[]
  /** Paths matching these are not evidence (e.g. npm's own bundled node-gyp). */
  except?: string[]
  /** Package name globs (dpkg and apk). */
  packages?: string[]
  /**
   * Directory globs: when a matching file lies below one, the finding's bytes are the whole
   * directory's (a package in node_modules, an include tree), not the one file that gave it away.
   */
  dirs?: string[]
  /** A compiler, assembler or linker: with one present, headers and -dev packages build something. */
  compiles?: boolean
  /** Headers and -dev packages: an error only next to a compiler (`compiles`), else a warning. */
  headers?: boolean
}

/** Binary directories: `bin`, `sbin`, `usr/bin`, `usr/sbin`, `usr/local/bin`, `usr/local/sbin`. */
const BIN = '{,usr/,usr/local/}{bin,sbin}'
const NM = '**/node_modules'
/** Python package directories (a package and its `<name>-<version>.dist-info` count whole). */
const SP = '**/{site,dist}-packages'
/** Composer's install directory: packages are `vendor/<vendor>/<package>`. */
const COMPOSER = '**/vendor'
/** RubyGems' and Bundler's install directories: `…/gems/<name>-<version>`. */
const GEMS = '**/gems'

/** Compilers, assemblers, linkers, build tools, language toolchains, headers, build meta-packages. */
export const TOOLCHAIN_SIGNATURES: Signature[] = [
  {
    id: 'gcc',
    what: 'GNU C/C++ compiler (gcc)',
    paths: [
      `${BIN}/{gcc,g++,c++,cc}{,-[0-9]*}`,
      `${BIN}/*-linux-*-{gcc,g++}{,-[0-9]*}`,
      `${BIN}/{cpp,*-linux-*-cpp}{,-[0-9]*}`,
      'usr/{lib,libexec}/gcc/*/*/{cc1,cc1plus,collect2,lto1}'
    ],
    // gcc-12, not gcc-12-base (a dependency of libgcc-s1 in every Debian image).
    packages: ['gcc', 'gcc-[0-9]{,[0-9]}', 'g++', 'g++-[0-9]{,[0-9]}', 'cpp', 'cpp-[0-9]{,[0-9]}', '{gcc,g++,cpp}-[0-9]{,[0-9]}-*-linux-gnu*'],
    compiles: true
  },
  {
    id: 'clang',
    what: 'Clang/LLVM compiler',
    paths: [`${BIN}/clang{,++,-[0-9]*}`, 'usr/lib/llvm-*/bin/clang{,++,-[0-9]*}'],
    packages: ['clang', 'clang-[0-9]{,[0-9]}'],
    compiles: true
  },
  { id: 'tcc', what: 'Tiny C Compiler (tcc)', paths: [`${BIN}/tcc`], packages: ['tcc'], compiles: true },
  {
    id: 'binutils',
    what: 'assembler and linker (binutils: as, ld)',
    paths: [`${BIN}/{as,ld,ld.bfd,ld.gold,ld.lld,lld,gold}`, `${BIN}/*-linux-*-{as,ld,ld.bfd,ld.gold}`],
    packages: ['binutils', 'binutils-*', 'lld', 'lld-[0-9]*'],
    compiles: true
  },
  { id: 'make', what: 'make', paths: [`${BIN}/{make,gmake,bmake}`], packages: ['make', 'make-guile'] },
  { id: 'cmake', what: 'CMake', paths: [`${BIN}/cmake`], packages: ['cmake'] },
  { id: 'ninja', what: 'Ninja build tool', paths: [`${BIN}/{ninja,samu}`], packages: ['ninja-build', 'ninja', 'samurai'] },
  { id: 'meson', what: 'Meson build system', paths: [`${BIN}/meson`], packages: ['meson'] },
  {
    id: 'autotools',
    what: 'GNU autotools (autoconf, automake, libtool)',
    paths: [`${BIN}/{autoconf,automake,autoreconf,aclocal,libtoolize}{,-[0-9]*}`],
    packages: ['autoconf', 'automake', 'libtool', 'libtool-bin']
  },
  { id: 'pkg-config', what: 'pkg-config', paths: [`${BIN}/{pkg-config,pkgconf,*-pkg-config}`], packages: ['pkg-config', 'pkgconf', 'pkgconf-bin'] },
  {
    id: 'go',
    what: 'Go toolchain',
    paths: [`${BIN}/go`, 'usr/local/go/bin/go', 'usr/lib/go-*/bin/go', '**/go/pkg/tool/*/compile'],
    dirs: ['usr/local/go', 'usr/lib/go-*'],
    packages: ['golang', 'golang-go', 'golang-[0-9]*-go', 'go']
  },
  {
    id: 'rust',
    what: 'Rust toolchain (rustc, cargo)',
    paths: [`${BIN}/{rustc,cargo}`, '**/.cargo/bin/{rustc,cargo}', 'usr/local/cargo/bin/{rustc,cargo}', '**/.rustup/toolchains/*/bin/rustc'],
    packages: ['rustc', 'cargo', 'rust']
  },
  {
    id: 'jdk',
    what: 'Java compiler (JDK javac)',
    paths: ['**/bin/javac'],
    packages: ['default-jdk', 'default-jdk-headless', 'openjdk-*-jdk', 'openjdk-*-jdk-headless', 'openjdk*-jdk']
  },
  { id: 'maven', what: 'Apache Maven', paths: [`${BIN}/mvn`, '**/maven/bin/mvn', '**/apache-maven-*/bin/mvn'], packages: ['maven'] },
  { id: 'gradle', what: 'Gradle', paths: [`${BIN}/gradle`, '**/gradle-*/bin/gradle'], packages: ['gradle'] },
  { id: 'dotnet-sdk', what: '.NET SDK', paths: ['**/dotnet/sdk/*/dotnet.dll'], packages: ['dotnet-sdk-*'] },
  {
    id: 'node-gyp',
    what: 'node-gyp (native addon build tool)',
    paths: [`${NM}/node-gyp/package.json`, '**/.cache/node-gyp/*/include/node/node.h'],
    dirs: [`${NM}/node-gyp`, '**/.cache/node-gyp/*'],
    // npm bundles node-gyp in every Node.js image; without a compiler it builds nothing.
    except: ['**/node_modules/npm/node_modules/**/*']
  },
  {
    id: 'typescript',
    what: 'TypeScript compiler (tsc)',
    paths: [`${NM}/typescript/package.json`],
    dirs: [`${NM}/typescript`],
    except: ['**/node_modules/npm/node_modules/**/*']
  },
  {
    id: 'js-build-tools',
    what: 'JavaScript build tooling (bundlers, transpilers)',
    paths: [
      `${NM}/{webpack,webpack-cli,esbuild,rollup,vite,parcel,ts-node,tsx,@babel/core,@babel/cli,@swc/core,@swc/cli,@vercel/ncc,terser,tsup,turbo}/package.json`
    ],
    dirs: [`${NM}/{webpack,webpack-cli,esbuild,rollup,vite,parcel,ts-node,tsx,@babel/core,@babel/cli,@swc/core,@swc/cli,@vercel/ncc,terser,tsup,turbo}`]
  },
  {
    id: 'c-headers',
    what: 'C development headers (libc dev)',
    paths: ['{usr,usr/local}/include/stdio.h'],
    packages: ['libc6-dev', 'libc-dev', 'musl-dev', 'linux-libc-dev', 'libc-dev-bin'],
    headers: true
  },
  {
    id: 'python-headers',
    what: 'Python development headers',
    paths: ['{usr,usr/local}/include/python[0-9]*/Python.h', '{usr/,usr/local/}bin/{python[0-9]*-config,*-linux-*-python[0-9]*-config}'],
    dirs: ['{usr,usr/local}/include/python[0-9]*'],
    packages: ['python3-dev', 'python3.*-dev', 'libpython3*-dev', 'python2*-dev'],
    headers: true
  },
  { id: 'dev-packages', what: 'development (-dev) packages', packages: ['*-dev'], headers: true },
  { id: 'build-meta', what: 'build meta-package', packages: ['build-essential', 'build-base', 'alpine-sdk', 'dpkg-dev'] }
]

/** Files that should not ship in a runtime image (warnings: they cost bytes and may leak sources). */
export const DEV_LEFTOVER_SIGNATURES: Signature[] = [
  { id: 'source-maps', what: 'source maps', paths: ['**/*.{js,mjs,cjs,css,ts}.map'] },
  { id: 'git', what: 'a .git directory', paths: ['**/.git/**/*'] },
  {
    id: 'dotenv',
    what: '.env files',
    paths: ['**/.env', '**/.env.*'],
    except: ['**/.env.{example,sample,template,dist,defaults}']
  },
  {
    id: 'test-frameworks',
    what: 'test frameworks (node_modules, site-packages, Composer vendor, Ruby gems, JVM jars)',
    paths: [
      `${NM}/{jest,jest-cli,@jest/core,mocha,vitest,ava,jasmine,jasmine-core,tap,karma,cypress,playwright,@playwright/test,supertest,chai,sinon,nyc,c8,ts-jest}/**/*`,
      `${SP}/{pytest,_pytest,pytest-*,pytest_*,hypothesis,tox,nose,coverage}{,-*.dist-info}/**/*`,
      // `composer install` without --no-dev; Bundler without BUNDLE_WITHOUT=development:test.
      `${COMPOSER}/{phpunit/phpunit,mockery/mockery,pestphp/pest,codeception/codeception,behat/behat,phpspec/phpspec,fakerphp/faker}/**/*`,
      `${GEMS}/{rspec,rspec-core,rspec-expectations,rspec-mocks,rspec-rails,capybara,cucumber,factory_bot,factory_bot_rails,simplecov,webmock,vcr}-[0-9]*/**/*`,
      // Test-scope jars copied beside the runtime's (an exploded classpath, `installDist`, a lib/ folder).
      '**/{junit,junit-jupiter-api,junit-jupiter-engine,junit-platform-engine,mockito-core,assertj-core,testng,hamcrest}-[0-9]*.jar'
    ]
  },
  {
    id: 'linters',
    what: 'linters, formatters and type checkers (node_modules, site-packages, Composer vendor, Ruby gems)',
    paths: [
      `${NM}/{eslint,@eslint/js,prettier,tslint,stylelint,@typescript-eslint/parser,@typescript-eslint/eslint-plugin,@biomejs/biome}/**/*`,
      `${SP}/{mypy,mypyc,black,ruff,flake8,pylint,isort,pyflakes,pycodestyle}{,-*.dist-info}/**/*`,
      `${COMPOSER}/{phpstan/phpstan,squizlabs/php_codesniffer,friendsofphp/php-cs-fixer,vimeo/psalm,laravel/pint,rector/rector}/**/*`,
      `${GEMS}/{rubocop,rubocop-ast,rubocop-performance,rubocop-rails,rubocop-rspec,standard,reek,brakeman}-[0-9]*/**/*`
    ]
  }
]

/** Package-manager caches and indexes left in the image. */
export const PACKAGE_CACHE_SIGNATURES: Signature[] = [
  { id: 'apt-lists', what: 'apt package lists (/var/lib/apt/lists)', paths: ['var/lib/apt/lists/**/*'], except: ['var/lib/apt/lists/lock'] },
  { id: 'apt-cache', what: 'apt cache (/var/cache/apt)', paths: ['var/cache/apt/**/*'] },
  { id: 'apk-cache', what: 'apk cache', paths: ['var/cache/apk/**/*', 'etc/apk/cache/**/*'] },
  { id: 'npm-cache', what: 'npm cache', paths: ['**/.npm/_cacache/**/*'] },
  { id: 'yarn-cache', what: 'yarn cache', paths: ['**/.cache/yarn/**/*'] },
  { id: 'pip-cache', what: 'pip cache', paths: ['**/.cache/pip/**/*'] },
  { id: 'dnf-cache', what: 'dnf/yum cache (/var/cache/dnf, /var/cache/yum)', paths: ['var/cache/{dnf,yum}/**/*'] },
  { id: 'python-tool-caches', what: 'Poetry/uv caches', paths: ['**/.cache/pypoetry/{cache,artifacts}/**/*', '**/.cache/uv/**/*'] },
  { id: 'pnpm-store', what: 'pnpm store', paths: ['**/.pnpm-store/**/*', '**/.local/share/pnpm/store/**/*'] },
  { id: 'composer-cache', what: 'Composer cache', paths: ['**/.composer/cache/**/*', '**/.cache/composer/**/*'] },
  // The .gem archives `bundle install` / `gem install` keep beside the gems they installed (GEM_HOME
  // /usr/local/bundle in the official ruby images, or vendor/bundle). Not Ruby's own lib/ruby/gems/*/cache:
  // the base image's bundled gems, which no Dockerfile line of the user's put there.
  { id: 'gem-cache', what: 'RubyGems cache (.gem archives)', paths: ['**/bundle/cache/*.gem', '**/bundle/ruby/*/cache/*.gem'] },
  { id: 'go-cache', what: 'Go build and module download caches', paths: ['**/.cache/go-build/**/*', '**/pkg/mod/cache/download/**/*'] },
  { id: 'jvm-build-caches', what: 'Maven/Gradle caches', paths: ['**/.m2/repository/**/*', '**/.gradle/caches/**/*', '**/.gradle/wrapper/dists/**/*'] },
  { id: 'cargo-registry', what: 'Cargo registry cache', paths: ['**/.cargo/registry/**/*', 'usr/local/cargo/registry/**/*'] }
]

/** Shells (a notice: an attacker's first tool, and rarely needed by a runtime). */
export const SHELL_PATHS = ['bin/sh', 'bin/bash', 'bin/dash', 'bin/ash', 'bin/zsh', 'usr/bin/sh', 'usr/bin/bash', 'usr/bin/dash', 'usr/bin/zsh', 'bin/busybox']

/** A signature with its globs compiled. */
export interface CompiledSignature extends Signature {
  match: (path: string) => boolean
  /** True when `dir` (no leading slash) is one whose whole content counts (see `dirs`). */
  matchDir: (dir: string) => boolean
  /** Index of the first path glob matching `path` (earlier globs name the better evidence). */
  rank: (path: string) => number
  matchPackage: (name: string) => boolean
}

/** Compile the globs of `signatures` once. */
export function compileSignatures(signatures: Signature[]): CompiledSignature[] {
  return signatures.map(s => {
    const paths = (s.paths ?? []).map(globToRegExp)
    const except = (s.except ?? []).map(globToRegExp)
    const packages = (s.packages ?? []).map(globToRegExp)
    const dirs = (s.dirs ?? []).map(globToRegExp)
    return {
      ...s,
      matchDir: (d: string) => dirs.some(r => r.test(d)),
      match: (p: string) => paths.some(r => r.test(p)) && !except.some(r => r.test(p)),
      rank: (p: string) => paths.findIndex(r => r.test(p)),
      matchPackage: (n: string) => packages.some(r => r.test(n))
    }
  })
}
