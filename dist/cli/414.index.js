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
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/**
 * The gateway to the GitHub Actions cache: the only module that imports @actions/cache.
 * The Actions cache versions an entry by the exact paths it was saved from, so every entry goes
 * through one fixed staging directory; the caller's directories are moved in and out of it.
 */


class ActionsCacheStore {
    name = 'GitHub Actions cache';
    staging;
    mod;
    constructor(opts) {
        this.staging = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(opts.stagingRoot, 'entry');
        this.mod = opts.module;
    }
    async restore(key, restoreKeys, destDir) {
        const cache = await this.load();
        node_fs__WEBPACK_IMPORTED_MODULE_0___default().rmSync(this.staging, { recursive: true, force: true });
        node_fs__WEBPACK_IMPORTED_MODULE_0___default().mkdirSync(this.staging, { recursive: true });
        const matched = await cache.restoreCache([this.staging], key, restoreKeys);
        if (!matched)
            return undefined;
        moveContents(this.staging, destDir);
        return { key: matched, exact: matched === key };
    }
    async save(key, srcDir) {
        const cache = await this.load();
        node_fs__WEBPACK_IMPORTED_MODULE_0___default().rmSync(this.staging, { recursive: true, force: true });
        node_fs__WEBPACK_IMPORTED_MODULE_0___default().mkdirSync(this.staging, { recursive: true });
        moveContents(srcDir, this.staging);
        try {
            // saveCache reports most failures (key taken, service errors) by returning -1 after logging.
            const id = await cache.saveCache([this.staging], key);
            return id !== -1;
        }
        finally {
            moveContents(this.staging, srcDir);
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
        const s = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(from, name);
        const t = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(to, name);
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
