export const id = 9;
export const ids = [9];
export const modules = {

/***/ 3009:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LocalDirStore: () => (/* binding */ LocalDirStore)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/**
 * A CacheStore on a plain directory, for self-hosted runners and tests. One sub-directory per
 * entry (the key, URI-encoded), written under a temporary name and renamed into place, so a
 * reader never sees half an entry and a failed save leaves nothing behind. Files are hard-linked
 * in and out when the filesystem allows it (a 500 MB entry then costs no copy), copied otherwise.
 */



const META = '.stagecraft-entry.json';
const TMP_PREFIX = '.tmp-';
class LocalDirStore {
    dir;
    name;
    constructor(dir) {
        this.dir = dir;
        this.name = `local directory ${dir}`;
    }
    async restore(key, restoreKeys, destDir) {
        const entries = this.entries();
        const exact = entries.find(e => e.key === key);
        let hit = exact;
        for (const prefix of [key, ...restoreKeys]) {
            if (hit)
                break;
            hit = entries.filter(e => e.key.startsWith(prefix)).sort(newestFirst)[0];
        }
        if (!hit)
            return undefined;
        node_fs__WEBPACK_IMPORTED_MODULE_1___default().mkdirSync(destDir, { recursive: true });
        this.copyTree(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(this.dir, encodeKey(hit.key)), destDir);
        return { key: hit.key, exact: hit.key === key };
    }
    async save(key, srcDir) {
        const final = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(this.dir, encodeKey(key));
        if (node_fs__WEBPACK_IMPORTED_MODULE_1___default().existsSync(final))
            return false; // entries are immutable, as in the Actions cache
        node_fs__WEBPACK_IMPORTED_MODULE_1___default().mkdirSync(this.dir, { recursive: true });
        const tmp = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(this.dir, `${TMP_PREFIX}${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}`);
        try {
            node_fs__WEBPACK_IMPORTED_MODULE_1___default().mkdirSync(tmp);
            this.copyTree(srcDir, tmp);
            const meta = { key, createdMs: Date.now() };
            node_fs__WEBPACK_IMPORTED_MODULE_1___default().writeFileSync(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(tmp, META), JSON.stringify(meta));
            try {
                node_fs__WEBPACK_IMPORTED_MODULE_1___default().renameSync(tmp, final);
            }
            catch (e) {
                // Another job renamed the same key into place first: theirs stands.
                if (node_fs__WEBPACK_IMPORTED_MODULE_1___default().existsSync(final))
                    return false;
                throw e;
            }
            return true;
        }
        finally {
            node_fs__WEBPACK_IMPORTED_MODULE_1___default().rmSync(tmp, { recursive: true, force: true });
        }
    }
    /**
     * Delete all but the `keep` newest entries whose key starts with `prefix` (the entries of one
     * cache mount pile up as its contents change). Returns the keys removed. Never throws.
     */
    prune(prefix, keep) {
        const old = this.entries()
            .filter(e => e.key.startsWith(prefix))
            .sort(newestFirst)
            .slice(keep);
        for (const e of old)
            node_fs__WEBPACK_IMPORTED_MODULE_1___default().rmSync(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(this.dir, encodeKey(e.key)), { recursive: true, force: true });
        return old.map(e => e.key);
    }
    /** Copy one file; hard link when possible. Overridable so tests can make a save fail half way. */
    copyFile(src, dest) {
        try {
            node_fs__WEBPACK_IMPORTED_MODULE_1___default().linkSync(src, dest);
        }
        catch {
            node_fs__WEBPACK_IMPORTED_MODULE_1___default().copyFileSync(src, dest, (node_fs__WEBPACK_IMPORTED_MODULE_1___default().constants).COPYFILE_FICLONE);
        }
    }
    copyTree(src, dest) {
        for (const d of node_fs__WEBPACK_IMPORTED_MODULE_1___default().readdirSync(src, { withFileTypes: true })) {
            if (d.name === META)
                continue;
            const s = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(src, d.name);
            const t = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dest, d.name);
            if (d.isDirectory()) {
                node_fs__WEBPACK_IMPORTED_MODULE_1___default().mkdirSync(t, { recursive: true });
                this.copyTree(s, t);
            }
            else if (d.isSymbolicLink()) {
                node_fs__WEBPACK_IMPORTED_MODULE_1___default().symlinkSync(node_fs__WEBPACK_IMPORTED_MODULE_1___default().readlinkSync(s), t);
            }
            else if (d.isFile()) {
                this.copyFile(s, t);
            }
        }
    }
    entries() {
        let names;
        try {
            names = node_fs__WEBPACK_IMPORTED_MODULE_1___default().readdirSync(this.dir);
        }
        catch {
            return [];
        }
        const out = [];
        for (const n of names) {
            if (n.startsWith(TMP_PREFIX) || n.startsWith('.'))
                continue;
            try {
                const meta = JSON.parse(node_fs__WEBPACK_IMPORTED_MODULE_1___default().readFileSync(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(this.dir, n, META), 'utf8'));
                if (typeof meta.key === 'string' && encodeKey(meta.key) === n)
                    out.push(meta);
            }
            catch {
                // not one of ours, or a broken entry: ignore it
            }
        }
        return out;
    }
}
/** Keys may hold any character; directory names may not hold `/`. */
function encodeKey(key) {
    return encodeURIComponent(key).replace(/^\./, '%2E');
}
function newestFirst(a, b) {
    return b.createdMs - a.createdMs || (a.key < b.key ? 1 : -1);
}


/***/ })

};
