export const id = 414;
export const ids = [414];
export const modules = {

/***/ 414:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ActionsCacheStore: () => (/* binding */ ActionsCacheStore)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/**
 * The gateway to the GitHub Actions cache: the only module that imports @actions/cache.
 * The Actions cache versions an entry by the exact paths it was saved from, so every entry goes
 * through one fixed staging directory; the caller's directories are moved in and out of it.
 */




class ActionsCacheStore {
    name = 'GitHub Actions cache';
    staging;
    mod;
    housekeeping;
    /** Why pruning is off (e.g. the token lacks actions: write), once known. */
    pruneNote;
    /** Keys deleted by `prune` in this run. */
    pruned = [];
    /** The path as @actions/cache is given it: its string is part of the entry's version. */
    cachePath;
    constructor(opts) {
        this.cachePath = node_path__WEBPACK_IMPORTED_MODULE_2___default().posix.join(opts.stagingRoot, 'entry');
        this.staging = opts.stagingRoot.startsWith('~/') ? node_path__WEBPACK_IMPORTED_MODULE_2___default().join(node_os__WEBPACK_IMPORTED_MODULE_1___default().homedir(), opts.stagingRoot.slice(2), 'entry') : this.cachePath;
        this.mod = opts.module;
        this.housekeeping = opts.housekeeping;
    }
    async restore(key, restoreKeys, destDir) {
        const cache = await this.load();
        node_fs__WEBPACK_IMPORTED_MODULE_0___default().rmSync(this.staging, { recursive: true, force: true });
        node_fs__WEBPACK_IMPORTED_MODULE_0___default().mkdirSync(this.staging, { recursive: true });
        const matched = await cache.restoreCache([this.cachePath], key, restoreKeys);
        if (!matched)
            return undefined;
        moveContents(this.staging, destDir);
        node_fs__WEBPACK_IMPORTED_MODULE_0___default().rmSync(this.staging, { recursive: true, force: true });
        return { key: matched, exact: matched === key };
    }
    async save(key, srcDir) {
        const cache = await this.load();
        node_fs__WEBPACK_IMPORTED_MODULE_0___default().rmSync(this.staging, { recursive: true, force: true });
        node_fs__WEBPACK_IMPORTED_MODULE_0___default().mkdirSync(this.staging, { recursive: true });
        moveContents(srcDir, this.staging);
        try {
            // saveCache reports every failure (key taken, service errors, a cut upload) by logging and
            // returning -1. Only a lookup tells "already stored" (immutable key) from "not stored".
            const id = await cache.saveCache([this.cachePath], key);
            if (id !== -1)
                return true;
            const there = await cache.restoreCache([this.cachePath], key, [], { lookupOnly: true });
            if (there === key)
                return false;
            throw new Error('the cache service did not store it (see the message above)');
        }
        finally {
            moveContents(this.staging, srcDir);
            node_fs__WEBPACK_IMPORTED_MODULE_0___default().rmSync(this.staging, { recursive: true, force: true });
        }
    }
    /**
     * Delete all but the `keep` newest entries of this run's scope whose key starts with `prefix`
     * (an entry cannot be overwritten, so each change of a cache adds one). Needs `actions: write`;
     * without it (or without housekeeping) nothing is deleted and `pruneNote` says why.
     */
    async prune(prefix, keep) {
        if (!this.housekeeping || this.pruneNote)
            return [];
        try {
            const old = (await this.housekeeping.api.listCaches(prefix, this.housekeeping.ref)).filter(e => e.ref === this.housekeeping.ref).slice(keep);
            for (const e of old) {
                await this.housekeeping.api.deleteCache(e.id);
                this.pruned.push(e.key);
            }
            return old.map(e => e.key);
        }
        catch (e) {
            this.pruneNote = `superseded entries are not deleted (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(e).split('\n')[0]}); give the job actions: write to keep them from piling up`;
            return [];
        }
    }
    async load() {
        this.mod ??= await __webpack_require__.e(/* import() */ 305).then(__webpack_require__.bind(__webpack_require__, 4305));
        return this.mod;
    }
}
/** Move every entry of `from` into `to` (rename; copy across filesystems). */
function moveContents(from, to) {
    node_fs__WEBPACK_IMPORTED_MODULE_0___default().mkdirSync(to, { recursive: true });
    for (const name of node_fs__WEBPACK_IMPORTED_MODULE_0___default().readdirSync(from)) {
        const s = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(from, name);
        const t = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(to, name);
        node_fs__WEBPACK_IMPORTED_MODULE_0___default().rmSync(t, { recursive: true, force: true });
        try {
            node_fs__WEBPACK_IMPORTED_MODULE_0___default().renameSync(s, t);
        }
        catch (e) {
            if (e.code !== 'EXDEV')
                throw e;
            node_fs__WEBPACK_IMPORTED_MODULE_0___default().cpSync(s, t, { recursive: true });
            node_fs__WEBPACK_IMPORTED_MODULE_0___default().rmSync(s, { recursive: true, force: true });
        }
    }
}


/***/ })

};
