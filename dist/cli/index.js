#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 9553:
/***/ ((module) => {

function isBuffer(value) {
  return Buffer.isBuffer(value) || value instanceof Uint8Array
}

function isEncoding(encoding) {
  return Buffer.isEncoding(encoding)
}

function alloc(size, fill, encoding) {
  return Buffer.alloc(size, fill, encoding)
}

function allocUnsafe(size) {
  return Buffer.allocUnsafe(size)
}

function allocUnsafeSlow(size) {
  return Buffer.allocUnsafeSlow(size)
}

function byteLength(string, encoding) {
  return Buffer.byteLength(string, encoding)
}

function compare(a, b) {
  return Buffer.compare(a, b)
}

function concat(buffers, totalLength) {
  return Buffer.concat(buffers, totalLength)
}

function copy(source, target, targetStart, start, end) {
  return toBuffer(source).copy(target, targetStart, start, end)
}

function equals(a, b) {
  return toBuffer(a).equals(b)
}

function fill(buffer, value, offset, end, encoding) {
  return toBuffer(buffer).fill(value, offset, end, encoding)
}

function from(value, encodingOrOffset, length) {
  return Buffer.from(value, encodingOrOffset, length)
}

function includes(buffer, value, byteOffset, encoding) {
  return toBuffer(buffer).includes(value, byteOffset, encoding)
}

function indexOf(buffer, value, byfeOffset, encoding) {
  return toBuffer(buffer).indexOf(value, byfeOffset, encoding)
}

function lastIndexOf(buffer, value, byteOffset, encoding) {
  return toBuffer(buffer).lastIndexOf(value, byteOffset, encoding)
}

function swap16(buffer) {
  return toBuffer(buffer).swap16()
}

function swap32(buffer) {
  return toBuffer(buffer).swap32()
}

function swap64(buffer) {
  return toBuffer(buffer).swap64()
}

function toBuffer(buffer) {
  if (Buffer.isBuffer(buffer)) return buffer
  return Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength)
}

function toString(buffer, encoding, start, end) {
  return toBuffer(buffer).toString(encoding, start, end)
}

function toHex(buffer, start, end) {
  return toBuffer(buffer).toString('hex', start, end)
}

function write(buffer, string, offset, length, encoding) {
  return toBuffer(buffer).write(string, offset, length, encoding)
}

function readDoubleBE(buffer, offset) {
  return toBuffer(buffer).readDoubleBE(offset)
}

function readDoubleLE(buffer, offset) {
  return toBuffer(buffer).readDoubleLE(offset)
}

function readFloatBE(buffer, offset) {
  return toBuffer(buffer).readFloatBE(offset)
}

function readFloatLE(buffer, offset) {
  return toBuffer(buffer).readFloatLE(offset)
}

function readInt32BE(buffer, offset) {
  return toBuffer(buffer).readInt32BE(offset)
}

function readInt32LE(buffer, offset) {
  return toBuffer(buffer).readInt32LE(offset)
}

function readUInt32BE(buffer, offset) {
  return toBuffer(buffer).readUInt32BE(offset)
}

function readUInt32LE(buffer, offset) {
  return toBuffer(buffer).readUInt32LE(offset)
}

function writeDoubleBE(buffer, value, offset) {
  return toBuffer(buffer).writeDoubleBE(value, offset)
}

function writeDoubleLE(buffer, value, offset) {
  return toBuffer(buffer).writeDoubleLE(value, offset)
}

function writeFloatBE(buffer, value, offset) {
  return toBuffer(buffer).writeFloatBE(value, offset)
}

function writeFloatLE(buffer, value, offset) {
  return toBuffer(buffer).writeFloatLE(value, offset)
}

function writeInt32BE(buffer, value, offset) {
  return toBuffer(buffer).writeInt32BE(value, offset)
}

function writeInt32LE(buffer, value, offset) {
  return toBuffer(buffer).writeInt32LE(value, offset)
}

function writeUInt32BE(buffer, value, offset) {
  return toBuffer(buffer).writeUInt32BE(value, offset)
}

function writeUInt32LE(buffer, value, offset) {
  return toBuffer(buffer).writeUInt32LE(value, offset)
}

module.exports = {
  isBuffer,
  isEncoding,
  alloc,
  allocUnsafe,
  allocUnsafeSlow,
  byteLength,
  compare,
  concat,
  copy,
  equals,
  fill,
  from,
  includes,
  indexOf,
  lastIndexOf,
  swap16,
  swap32,
  swap64,
  toBuffer,
  toString,
  toHex,
  write,
  readDoubleBE,
  readDoubleLE,
  readFloatBE,
  readFloatLE,
  readInt32BE,
  readInt32LE,
  readUInt32BE,
  readUInt32LE,
  writeDoubleBE,
  writeDoubleLE,
  writeFloatBE,
  writeFloatLE,
  writeInt32BE,
  writeInt32LE,
  writeUInt32BE,
  writeUInt32LE
}


/***/ }),

/***/ 3492:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Argument = void 0;
class Argument {
    constructor(value, range) {
        this.value = value;
        this.range = range;
    }
    toString() {
        return this.value;
    }
    getRange() {
        return this.range;
    }
    getValue() {
        return this.value;
    }
    isAfter(position) {
        if (this.range.end.line < position.line) {
            return false;
        }
        return this.range.start.line > position.line ? true : this.range.start.character > position.character;
    }
    isBefore(position) {
        if (this.range.start.line < position.line) {
            return true;
        }
        return this.range.end.line > position.line ? false : this.range.end.character < position.character;
    }
}
exports.Argument = Argument;


/***/ }),

/***/ 3158:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Comment = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(7300);
const line_1 = __nccwpck_require__(2717);
const util_1 = __nccwpck_require__(7987);
class Comment extends line_1.Line {
    constructor(document, range) {
        super(document, range);
    }
    toString() {
        const content = this.getContent();
        if (content) {
            return "# " + content;
        }
        return "#";
    }
    /**
     * Returns the content of this comment. This excludes leading and
     * trailing whitespace as well as the # symbol. If the comment only
     * consists of whitespace, the empty string will be returned.
     */
    getContent() {
        let range = this.getContentRange();
        if (range === null) {
            return "";
        }
        return this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
    }
    /**
     * Returns a range that includes the content of the comment
     * excluding any leading and trailing whitespace as well as the #
     * symbol. May return null if the comment only consists of whitespace
     * characters.
     */
    getContentRange() {
        let range = this.getRange();
        const startOffset = this.document.offsetAt(range.start);
        let raw = this.document.getText().substring(startOffset, this.document.offsetAt(range.end));
        let start = -1;
        let end = -1;
        // skip the first # symbol
        for (let i = 1; i < raw.length; i++) {
            if (!util_1.Util.isWhitespace(raw.charAt(i))) {
                start = i;
                break;
            }
        }
        if (start === -1) {
            return null;
        }
        // go backwards up to the first # symbol
        for (let i = raw.length - 1; i >= 1; i--) {
            if (!util_1.Util.isWhitespace(raw.charAt(i))) {
                end = i + 1;
                break;
            }
        }
        return vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + start), this.document.positionAt(startOffset + end));
    }
}
exports.Comment = Comment;


/***/ }),

/***/ 4317:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

/* --------------------------------------------------------------------------------------------
 * Copyright (c) Remy Suen. All rights reserved.
 * Licensed under the MIT License. See License.txt in the project root for license information.
 * ------------------------------------------------------------------------------------------ */

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Dockerfile = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(7300);
const ast = __nccwpck_require__(5302);
const imageTemplate_1 = __nccwpck_require__(1472);
const from_1 = __nccwpck_require__(353);
const util_1 = __nccwpck_require__(7987);
const main_1 = __nccwpck_require__(5302);
class Dockerfile extends imageTemplate_1.ImageTemplate {
    constructor(document) {
        super();
        this.initialInstructions = new imageTemplate_1.ImageTemplate();
        this.buildStages = [];
        this.directives = [];
        /**
         * Whether a FROM instruction has been added to this Dockerfile or not.
         */
        this.foundFrom = false;
        this.document = document;
    }
    getEscapeCharacter() {
        for (const directive of this.directives) {
            if (directive.getDirective() === ast.Directive.escape) {
                const value = directive.getValue();
                if (value === '\\' || value === '`') {
                    return value;
                }
            }
        }
        return '\\';
    }
    getInitialARGs() {
        return this.initialInstructions.getARGs();
    }
    getContainingImage(position) {
        let range = vscode_languageserver_types_1.Range.create(vscode_languageserver_types_1.Position.create(0, 0), this.document.positionAt(this.document.getText().length));
        if (!util_1.Util.isInsideRange(position, range)) {
            // not inside the document, invalid position
            return null;
        }
        if (this.initialInstructions.getComments().length > 0 || this.initialInstructions.getInstructions().length > 0) {
            if (util_1.Util.isInsideRange(position, this.initialInstructions.getRange())) {
                return this.initialInstructions;
            }
        }
        for (const buildStage of this.buildStages) {
            if (util_1.Util.isInsideRange(position, buildStage.getRange())) {
                return buildStage;
            }
        }
        return this;
    }
    addInstruction(instruction) {
        if (instruction.getKeyword() === main_1.Keyword.FROM) {
            this.currentBuildStage = new imageTemplate_1.ImageTemplate();
            this.buildStages.push(this.currentBuildStage);
            this.foundFrom = true;
        }
        else if (!this.foundFrom) {
            this.initialInstructions.addInstruction(instruction);
        }
        if (this.foundFrom) {
            this.currentBuildStage.addInstruction(instruction);
        }
        super.addInstruction(instruction);
    }
    setDirectives(directives) {
        this.directives = directives;
    }
    getDirective() {
        return this.directives.length === 0 ? null : this.directives[0];
    }
    getDirectives() {
        return this.directives;
    }
    resolveVariable(variable, line) {
        for (let from of this.getFROMs()) {
            let range = from.getRange();
            if (range.start.line <= line && line <= range.end.line) {
                // resolve the FROM variable against the initial ARGs
                let initialARGs = new imageTemplate_1.ImageTemplate();
                for (let instruction of this.initialInstructions.getARGs()) {
                    initialARGs.addInstruction(instruction);
                }
                return initialARGs.resolveVariable(variable, line);
            }
        }
        let image = this.getContainingImage(vscode_languageserver_types_1.Position.create(line, 0));
        if (image === null) {
            return undefined;
        }
        let resolvedVariable = image.resolveVariable(variable, line);
        if (resolvedVariable === null) {
            // refers to an uninitialized ARG variable,
            // try resolving it against the initial ARGs then
            let initialARGs = new imageTemplate_1.ImageTemplate();
            for (let instruction of this.initialInstructions.getARGs()) {
                initialARGs.addInstruction(instruction);
            }
            return initialARGs.resolveVariable(variable, line);
        }
        return resolvedVariable;
    }
    getAvailableVariables(currentLine) {
        if (this.getInstructionAt(currentLine) instanceof from_1.From) {
            let variables = [];
            for (let arg of this.getInitialARGs()) {
                let property = arg.getProperty();
                if (property) {
                    variables.push(property.getName());
                }
            }
            return variables;
        }
        let image = this.getContainingImage(vscode_languageserver_types_1.Position.create(currentLine, 0));
        return image ? image.getAvailableVariables(currentLine) : [];
    }
    getParentStage(image) {
        const templateFrom = image.getFROM();
        const imageName = templateFrom === null ? null : templateFrom.getImageName();
        if (imageName === null) {
            return null;
        }
        for (const from of this.getFROMs()) {
            if (from.getBuildStage() === imageName) {
                const range = from.getRange();
                // on the same line then it's an image that shares the name as the build stage
                if (range.start.line === templateFrom.getRange().start.line) {
                    return null;
                }
                return this.getContainingImage(range.start);
            }
        }
        return null;
    }
    getStageHierarchy(line) {
        const image = this.getContainingImage(vscode_languageserver_types_1.Position.create(line, 0));
        if (image === null) {
            return [];
        }
        const stages = [image];
        let stage = this.getParentStage(image);
        while (stage !== null) {
            stages.splice(0, 0, stage);
            stage = this.getParentStage(stage);
        }
        return stages;
    }
    getAvailableWorkingDirectories(line) {
        const availableDirectories = new Set();
        for (const image of this.getStageHierarchy(line)) {
            for (const workdir of image.getWORKDIRs()) {
                if (workdir.getRange().end.line < line) {
                    let directory = workdir.getAbsolutePath();
                    if (directory !== undefined && directory !== null) {
                        if (!directory.endsWith("/")) {
                            directory += "/";
                        }
                        availableDirectories.add(directory);
                    }
                }
            }
        }
        return Array.from(availableDirectories);
    }
    /**
     * Internally reorganize the comments in the Dockerfile and allocate
     * them to the relevant build stages that they belong to.
     */
    organizeComments() {
        const comments = this.getComments();
        for (let i = 0; i < comments.length; i++) {
            if (util_1.Util.isInsideRange(comments[i].getRange().end, this.initialInstructions.getRange())) {
                this.initialInstructions.addComment(comments[i]);
            }
            else {
                for (const buildStage of this.buildStages) {
                    if (util_1.Util.isInsideRange(comments[i].getRange().start, buildStage.getRange())) {
                        buildStage.addComment(comments[i]);
                    }
                }
            }
        }
    }
    getRange() {
        const comments = this.getComments();
        const instructions = this.getInstructions();
        let range = null;
        if (comments.length === 0) {
            if (instructions.length > 0) {
                range = vscode_languageserver_types_1.Range.create(instructions[0].getRange().start, instructions[instructions.length - 1].getRange().end);
            }
        }
        else if (instructions.length === 0) {
            range = vscode_languageserver_types_1.Range.create(comments[0].getRange().start, comments[comments.length - 1].getRange().end);
        }
        else {
            const commentStart = comments[0].getRange().start;
            const commentEnd = comments[comments.length - 1].getRange().end;
            const instructionStart = instructions[0].getRange().start;
            const instructionEnd = instructions[instructions.length - 1].getRange().end;
            if (commentStart.line < instructionStart.line) {
                if (commentEnd.line < instructionEnd.line) {
                    range = vscode_languageserver_types_1.Range.create(commentStart, instructionEnd);
                }
                range = vscode_languageserver_types_1.Range.create(commentStart, commentEnd);
            }
            else if (commentEnd.line < instructionEnd.line) {
                range = vscode_languageserver_types_1.Range.create(instructionStart, instructionEnd);
            }
            else {
                range = vscode_languageserver_types_1.Range.create(instructionStart, commentEnd);
            }
        }
        if (range === null) {
            if (this.directives.length === 0) {
                return null;
            }
            return this.directives[0].getRange();
        }
        else if (this.directives.length === 0) {
            return range;
        }
        return vscode_languageserver_types_1.Range.create(this.directives[0].getRange().start, range.end);
    }
}
exports.Dockerfile = Dockerfile;


/***/ }),

/***/ 8293:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Flag = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(7300);
const flagOption_1 = __nccwpck_require__(9860);
class Flag {
    constructor(document, range, name, nameRange, value, valueRange) {
        this.options = [];
        this.range = range;
        this.name = name;
        this.nameRange = nameRange;
        this.value = value;
        this.valueRange = valueRange;
        if (this.value !== null) {
            let offset = document.offsetAt(valueRange.start);
            let nameStart = -1;
            let valueStart = -1;
            let hasOptions = false;
            for (let i = 0; i < value.length; i++) {
                switch (value.charAt(i)) {
                    case '=':
                        hasOptions = true;
                        if (valueStart === -1) {
                            valueStart = i + 1;
                            break;
                        }
                        break;
                    case ',':
                        this.options.push(this.createFlagOption(document, value, offset, nameStart, valueStart, i));
                        nameStart = -1;
                        valueStart = -1;
                        break;
                    default:
                        if (nameStart === -1) {
                            nameStart = i;
                        }
                        break;
                }
            }
            if (hasOptions && nameStart !== -1) {
                this.options.push(this.createFlagOption(document, value, offset, nameStart, valueStart, value.length));
            }
        }
    }
    createFlagOption(document, content, documentOffset, nameStart, valueStart, valueEnd) {
        const optionRange = vscode_languageserver_types_1.Range.create(document.positionAt(documentOffset + nameStart), document.positionAt(documentOffset + valueEnd));
        if (valueStart === -1) {
            return new flagOption_1.FlagOption(optionRange, content.substring(nameStart, valueEnd), optionRange, null, null);
        }
        return new flagOption_1.FlagOption(optionRange, content.substring(nameStart, valueStart - 1), vscode_languageserver_types_1.Range.create(document.positionAt(documentOffset + nameStart), document.positionAt(documentOffset + valueStart - 1)), content.substring(valueStart, valueEnd), vscode_languageserver_types_1.Range.create(document.positionAt(documentOffset + valueStart), document.positionAt(documentOffset + valueEnd)));
    }
    toString() {
        if (this.valueRange) {
            return "--" + this.name + "=" + this.value;
        }
        return "--" + this.name;
    }
    /**
     * Returns the range that encompasses this entire flag. This includes the
     * -- prefix in the beginning to the last character of the flag's value (if
     * it has been defined).
     *
     * @return the entire range of this flag
     */
    getRange() {
        return this.range;
    }
    /**
     * Returns the name of this flag. The name does not include the -- prefix.
     * Thus, for HEALTHCHECK's --interval flag, interval is the flag's name and
     * not --interval.
     *
     * @return this flag's name
     */
    getName() {
        return this.name;
    }
    /**
     * Returns the range that encompasses the flag's name
     *
     * @return the range containing the flag's name
     */
    getNameRange() {
        return this.nameRange;
    }
    /**
     * Returns the value that has been set to this flag. May be null if the
     * flag is invalid and has no value set like a --start-period. If the flag
     * is instead a --start-period= with an equals sign then the flag's value
     * is the empty string.
     *
     * @return this flag's value if it has been defined, null otherwise
     */
    getValue() {
        return this.value;
    }
    /**
     * Returns the range that encompasses this flag's value. If no value has
     * been set then null will be returned.
     *
     * @return the range containing this flag's value, or null if the flag
     *         has no value defined
     */
    getValueRange() {
        return this.valueRange;
    }
    getOption(name) {
        for (const option of this.options) {
            if (option.getName() === name) {
                return option;
            }
        }
        return null;
    }
    getOptions() {
        return this.options;
    }
    hasOptions() {
        return this.options.length > 0;
    }
}
exports.Flag = Flag;


/***/ }),

/***/ 9860:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.FlagOption = void 0;
class FlagOption {
    constructor(range, name, nameRange, value, valueRange) {
        this.range = range;
        this.name = name;
        this.nameRange = nameRange;
        this.value = value;
        this.valueRange = valueRange;
    }
    toString() {
        if (this.valueRange !== null) {
            return this.name + "=" + this.value;
        }
        return this.name;
    }
    getRange() {
        return this.range;
    }
    getName() {
        return this.name;
    }
    getNameRange() {
        return this.nameRange;
    }
    getValue() {
        return this.value;
    }
    getValueRange() {
        return this.valueRange;
    }
}
exports.FlagOption = FlagOption;


/***/ }),

/***/ 9903:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Heredoc = void 0;
/**
 * Heredoc represents a here-document that has been embedded in a
 * Dockerfile.
 *
 * This API is experimental and subject to change.
 */
class Heredoc {
    constructor(startRange, name, nameRange, contentRange, endRange) {
        this.startRange = startRange;
        this.name = name;
        this.nameRange = nameRange;
        this.contentRange = contentRange;
        this.endRange = endRange;
    }
    /**
     * Returns the name of the here-document.
     *
     * This API is experimental and subject to change.
     */
    getName() {
        return this.name;
    }
    /**
     * Returns the range of the start operator and the name. If the
     * here-document is initialized with <<EOT then the start range would
     * encompass all five characters.
     *
     * This API is experimental and subject to change.
     */
    getStartRange() {
        return this.startRange;
    }
    /**
     * Returns the range of this here-document's name that is declared at
     * the beginning of the here-document with the operator. If the
     * here-document is initialized with <<EOT then the name range would
     * encompass the latter three "EOT" characters.
     *
     * This API is experimental and subject to change.
     */
    getNameRange() {
        return this.nameRange;
    }
    /**
     * Returns the range of the content of this here-document. This may
     * be null if the here-document has no content because:
     * - the start range is the only thing that was declared
     * - the end range was declared immediately and there is no content
     *
     * This API is experimental and subject to change.
     */
    getContentRange() {
        return this.contentRange;
    }
    /**
     * Returns the range of the here-document's name on a line that
     * represents the end of the here-document.
     *
     * This API is experimental and subject to change.
     */
    getDelimiterRange() {
        return this.endRange;
    }
}
exports.Heredoc = Heredoc;


/***/ }),

/***/ 1472:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

/* --------------------------------------------------------------------------------------------
 * Copyright (c) Remy Suen. All rights reserved.
 * Licensed under the MIT License. See License.txt in the project root for license information.
 * ------------------------------------------------------------------------------------------ */

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ImageTemplate = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(7300);
const arg_1 = __nccwpck_require__(5805);
const cmd_1 = __nccwpck_require__(9709);
const copy_1 = __nccwpck_require__(6284);
const env_1 = __nccwpck_require__(2190);
const entrypoint_1 = __nccwpck_require__(971);
const from_1 = __nccwpck_require__(353);
const healthcheck_1 = __nccwpck_require__(5455);
const onbuild_1 = __nccwpck_require__(4642);
const util_1 = __nccwpck_require__(7987);
const workdir_1 = __nccwpck_require__(2713);
class ImageTemplate {
    constructor() {
        this.comments = [];
        this.instructions = [];
    }
    addComment(comment) {
        this.comments.push(comment);
    }
    getComments() {
        return this.comments;
    }
    addInstruction(instruction) {
        this.instructions.push(instruction);
    }
    getInstructions() {
        return this.instructions;
    }
    getInstructionAt(line) {
        for (let instruction of this.instructions) {
            if (util_1.Util.isInsideRange(vscode_languageserver_types_1.Position.create(line, 0), instruction.getRange())) {
                return instruction;
            }
        }
        return null;
    }
    /**
     * Gets all the ARG instructions that are defined in this image.
     */
    getARGs() {
        let args = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof arg_1.Arg) {
                args.push(instruction);
            }
        }
        return args;
    }
    /**
     * Gets all the CMD instructions that are defined in this image.
     */
    getCMDs() {
        let cmds = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof cmd_1.Cmd) {
                cmds.push(instruction);
            }
        }
        return cmds;
    }
    /**
     * Gets all the COPY instructions that are defined in this image.
     */
    getCOPYs() {
        let copies = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof copy_1.Copy) {
                copies.push(instruction);
            }
        }
        return copies;
    }
    /**
     * Gets all the ENTRYPOINT instructions that are defined in this image.
     */
    getENTRYPOINTs() {
        let froms = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof entrypoint_1.Entrypoint) {
                froms.push(instruction);
            }
        }
        return froms;
    }
    /**
     * Gets all the ENV instructions that are defined in this image.
     */
    getENVs() {
        let args = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof env_1.Env) {
                args.push(instruction);
            }
        }
        return args;
    }
    getFROM() {
        for (const instruction of this.instructions) {
            if (instruction instanceof from_1.From) {
                return instruction;
            }
        }
        return null;
    }
    /**
     * Gets all the FROM instructions that are defined in this image.
     */
    getFROMs() {
        let froms = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof from_1.From) {
                froms.push(instruction);
            }
        }
        return froms;
    }
    /**
     * Gets all the HEALTHCHECK instructions that are defined in this image.
     */
    getHEALTHCHECKs() {
        let froms = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof healthcheck_1.Healthcheck) {
                froms.push(instruction);
            }
        }
        return froms;
    }
    getWORKDIRs() {
        const workdirs = [];
        for (const instruction of this.instructions) {
            if (instruction instanceof workdir_1.Workdir) {
                workdirs.push(instruction);
            }
        }
        return workdirs;
    }
    getOnbuildTriggers() {
        let triggers = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof onbuild_1.Onbuild) {
                let trigger = instruction.getTriggerInstruction();
                if (trigger) {
                    triggers.push(trigger);
                }
            }
        }
        return triggers;
    }
    getAvailableVariables(currentLine) {
        const variables = [];
        for (const arg of this.getARGs()) {
            if (arg.isBefore(currentLine)) {
                const property = arg.getProperty();
                if (property) {
                    const variable = property.getName();
                    if (variables.indexOf(variable) === -1) {
                        variables.push(variable);
                    }
                }
            }
        }
        for (const env of this.getENVs()) {
            if (env.isBefore(currentLine)) {
                for (const property of env.getProperties()) {
                    const variable = property.getName();
                    if (variables.indexOf(variable) === -1) {
                        variables.push(variable);
                    }
                }
            }
        }
        return variables;
    }
    /**
     * Resolves a variable with the given name at the specified line
     * to its value. If null is returned, then the variable has been
     * defined but no value was given. If undefined is returned, then
     * a variable with the given name has not been defined yet as of
     * the given line.
     *
     * @param variable the name of the variable to resolve
     * @param line the line number that the variable is on, zero-based
     * @return the value of the variable as defined by an ARG or ENV
     *         instruction, or null if no value has been specified, or
     *         undefined if a variable with the given name has not
     *         been defined
     */
    resolveVariable(variable, line) {
        let envs = this.getENVs();
        for (let i = envs.length - 1; i >= 0; i--) {
            if (envs[i].isBefore(line)) {
                for (let property of envs[i].getProperties()) {
                    if (property.getName() === variable) {
                        return property.getValue();
                    }
                }
            }
        }
        let args = this.getARGs();
        for (let i = args.length - 1; i >= 0; i--) {
            if (args[i].isBefore(line)) {
                let property = args[i].getProperty();
                if (property && property.getName() === variable) {
                    return property.getValue();
                }
            }
        }
        return undefined;
    }
    getRange() {
        const instructions = this.getInstructions();
        if (instructions.length === 0) {
            // all templates should have instructions, this only happens for
            // the initial set of instruction
            return vscode_languageserver_types_1.Range.create(0, 0, 0, 0);
        }
        const instructionStart = instructions[0].getRange().start;
        const instructionEnd = instructions[instructions.length - 1].getRange().end;
        return vscode_languageserver_types_1.Range.create(instructionStart, instructionEnd);
    }
    contains(position) {
        const range = this.getRange();
        if (range === null) {
            return false;
        }
        return util_1.Util.isInsideRange(position, range);
    }
}
exports.ImageTemplate = ImageTemplate;


/***/ }),

/***/ 1711:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Instruction = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(7300);
const util_1 = __nccwpck_require__(7987);
const line_1 = __nccwpck_require__(2717);
const argument_1 = __nccwpck_require__(3492);
const heredoc_1 = __nccwpck_require__(9903);
const variable_1 = __nccwpck_require__(3023);
const main_1 = __nccwpck_require__(5302);
class Instruction extends line_1.Line {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range);
        this.dockerfile = dockerfile;
        this.escapeChar = escapeChar;
        this.instruction = instruction;
        this.instructionRange = instructionRange;
    }
    toString() {
        let value = this.getKeyword();
        for (let arg of this.getRawArguments()) {
            value += ' ';
            value += arg.getValue();
        }
        return value;
    }
    getRangeContent(range) {
        if (range === null) {
            return null;
        }
        return this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
    }
    getInstructionRange() {
        return this.instructionRange;
    }
    getInstruction() {
        return this.instruction;
    }
    getKeyword() {
        return this.getInstruction().toUpperCase();
    }
    getArgumentsRange() {
        let args = this.getArguments();
        if (args.length === 0) {
            return null;
        }
        return vscode_languageserver_types_1.Range.create(args[0].getRange().start, args[args.length - 1].getRange().end);
    }
    getArgumentsRanges() {
        let args = this.getArguments();
        if (args.length === 0) {
            return [];
        }
        if (args[0].getRange().start.line === args[args.length - 1].getRange().end.line) {
            return [vscode_languageserver_types_1.Range.create(args[0].getRange().start, args[args.length - 1].getRange().end)];
        }
        let ranges = [];
        let end = -1;
        let startPosition = args[0].getRange().start;
        let range = this.getInstructionRange();
        let extra = this.document.offsetAt(startPosition) - this.document.offsetAt(range.start);
        let content = this.getTextContent();
        let fullArgs = content.substring(extra, this.document.offsetAt(args[args.length - 1].getRange().end) - this.document.offsetAt(range.start));
        let offset = this.document.offsetAt(range.start) + extra;
        let start = false;
        let comment = false;
        for (let i = 0; i < fullArgs.length; i++) {
            let char = fullArgs.charAt(i);
            if (char === this.escapeChar) {
                let next = fullArgs.charAt(i + 1);
                if (next === ' ' || next === '\t') {
                    whitespaceCheck: for (let j = i + 2; j < fullArgs.length; j++) {
                        switch (fullArgs.charAt(j)) {
                            case ' ':
                            case '\t':
                                continue;
                            case '\r':
                                j++;
                            case '\n':
                                if (startPosition !== null) {
                                    ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
                                }
                                startPosition = null;
                                start = true;
                                comment = false;
                                i = j;
                                break whitespaceCheck;
                            default:
                                break whitespaceCheck;
                        }
                    }
                }
                else if (next === '\r') {
                    if (startPosition !== null) {
                        ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
                        startPosition = null;
                    }
                    start = true;
                    comment = false;
                    i += 2;
                }
                else if (next === '\n') {
                    if (startPosition !== null) {
                        ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
                    }
                    startPosition = null;
                    start = true;
                    comment = false;
                    i++;
                }
                else {
                    i++;
                }
            }
            else if (util_1.Util.isNewline(char)) {
                if (comment) {
                    startPosition = null;
                    start = true;
                    comment = false;
                }
            }
            else {
                if (!comment) {
                    if (startPosition === null) {
                        if (char === '#') {
                            comment = true;
                            continue;
                        }
                        let position = this.document.positionAt(offset + i);
                        if (position.character !== 0) {
                            startPosition = vscode_languageserver_types_1.Position.create(position.line, 0);
                        }
                    }
                    end = i;
                }
            }
        }
        if (startPosition === null) {
            // should only happen if the last argument is on its own line with
            // no leading whitespace
            ranges.push(vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + end), this.document.positionAt(offset + end + 1)));
        }
        else {
            ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
        }
        return ranges;
    }
    getRawArgumentsContent() {
        let args = this.getArguments();
        if (args.length === 0) {
            return null;
        }
        return this.getRangeContent(vscode_languageserver_types_1.Range.create(args[0].getRange().start, args[args.length - 1].getRange().end));
    }
    getArgumentsContent() {
        let args = this.getArguments();
        if (args.length === 0) {
            return null;
        }
        let content = "";
        let ranges = this.getArgumentsRanges();
        let documentText = this.document.getText();
        for (let range of ranges) {
            content += documentText.substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
        }
        return content;
    }
    getArguments() {
        return this.getRawArguments();
    }
    getRawArguments() {
        let args = [];
        let range = this.getInstructionRange();
        let extra = this.document.offsetAt(range.end) - this.document.offsetAt(range.start);
        let content = this.getTextContent();
        let fullArgs = content.substring(extra);
        let offset = this.document.offsetAt(range.start) + extra;
        let start = false;
        let comment = false;
        let found = -1;
        // determines whether the parser has found a space or tab
        // whitespace character that's a part of an escaped newline sequence
        let escapedWhitespaceDetected = false;
        // determines if the parser is currently in an escaped newline sequence
        let escaping = false;
        let escapeMarker = -1;
        let escapedArg = "";
        for (let i = 0; i < fullArgs.length; i++) {
            let char = fullArgs.charAt(i);
            if (util_1.Util.isWhitespace(char)) {
                if (escaping) {
                    escapedWhitespaceDetected = true;
                    if (util_1.Util.isNewline(char)) {
                        // reached a newline, any previously
                        // detected whitespace should be ignored
                        escapedWhitespaceDetected = false;
                        if (comment) {
                            // reached a newline, no longer in a comment
                            comment = false;
                            start = true;
                        }
                    }
                    continue;
                }
                else if (found !== -1) {
                    if (escapeMarker === -1) {
                        args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + i))));
                    }
                    else {
                        args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
                    }
                    escapeMarker = -1;
                    escapedArg = "";
                    found = -1;
                }
            }
            else if (char === this.escapeChar) {
                let next = fullArgs.charAt(i + 1);
                if (next === ' ' || next === '\t') {
                    whitespaceCheck: for (let j = i + 2; j < fullArgs.length; j++) {
                        let newlineCheck = fullArgs.charAt(j);
                        switch (newlineCheck) {
                            case ' ':
                            case '\t':
                                continue;
                            case '\r':
                                j++;
                            case '\n':
                                comment = false;
                                escaping = true;
                                start = true;
                                if (found !== -1) {
                                    escapeMarker = i;
                                }
                                i = j;
                                break whitespaceCheck;
                            default:
                                escapeMarker = i;
                                if (found === -1) {
                                    i = j - 1;
                                }
                                break whitespaceCheck;
                        }
                    }
                }
                else if (next === '\r') {
                    comment = false;
                    escaping = true;
                    start = true;
                    if (found !== -1 && escapeMarker === -1) {
                        escapeMarker = i;
                    }
                    i += 2;
                }
                else if (next === '\n') {
                    comment = false;
                    escaping = true;
                    start = true;
                    if (found !== -1 && escapeMarker === -1) {
                        escapeMarker = i;
                    }
                    i++;
                }
                else {
                    if (escapedWhitespaceDetected && escapeMarker !== -1) {
                        args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
                        escapedArg = "";
                        found = -1;
                    }
                    escapeMarker = -1;
                    escapedWhitespaceDetected = false;
                    escaping = false;
                    if (next === '$') {
                        escapedArg = escapedArg + char + next;
                    }
                    else if (next === '') {
                        // reached EOF, stop processing
                        break;
                    }
                    else {
                        escapedArg = escapedArg + next;
                    }
                    if (found === -1) {
                        found = i;
                    }
                    i++;
                }
            }
            else if (!comment) {
                if (start && char === '#') {
                    comment = true;
                }
                else {
                    if (escapedWhitespaceDetected && escapeMarker !== -1) {
                        args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
                        escapedArg = "";
                        found = -1;
                    }
                    escapedWhitespaceDetected = false;
                    escaping = false;
                    escapeMarker = -1;
                    escapedArg = escapedArg + char;
                    if (found === -1) {
                        found = i;
                    }
                }
                // non-whitespace character detected, reset
                start = false;
            }
        }
        if (found !== -1) {
            if (escapeMarker === -1) {
                args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + fullArgs.length))));
            }
            else {
                args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
            }
        }
        return args;
    }
    getExpandedArguments() {
        let args = this.getArguments();
        for (let i = 0; i < args.length; i++) {
            const argRange = args[i].getRange();
            let offset = this.document.offsetAt(argRange.start);
            const variables = this.parseVariables(offset, args[i].getValue());
            const swaps = [];
            let requiresExpansion = false;
            for (let variable of variables) {
                const value = this.dockerfile.resolveVariable(variable.getName(), variable.getNameRange().start.line);
                swaps.push(value);
                requiresExpansion = requiresExpansion || value !== undefined;
            }
            if (requiresExpansion) {
                let expanded = "";
                for (let j = 0; j < swaps.length; j++) {
                    const variableRange = variables[j].getRange();
                    const start = this.document.offsetAt(variableRange.start);
                    const end = this.document.offsetAt(variableRange.end);
                    if (swaps[j]) {
                        // replace variable with its resolved value
                        expanded += this.document.getText().substring(offset, start);
                        expanded += swaps[j];
                        offset = end;
                    }
                    else {
                        expanded += this.document.getText().substring(offset, end);
                        offset = end;
                    }
                }
                const argEnd = this.document.offsetAt(argRange.end);
                if (argEnd !== offset) {
                    // if the variable's range doesn't match the argument,
                    // append the remaining text
                    expanded += this.document.getText().substring(offset, argEnd);
                }
                args[i] = new argument_1.Argument(expanded, argRange);
            }
        }
        return args;
    }
    getVariables() {
        const variables = [];
        const args = this.getRawArguments();
        for (const arg of args) {
            let range = arg.getRange();
            let rawValue = this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
            const parsedVariables = this.parseVariables(this.document.offsetAt(arg.getRange().start), rawValue);
            for (const parsedVariable of parsedVariables) {
                variables.push(parsedVariable);
            }
        }
        return variables;
    }
    parseVariables(offset, arg) {
        let variables = [];
        variableLoop: for (let i = 0; i < arg.length; i++) {
            switch (arg.charAt(i)) {
                case this.escapeChar:
                    if (arg.charAt(i + 1) === '$') {
                        i++;
                    }
                    break;
                case '$':
                    if (arg.charAt(i + 1) === '{') {
                        let escapedString = "${";
                        let escapedName = "";
                        let nameEnd = -1;
                        let escapedSubstitutionParameter = "";
                        let substitutionStart = -1;
                        let substitutionEnd = -1;
                        let modifierRead = -1;
                        nameLoop: for (let j = i + 2; j < arg.length; j++) {
                            let char = arg.charAt(j);
                            switch (char) {
                                case this.escapeChar:
                                    for (let k = j + 1; k < arg.length; k++) {
                                        switch (arg.charAt(k)) {
                                            case ' ':
                                            case '\t':
                                            case '\r':
                                                // ignore whitespace
                                                continue;
                                            case '\n':
                                                // escape this newline
                                                j = k;
                                                continue nameLoop;
                                        }
                                    }
                                    break;
                                case '}':
                                    escapedString += '}';
                                    let modifier = null;
                                    let modifierRange = null;
                                    let substitutionParameter = modifierRead !== -1 ? escapedSubstitutionParameter : null;
                                    let substitutionRange = null;
                                    if (nameEnd === -1) {
                                        nameEnd = j;
                                    }
                                    else if (nameEnd + 1 === j) {
                                        modifier = "";
                                        modifierRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + nameEnd + 1), this.document.positionAt(offset + nameEnd + 1));
                                    }
                                    else {
                                        if (substitutionStart === -1) {
                                            // no substitution parameter found,
                                            // but a modifier character existed,
                                            // just offset the range by 1 from
                                            // the modifier character
                                            substitutionStart = modifierRead + 1;
                                            substitutionEnd = modifierRead + 1;
                                        }
                                        else {
                                            // offset one more from the last
                                            // character found
                                            substitutionEnd = substitutionEnd + 1;
                                        }
                                        modifier = arg.substring(modifierRead, modifierRead + 1);
                                        modifierRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + modifierRead), this.document.positionAt(offset + modifierRead + 1));
                                        substitutionRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + substitutionStart), this.document.positionAt(offset + substitutionEnd));
                                    }
                                    let start = this.document.positionAt(offset + i);
                                    variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 2), this.document.positionAt(offset + nameEnd)), vscode_languageserver_types_1.Range.create(start, this.document.positionAt(offset + j + 1)), modifier, modifierRange, substitutionParameter, substitutionRange, this.dockerfile.resolveVariable(escapedName, start.line) !== undefined, this.isBuildVariable(escapedName, start.line), escapedString));
                                    i = j;
                                    continue variableLoop;
                                case ':':
                                    if (nameEnd === -1) {
                                        nameEnd = j;
                                    }
                                    else if (modifierRead !== -1) {
                                        if (substitutionStart === -1) {
                                            substitutionStart = j;
                                            substitutionEnd = j;
                                        }
                                        else {
                                            substitutionEnd = j;
                                        }
                                        escapedSubstitutionParameter += ':';
                                    }
                                    else {
                                        modifierRead = j;
                                    }
                                    escapedString += ':';
                                    break;
                                case '\n':
                                case '\r':
                                case ' ':
                                case '\t':
                                    break;
                                default:
                                    if (nameEnd === -1) {
                                        escapedName += char;
                                    }
                                    else if (modifierRead !== -1) {
                                        if (substitutionStart === -1) {
                                            substitutionStart = j;
                                            substitutionEnd = j;
                                        }
                                        else {
                                            substitutionEnd = j;
                                        }
                                        escapedSubstitutionParameter += char;
                                    }
                                    else {
                                        modifierRead = j;
                                    }
                                    escapedString += char;
                                    break;
                            }
                        }
                        // no } found, not a valid variable, stop processing
                        break variableLoop;
                    }
                    else if (util_1.Util.isWhitespace(arg.charAt(i + 1)) || i === arg.length - 1) {
                        // $ followed by whitespace or EOF, ignore this variable
                        continue;
                    }
                    else {
                        let escapedName = "";
                        nameLoop: for (let j = i + 1; j < arg.length; j++) {
                            let char = arg.charAt(j);
                            switch (char) {
                                case '\r':
                                case '\n':
                                case ' ':
                                case '\t':
                                    continue;
                                case '$':
                                case '\'':
                                case '"':
                                    let varStart = this.document.positionAt(offset + i);
                                    variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + j)), vscode_languageserver_types_1.Range.create(varStart, this.document.positionAt(offset + j)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, varStart.line) !== undefined, this.isBuildVariable(escapedName, varStart.line), '$' + escapedName));
                                    i = j - 1;
                                    continue variableLoop;
                                case this.escapeChar:
                                    for (let k = j + 1; k < arg.length; k++) {
                                        switch (arg.charAt(k)) {
                                            case ' ':
                                            case '\t':
                                            case '\r':
                                                // ignore whitespace
                                                continue;
                                            case '\n':
                                                // escape this newline
                                                j = k;
                                                continue nameLoop;
                                        }
                                    }
                                    // reached EOF after an escape character
                                    let start = this.document.positionAt(offset + i);
                                    variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + j)), vscode_languageserver_types_1.Range.create(start, this.document.positionAt(offset + j)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, start.line) !== undefined, this.isBuildVariable(escapedName, start.line), '$' + escapedName));
                                    break variableLoop;
                            }
                            if (char.match(/^[a-z0-9_]+$/i) === null) {
                                let varStart = this.document.positionAt(offset + i);
                                variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + j)), vscode_languageserver_types_1.Range.create(varStart, this.document.positionAt(offset + j)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, varStart.line) !== undefined, this.isBuildVariable(escapedName, varStart.line), '$' + escapedName));
                                i = j - 1;
                                continue variableLoop;
                            }
                            escapedName += char;
                        }
                        let start = this.document.positionAt(offset + i);
                        variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + arg.length)), vscode_languageserver_types_1.Range.create(start, this.document.positionAt(offset + arg.length)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, start.line) !== undefined, this.isBuildVariable(escapedName, start.line), '$' + escapedName));
                    }
                    break variableLoop;
            }
        }
        return variables;
    }
    isBuildVariable(variable, line) {
        if (this.getKeyword() === main_1.Keyword.FROM) {
            for (const initialArg of this.dockerfile.getInitialARGs()) {
                const arg = initialArg;
                const property = arg.getProperty();
                if (property && variable === property.getName()) {
                    return true;
                }
            }
            return undefined;
        }
        let image = this.dockerfile.getContainingImage(vscode_languageserver_types_1.Position.create(line, 0));
        let envs = image.getENVs();
        for (let i = envs.length - 1; i >= 0; i--) {
            if (envs[i].isBefore(line)) {
                for (let property of envs[i].getProperties()) {
                    if (property.getName() === variable) {
                        return false;
                    }
                }
            }
        }
        let args = image.getARGs();
        for (let i = args.length - 1; i >= 0; i--) {
            if (args[i].isBefore(line)) {
                let property = args[i].getProperty();
                if (property && property.getName() === variable) {
                    return true;
                }
            }
        }
        return undefined;
    }
    createSingleLineHeredocs(args) {
        const heredocs = [];
        // instruction only on one line, if heredocs exist they would be incomplete
        for (const arg of args) {
            const value = arg.getValue();
            if (value.startsWith("<<") && util_1.Util.parseHeredocName(value) !== null) {
                const startRange = arg.getRange();
                const nameRange = this.getNameRange(startRange);
                const name = this.getName(nameRange);
                heredocs.push(new heredoc_1.Heredoc(startRange, name, nameRange, null, null));
            }
        }
        return heredocs;
    }
    getName(nameRange) {
        const content = this.document.getText(nameRange);
        let escaping = false;
        let name = "";
        nameLoop: for (let i = 0; i < content.length; i++) {
            const ch = content.charAt(i);
            switch (ch) {
                case this.escapeChar:
                    escaping = true;
                    for (let j = i + 1; j < content.length; j++) {
                        switch (content.charAt(j)) {
                            case ' ':
                            case '\t':
                                break;
                            case '\r':
                                i = j + 1;
                                continue nameLoop;
                            case '\n':
                                i = j;
                                continue nameLoop;
                            default:
                                name += content.charAt(j);
                                i = j;
                                continue nameLoop;
                        }
                    }
                    break;
                case '#':
                    if (escaping) {
                        for (let j = i + 1; j < content.length; j++) {
                            switch (content.charAt(j)) {
                                case '\n':
                                    i = j;
                                    continue nameLoop;
                            }
                        }
                    }
                case ' ':
                case '\t':
                case '\r':
                case '\n':
                    if (escaping) {
                        break;
                    }
                default:
                    name += ch;
                    break;
            }
        }
        return name;
    }
    getNameRange(startRange) {
        const content = this.document.getText(startRange);
        let endFound = false;
        let searchHyphen = false;
        let start = -1;
        let end = -1;
        let escaping = false;
        let quote = null;
        contentLoop: for (let i = 0; i < content.length; i++) {
            const ch = content.charAt(i);
            switch (ch) {
                case '"':
                case '\'':
                    if (quote === ch) {
                        break contentLoop;
                    }
                    quote = ch;
                    continue;
                case this.escapeChar:
                    for (let j = i + 1; j < content.length; j++) {
                        switch (content.charAt(j)) {
                            case '\n':
                                escaping = true;
                                j = i;
                                continue contentLoop;
                        }
                    }
                    break;
                case ' ':
                case '\t':
                case '\r':
                case '\n':
                    break;
                case '<':
                    if (endFound) {
                        searchHyphen = true;
                    }
                    else {
                        endFound = true;
                    }
                    break;
                case '-':
                    if (searchHyphen) {
                        searchHyphen = false;
                        break;
                    }
                case '#':
                    if (escaping) {
                        for (let j = i + 1; j < content.length; j++) {
                            switch (content.charAt(j)) {
                                case '\n':
                                    i = j;
                                    continue contentLoop;
                            }
                        }
                    }
                default:
                    if (start === -1) {
                        start = i;
                    }
                    if (quote !== null) {
                        end = i + 1;
                        break;
                    }
                    break contentLoop;
            }
        }
        if (start === -1) {
            return vscode_languageserver_types_1.Range.create(startRange.end, startRange.end);
        }
        const nameStart = this.document.positionAt(this.document.offsetAt(startRange.start) + start);
        const nameEnd = quote !== null ? this.document.positionAt(this.document.offsetAt(startRange.start) + end) : startRange.end;
        return vscode_languageserver_types_1.Range.create(nameStart, nameEnd);
    }
    getHeredocs() {
        const args = this.getArguments();
        if (args.length === 0) {
            return [];
        }
        const heredocs = [];
        const range = this.getRange();
        if (range.start.line === range.end.line) {
            // instruction only on one line, if heredocs exist they would be incomplete
            return this.createSingleLineHeredocs(args);
        }
        const heredocDefinitions = [];
        let heredocsProcessed = false;
        let escaping = false;
        let contentStart = -1;
        let contentEnd = -1;
        let lineStart = -1;
        let currentHeredoc = 0;
        const startOffset = this.document.offsetAt(args[0].getRange().start);
        const content = this.getRangeContent(vscode_languageserver_types_1.Range.create(args[0].getRange().start, this.getRange().end));
        contentLoop: for (let i = 0; i < content.length; i++) {
            switch (content.charAt(i)) {
                case this.escapeChar:
                    escaping = true;
                    for (let j = i + 1; j < content.length; j++) {
                        switch (content.charAt(j)) {
                            case ' ':
                            case '\t':
                                break;
                            case '\r':
                                j++;
                            case '\n':
                                i = j;
                                continue contentLoop;
                            default:
                                i = j;
                                continue contentLoop;
                        }
                    }
                    break;
                case '\r':
                    break;
                case '\n':
                    if (escaping) {
                        break;
                    }
                    if (heredocsProcessed) {
                        if (contentStart === -1) {
                            contentStart = i;
                        }
                        contentEnd = i;
                        const arg = heredocDefinitions[currentHeredoc];
                        const startRange = arg.getRange();
                        const nameRange = this.getNameRange(startRange);
                        const name = this.getName(nameRange);
                        const delimiterRange = this.getDelimiterRange(arg, name, vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + lineStart), this.document.positionAt(startOffset + i)));
                        if (delimiterRange !== null) {
                            const contentRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + contentStart), this.document.positionAt(startOffset + lineStart - 1));
                            heredocs.push(new heredoc_1.Heredoc(startRange, name, nameRange, contentRange, delimiterRange));
                            contentStart = -1;
                            currentHeredoc++;
                        }
                        lineStart = -1;
                    }
                    else {
                        // found a newline that hasn't been escaped,
                        // must be in a heredoc
                        const offsetLimit = startOffset + i;
                        for (const arg of args) {
                            // check if this argument is on the initial line of the instruction,
                            // note that it may not all be on the same line due to escaped newlines,
                            // because of that we need to use offset checks instead of line checks
                            // as an argument being on a different line in the document does not
                            // imply it is on a different line from the Dockerfile's point of view
                            if (this.document.offsetAt(arg.getRange().start) < offsetLimit) {
                                if (arg.getValue().startsWith("<<")) {
                                    heredocDefinitions.push(arg);
                                }
                            }
                            else {
                                break;
                            }
                        }
                        heredocsProcessed = true;
                        lineStart = -1;
                        continue contentLoop;
                    }
                    break;
                case ' ':
                case '\t':
                    if (escaping) {
                        break;
                    }
                case '#':
                    if (escaping) {
                        for (let j = i + 1; j < content.length; j++) {
                            switch (content.charAt(j)) {
                                case '\n':
                                    i = j;
                                    continue contentLoop;
                            }
                        }
                    }
                default:
                    if (escaping) {
                        escaping = false;
                    }
                    if (heredocsProcessed) {
                        if (contentStart === -1) {
                            contentStart = i;
                        }
                        if (lineStart === -1) {
                            lineStart = i;
                        }
                    }
                    break;
            }
        }
        if (heredocsProcessed) {
            const arg = heredocDefinitions[currentHeredoc];
            const startRange = arg.getRange();
            const nameRange = this.getNameRange(startRange);
            const name = this.getName(nameRange);
            let contentRange = null;
            // check if the last line of this instruction matches the name of the last heredoc
            const delimiterRange = this.getDelimiterRange(arg, name, vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + lineStart), range.end));
            if (delimiterRange === null) {
                contentRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + contentStart), range.end);
            }
            else if (contentEnd !== -1) {
                contentRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + contentStart), this.document.positionAt(startOffset + contentEnd));
            }
            heredocs.push(new heredoc_1.Heredoc(startRange, name, nameRange, contentRange, delimiterRange));
            currentHeredoc++;
            for (let i = currentHeredoc; i < heredocDefinitions.length; i++) {
                const arg = heredocDefinitions[currentHeredoc];
                const startRange = arg.getRange();
                const nameRange = this.getNameRange(startRange);
                const name = this.getName(nameRange);
                heredocs.push(new heredoc_1.Heredoc(startRange, name, nameRange, null, null));
                currentHeredoc++;
            }
        }
        else {
            // instruction only on one line, if heredocs exist they would be incomplete
            return this.createSingleLineHeredocs(args);
        }
        return heredocs;
    }
    getDelimiterRange(startArg, name, candidateRange) {
        const text = this.document.getText(candidateRange);
        if (startArg.getValue().startsWith("<<-")) {
            // remove tabs in the front
            let index = 0;
            while (text.charAt(index) === '\t') {
                index++;
            }
            if (text.substring(index) === name) {
                return vscode_languageserver_types_1.Range.create(vscode_languageserver_types_1.Position.create(candidateRange.start.line, index), candidateRange.end);
            }
            return null;
        }
        return text === name ? candidateRange : null;
    }
}
exports.Instruction = Instruction;


/***/ }),

/***/ 3410:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Add = void 0;
const jsonInstruction_1 = __nccwpck_require__(7529);
class Add extends jsonInstruction_1.JSONInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
    }
}
exports.Add = Add;


/***/ }),

/***/ 5805:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Arg = void 0;
const property_1 = __nccwpck_require__(3122);
const propertyInstruction_1 = __nccwpck_require__(7512);
class Arg extends propertyInstruction_1.PropertyInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
        this.property = null;
        const args = this.getPropertyArguments();
        if (args.length === 1) {
            this.property = new property_1.Property(this.document, this.escapeChar, args[0]);
        }
        else {
            this.property = null;
        }
    }
    /**
     * Returns the variable defined by this ARG. This may be null if
     * this ARG instruction is malformed and has no variable
     * declaration.
     */
    getProperty() {
        return this.property;
    }
}
exports.Arg = Arg;


/***/ }),

/***/ 9709:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Cmd = void 0;
const jsonInstruction_1 = __nccwpck_require__(7529);
class Cmd extends jsonInstruction_1.JSONInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
}
exports.Cmd = Cmd;


/***/ }),

/***/ 6284:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Copy = void 0;
const jsonInstruction_1 = __nccwpck_require__(7529);
class Copy extends jsonInstruction_1.JSONInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
    }
    getFromFlag() {
        let flags = super.getFlags();
        return flags.length === 1 && flags[0].getName() === "from" ? flags[0] : null;
    }
    /**
     * Returns there here-documents that are defined in this RUN
     * instruction.
     *
     * This API is experimental and subject to change.
     */
    getHeredocs() {
        return super.getHeredocs();
    }
}
exports.Copy = Copy;


/***/ }),

/***/ 971:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Entrypoint = void 0;
const jsonInstruction_1 = __nccwpck_require__(7529);
class Entrypoint extends jsonInstruction_1.JSONInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
}
exports.Entrypoint = Entrypoint;


/***/ }),

/***/ 2190:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Env = void 0;
const propertyInstruction_1 = __nccwpck_require__(7512);
class Env extends propertyInstruction_1.PropertyInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    getProperties() {
        return super.getProperties();
    }
}
exports.Env = Env;


/***/ }),

/***/ 353:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.From = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(7300);
const modifiableInstruction_1 = __nccwpck_require__(9481);
class From extends modifiableInstruction_1.ModifiableInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
    }
    getImage() {
        const args = this.getArguments();
        return args.length > 0 ? args[0].getValue() : null;
    }
    /**
     * Returns the name of the image that will be used as the base image.
     *
     * @return the base image's name, or null if unspecified
     */
    getImageName() {
        const imageName = this.getRangeContent(this.getImageNameRange());
        if (imageName === null) {
            return null;
        }
        let commented = false;
        let escaped = false;
        let name = "";
        for (let i = 0; i < imageName.length; i++) {
            const ch = imageName.charAt(i);
            switch (ch) {
                case this.escapeChar:
                    escaped = true;
                    break;
                case '\r':
                    continue;
                case '\n':
                    commented = false;
                    break;
                case ' ':
                case '\t':
                    break;
                case '#':
                    if (escaped) {
                        commented = true;
                    }
                    else {
                        name = name + ch;
                        escaped = false;
                    }
                    break;
                default:
                    if (!commented) {
                        name = name + ch;
                        escaped = false;
                    }
                    break;
            }
        }
        return name;
    }
    /**
     * Returns the range that covers the name of the image used by
     * this instruction.
     *
     * @return the range of the name of this instruction's argument,
     *         or null if no image has been specified
     */
    getImageNameRange() {
        let range = this.getImageRange();
        if (range) {
            let registryRange = this.getRegistryRange();
            if (registryRange) {
                range.start = this.document.positionAt(this.document.offsetAt(registryRange.end) + 1);
            }
            let tagRange = this.getImageTagRange();
            let digestRange = this.getImageDigestRange();
            if (tagRange === null) {
                if (digestRange !== null) {
                    range.end = this.document.positionAt(this.document.offsetAt(digestRange.start) - 1);
                }
            }
            else {
                range.end = this.document.positionAt(this.document.offsetAt(tagRange.start) - 1);
            }
            return range;
        }
        return null;
    }
    /**
     * Returns the range that covers the image argument of this
     * instruction. This includes the tag or digest of the image if
     * it has been specified by the instruction.
     *
     * @return the range of the image argument, or null if no image
     *         has been specified
     */
    getImageRange() {
        let args = this.getArguments();
        return args.length !== 0 ? args[0].getRange() : null;
    }
    getImageTag() {
        return this.getRangeContent(this.getImageTagRange());
    }
    /**
     * Returns the range in the document that the tag of the base
     * image encompasses.
     *
     * @return the base image's tag's range in the document, or null
     *         if no tag has been specified
     */
    getImageTagRange() {
        const range = this.getImageRange();
        if (range) {
            const rangeStartOffset = this.document.offsetAt(range.start);
            const content = this.getRangeContent(range);
            const atIndex = this.indexOf(rangeStartOffset, content, '@');
            const slashIndex = content.indexOf('/');
            if (atIndex === -1) {
                const colonIndex = this.lastIndexOf(rangeStartOffset, content, ':');
                if (colonIndex > slashIndex) {
                    return vscode_languageserver_types_1.Range.create(this.document.positionAt(rangeStartOffset + colonIndex + 1), range.end);
                }
            }
            const subcontent = content.substring(0, atIndex);
            const subcolonIndex = subcontent.indexOf(':');
            if (subcolonIndex === -1) {
                return null;
            }
            if (slashIndex === -1) {
                // slash not found suggests no registry and no namespace defined
                return vscode_languageserver_types_1.Range.create(this.document.positionAt(rangeStartOffset + subcolonIndex + 1), this.document.positionAt(rangeStartOffset + atIndex));
            }
            // both colon and slash found, check if it is a port
            if (subcolonIndex < slashIndex) {
                return null;
            }
            return vscode_languageserver_types_1.Range.create(this.document.positionAt(rangeStartOffset + subcolonIndex + 1), this.document.positionAt(rangeStartOffset + subcontent.length));
        }
        return null;
    }
    getImageDigest() {
        return this.getRangeContent(this.getImageDigestRange());
    }
    /**
     * Returns the range in the document that the digest of the base
     * image encompasses.
     *
     * @return the base image's digest's range in the document, or null
     *         if no digest has been specified
     */
    getImageDigestRange() {
        let range = this.getImageRange();
        if (range) {
            let content = this.getRangeContent(range);
            let index = this.lastIndexOf(this.document.offsetAt(range.start), content, '@');
            if (index !== -1) {
                return vscode_languageserver_types_1.Range.create(range.start.line, range.start.character + index + 1, range.end.line, range.end.character);
            }
        }
        return null;
    }
    indexOf(documentOffset, content, searchString) {
        let index = content.indexOf(searchString);
        const variables = this.getVariables();
        for (let i = 0; i < variables.length; i++) {
            const position = documentOffset + index;
            const variableRange = variables[i].getRange();
            if (this.document.offsetAt(variableRange.start) < position && position < this.document.offsetAt(variableRange.end)) {
                const offset = this.document.offsetAt(variableRange.end) - documentOffset;
                const substring = content.substring(offset);
                const subIndex = substring.indexOf(searchString);
                if (subIndex === -1) {
                    return -1;
                }
                index = subIndex + offset;
                i = -1;
                continue;
            }
        }
        return index;
    }
    lastIndexOf(documentOffset, content, searchString) {
        let index = content.lastIndexOf(searchString);
        const variables = this.getVariables();
        for (let i = 0; i < variables.length; i++) {
            const position = documentOffset + index;
            const variableRange = variables[i].getRange();
            if (this.document.offsetAt(variableRange.start) < position && position < this.document.offsetAt(variableRange.end)) {
                index = content.substring(0, index).lastIndexOf(searchString);
                if (index === -1) {
                    return -1;
                }
                i = -1;
                continue;
            }
        }
        return index;
    }
    getRegistry() {
        return this.getRangeContent(this.getRegistryRange());
    }
    getRegistryRange() {
        const range = this.getImageRange();
        if (range) {
            const tagRange = this.getImageTagRange();
            const digestRange = this.getImageDigestRange();
            if (tagRange === null) {
                if (digestRange !== null) {
                    range.end = this.document.positionAt(this.document.offsetAt(digestRange.start) - 1);
                }
            }
            else {
                range.end = this.document.positionAt(this.document.offsetAt(tagRange.start) - 1);
            }
            const content = this.getRangeContent(range);
            const rangeStart = this.document.offsetAt(range.start);
            const startingSlashIndex = this.indexOf(rangeStart, content, '/');
            if (startingSlashIndex === -1) {
                return null;
            }
            const portIndex = this.indexOf(rangeStart, content, ':');
            const dotIndex = this.indexOf(rangeStart, content, '.');
            // hostname detected
            if (portIndex !== -1 || dotIndex !== -1) {
                return vscode_languageserver_types_1.Range.create(range.start, this.document.positionAt(rangeStart + startingSlashIndex));
            }
            const registry = content.substring(0, startingSlashIndex);
            // localhost registry detected
            if (registry === 'localhost') {
                return vscode_languageserver_types_1.Range.create(range.start, this.document.positionAt(rangeStart + startingSlashIndex));
            }
        }
        return null;
    }
    getBuildStage() {
        let range = this.getBuildStageRange();
        return range === null ? null : this.getRangeContent(range);
    }
    getBuildStageRange() {
        let args = this.getArguments();
        if (args.length > 2 && args[1].getValue().toUpperCase() === "AS") {
            return args[2].getRange();
        }
        return null;
    }
    getPlatformFlag() {
        let flags = super.getFlags();
        return flags.length === 1 && flags[0].getName() === "platform" ? flags[0] : null;
    }
}
exports.From = From;


/***/ }),

/***/ 5455:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Healthcheck = void 0;
const modifiableInstruction_1 = __nccwpck_require__(9481);
class Healthcheck extends modifiableInstruction_1.ModifiableInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    stopSearchingForFlags(argument) {
        argument = argument.toUpperCase();
        return argument === "CMD" || argument === "NONE";
    }
    getSubcommand() {
        let args = this.getArguments();
        return args.length !== 0 ? args[0] : null;
    }
}
exports.Healthcheck = Healthcheck;


/***/ }),

/***/ 575:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Label = void 0;
const propertyInstruction_1 = __nccwpck_require__(7512);
const util_1 = __nccwpck_require__(7987);
class Label extends propertyInstruction_1.PropertyInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    getVariables() {
        const variables = super.getVariables();
        const properties = this.getProperties();
        // iterate over all of this LABEL's properties
        for (const property of properties) {
            const value = property.getUnescapedValue();
            // check if the value is contained in single quotes,
            // single quotes would indicate a literal value
            if (value !== null && value.length > 2 && value.charAt(0) === '\'' && value.charAt(value.length - 1) === '\'') {
                const range = property.getValueRange();
                for (let i = 0; i < variables.length; i++) {
                    // if a variable is in a single quote, remove it from the list
                    if (util_1.Util.isInsideRange(variables[i].getRange().start, range)) {
                        variables.splice(i, 1);
                        i--;
                    }
                }
            }
        }
        return variables;
    }
    getProperties() {
        return super.getProperties();
    }
}
exports.Label = Label;


/***/ }),

/***/ 4642:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Onbuild = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(7300);
const parser_1 = __nccwpck_require__(3652);
const instruction_1 = __nccwpck_require__(1711);
class Onbuild extends instruction_1.Instruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    getTrigger() {
        let trigger = this.getTriggerWord();
        return trigger === null ? null : trigger.toUpperCase();
    }
    getTriggerWord() {
        return this.getRangeContent(this.getTriggerRange());
    }
    getTriggerRange() {
        let args = this.getArguments();
        return args.length > 0 ? args[0].getRange() : null;
    }
    getTriggerInstruction() {
        let triggerRange = this.getTriggerRange();
        if (triggerRange === null) {
            return null;
        }
        let args = this.getArguments();
        return parser_1.Parser.createInstruction(this.document, this.dockerfile, this.escapeChar, vscode_languageserver_types_1.Range.create(args[0].getRange().start, this.getRange().end), this.getTriggerWord(), triggerRange);
    }
}
exports.Onbuild = Onbuild;


/***/ }),

/***/ 3832:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Run = void 0;
const jsonInstruction_1 = __nccwpck_require__(7529);
class Run extends jsonInstruction_1.JSONInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
    }
    /**
     * Returns there here-documents that are defined in this RUN
     * instruction.
     *
     * This API is experimental and subject to change.
     */
    getHeredocs() {
        return super.getHeredocs();
    }
}
exports.Run = Run;


/***/ }),

/***/ 2995:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Shell = void 0;
const jsonInstruction_1 = __nccwpck_require__(7529);
class Shell extends jsonInstruction_1.JSONInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
}
exports.Shell = Shell;


/***/ }),

/***/ 5277:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Stopsignal = void 0;
const instruction_1 = __nccwpck_require__(1711);
class Stopsignal extends instruction_1.Instruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
}
exports.Stopsignal = Stopsignal;


/***/ }),

/***/ 862:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.User = void 0;
const instruction_1 = __nccwpck_require__(1711);
class User extends instruction_1.Instruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
}
exports.User = User;


/***/ }),

/***/ 1379:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Volume = void 0;
const jsonInstruction_1 = __nccwpck_require__(7529);
class Volume extends jsonInstruction_1.JSONInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
}
exports.Volume = Volume;


/***/ }),

/***/ 2713:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Workdir = void 0;
const instruction_1 = __nccwpck_require__(1711);
class Workdir extends instruction_1.Instruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    /**
     * Returns the path that has been defined. Note that this path may
     * be absolute or relative depending on what was written in the
     * instruction.
     *
     * @return the working directory's path, or null if this
     *         instruction has no arguments
     */
    getPath() {
        return this.getArgumentsContent();
    }
    /**
     * Returns the absolute path that this instruction resolves to. The
     * function will inspect prior WORKDIR instructions in the current
     * image or another build stage in the Dockerfile to try to
     * determine this.
     *
     * @return the absolute path of the working directory, or null if
     *         this instruction has no arguments, or undefined if it
     *         cannot be determined because only relative paths could be
     *         found
     */
    getAbsolutePath() {
        const path = this.getPath();
        if (path === null || path.startsWith("/")) {
            return path;
        }
        const startLine = this.getRange().start.line;
        const hierarchy = this.dockerfile.getStageHierarchy(startLine);
        for (let i = hierarchy.length - 1; i >= 0; i--) {
            const workdirs = hierarchy[i].getWORKDIRs();
            for (let j = workdirs.length - 1; j >= 0; j--) {
                if (workdirs[j].getRange().start.line < startLine) {
                    const parent = workdirs[j].getAbsolutePath();
                    if (parent === undefined || parent === null) {
                        return undefined;
                    }
                    return parent.endsWith("/") ? parent + path : parent + "/" + path;
                }
            }
        }
        return undefined;
    }
}
exports.Workdir = Workdir;


/***/ }),

/***/ 5222:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.JSONArgument = void 0;
const argument_1 = __nccwpck_require__(3492);
class JSONArgument extends argument_1.Argument {
    constructor(value, range, jsonRange) {
        super(value, range);
        this.jsonRange = jsonRange;
    }
    getJSONRange() {
        return this.jsonRange;
    }
    getJSONValue() {
        let value = super.getValue();
        value = value.substring(1, value.length - 1);
        return value;
    }
}
exports.JSONArgument = JSONArgument;


/***/ }),

/***/ 7529:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.JSONInstruction = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(7300);
const argument_1 = __nccwpck_require__(3492);
const jsonArgument_1 = __nccwpck_require__(5222);
const modifiableInstruction_1 = __nccwpck_require__(9481);
class JSONInstruction extends modifiableInstruction_1.ModifiableInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
        this.openingBracket = null;
        this.closingBracket = null;
        this.jsonStrings = [];
        const argsContent = this.getRawArgumentsContent();
        if (argsContent === null) {
            return;
        }
        const args = this.getArguments();
        if (args.length === 1 && args[0].getValue() === "[]") {
            let argRange = args[0].getRange();
            this.openingBracket = new argument_1.Argument("[", vscode_languageserver_types_1.Range.create(argRange.start.line, argRange.start.character, argRange.start.line, argRange.start.character + 1));
            this.closingBracket = new argument_1.Argument("]", vscode_languageserver_types_1.Range.create(argRange.start.line, argRange.start.character + 1, argRange.end.line, argRange.end.character));
            return;
        }
        else if (args.length === 2 && args[0].getValue() === '[' && args[1].getValue() === ']') {
            this.openingBracket = args[0];
            this.closingBracket = args[1];
            return;
        }
        const argsOffset = document.offsetAt(this.getArgumentsRange().start);
        let start = -1;
        let last = "";
        let quoted = false;
        let escapedArg = "";
        argsCheck: for (let i = 0; i < argsContent.length; i++) {
            let char = argsContent.charAt(i);
            switch (char) {
                case '[':
                    if (last === "") {
                        this.openingBracket = new argument_1.Argument("[", vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + i), document.positionAt(argsOffset + i + 1)));
                        last = '[';
                    }
                    else if (quoted) {
                        escapedArg = escapedArg + char;
                    }
                    else {
                        break argsCheck;
                    }
                    break;
                case '"':
                    if (last === '[' || last === ',') {
                        start = i;
                        quoted = true;
                        last = '"';
                        escapedArg = escapedArg + char;
                        continue;
                    }
                    else if (last === '"') {
                        if (quoted) {
                            escapedArg = escapedArg + char;
                            // quoted string done
                            quoted = false;
                            this.jsonStrings.push(new jsonArgument_1.JSONArgument(escapedArg, vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + start), document.positionAt(argsOffset + i + 1)), vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + start + 1), document.positionAt(argsOffset + i))));
                            escapedArg = "";
                        }
                        else {
                            // should be a , or a ]
                            break argsCheck;
                        }
                    }
                    else {
                        break argsCheck;
                    }
                    break;
                case ',':
                    if (quoted) {
                        escapedArg = escapedArg + char;
                    }
                    else {
                        if (last === '"') {
                            last = ',';
                        }
                        else {
                            break argsCheck;
                        }
                    }
                    break;
                case ']':
                    if (quoted) {
                        escapedArg = escapedArg + char;
                    }
                    else if (last !== "") {
                        this.closingBracket = new argument_1.Argument("]", vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + i), document.positionAt(argsOffset + i + 1)));
                        break argsCheck;
                    }
                    break;
                case ' ':
                case '\t':
                    break;
                case '\\':
                    if (quoted) {
                        switch (argsContent.charAt(i + 1)) {
                            case '"':
                            case '\\':
                                escapedArg = escapedArg + argsContent.charAt(i + 1);
                                i++;
                                continue;
                            case ' ':
                            case '\t':
                                escapeCheck: for (let j = i + 2; j < argsContent.length; j++) {
                                    switch (argsContent.charAt(j)) {
                                        case '\r':
                                            // offset one more for \r\n
                                            j++;
                                        case '\n':
                                            i = j;
                                            continue argsCheck;
                                        case ' ':
                                        case '\t':
                                            break;
                                        default:
                                            break escapeCheck;
                                    }
                                }
                                break;
                            case '\r':
                                // offset one more for \r\n
                                i++;
                            default:
                                i++;
                                continue;
                        }
                    }
                    else {
                        escapeCheck: for (let j = i + 1; j < argsContent.length; j++) {
                            switch (argsContent.charAt(j)) {
                                case '\r':
                                    // offset one more for \r\n
                                    j++;
                                case '\n':
                                    i = j;
                                    continue argsCheck;
                                case ' ':
                                case '\t':
                                    break;
                                default:
                                    break escapeCheck;
                            }
                        }
                    }
                    break argsCheck;
                default:
                    if (!quoted) {
                        break argsCheck;
                    }
                    escapedArg = escapedArg + char;
                    break;
            }
        }
    }
    stopSearchingForFlags(_value) {
        return true;
    }
    getOpeningBracket() {
        return this.openingBracket;
    }
    getJSONStrings() {
        return this.jsonStrings;
    }
    getClosingBracket() {
        return this.closingBracket;
    }
}
exports.JSONInstruction = JSONInstruction;


/***/ }),

/***/ 2717:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Line = void 0;
class Line {
    constructor(document, range) {
        this.document = document;
        this.range = range;
    }
    getRange() {
        return this.range;
    }
    getTextContent() {
        return this.document.getText().substring(this.document.offsetAt(this.range.start), this.document.offsetAt(this.range.end));
    }
    isAfter(line) {
        return this.range.start.line > line.range.start.line;
    }
    isBefore(line) {
        return this.range.start.line < line;
    }
}
exports.Line = Line;


/***/ }),

/***/ 5302:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.DockerfileParser = exports.DefaultVariables = exports.Directive = exports.Keyword = exports.Workdir = exports.Volume = exports.User = exports.Stopsignal = exports.Shell = exports.Run = exports.PropertyInstruction = exports.Onbuild = exports.ModifiableInstruction = exports.Label = exports.JSONInstruction = exports.Heredoc = exports.Healthcheck = exports.From = exports.Env = exports.Entrypoint = exports.Copy = exports.Cmd = exports.Arg = exports.Add = exports.Variable = exports.Property = exports.ParserDirective = exports.Line = exports.Instruction = exports.Flag = exports.Comment = exports.JSONArgument = exports.Argument = void 0;
var argument_1 = __nccwpck_require__(3492);
Object.defineProperty(exports, "Argument", ({ enumerable: true, get: function () { return argument_1.Argument; } }));
var jsonArgument_1 = __nccwpck_require__(5222);
Object.defineProperty(exports, "JSONArgument", ({ enumerable: true, get: function () { return jsonArgument_1.JSONArgument; } }));
const comment_1 = __nccwpck_require__(3158);
Object.defineProperty(exports, "Comment", ({ enumerable: true, get: function () { return comment_1.Comment; } }));
const parser_1 = __nccwpck_require__(3652);
var flag_1 = __nccwpck_require__(8293);
Object.defineProperty(exports, "Flag", ({ enumerable: true, get: function () { return flag_1.Flag; } }));
const instruction_1 = __nccwpck_require__(1711);
Object.defineProperty(exports, "Instruction", ({ enumerable: true, get: function () { return instruction_1.Instruction; } }));
var line_1 = __nccwpck_require__(2717);
Object.defineProperty(exports, "Line", ({ enumerable: true, get: function () { return line_1.Line; } }));
const parserDirective_1 = __nccwpck_require__(3307);
Object.defineProperty(exports, "ParserDirective", ({ enumerable: true, get: function () { return parserDirective_1.ParserDirective; } }));
var property_1 = __nccwpck_require__(3122);
Object.defineProperty(exports, "Property", ({ enumerable: true, get: function () { return property_1.Property; } }));
var variable_1 = __nccwpck_require__(3023);
Object.defineProperty(exports, "Variable", ({ enumerable: true, get: function () { return variable_1.Variable; } }));
var add_1 = __nccwpck_require__(3410);
Object.defineProperty(exports, "Add", ({ enumerable: true, get: function () { return add_1.Add; } }));
const arg_1 = __nccwpck_require__(5805);
Object.defineProperty(exports, "Arg", ({ enumerable: true, get: function () { return arg_1.Arg; } }));
const cmd_1 = __nccwpck_require__(9709);
Object.defineProperty(exports, "Cmd", ({ enumerable: true, get: function () { return cmd_1.Cmd; } }));
const copy_1 = __nccwpck_require__(6284);
Object.defineProperty(exports, "Copy", ({ enumerable: true, get: function () { return copy_1.Copy; } }));
const entrypoint_1 = __nccwpck_require__(971);
Object.defineProperty(exports, "Entrypoint", ({ enumerable: true, get: function () { return entrypoint_1.Entrypoint; } }));
const env_1 = __nccwpck_require__(2190);
Object.defineProperty(exports, "Env", ({ enumerable: true, get: function () { return env_1.Env; } }));
const from_1 = __nccwpck_require__(353);
Object.defineProperty(exports, "From", ({ enumerable: true, get: function () { return from_1.From; } }));
const healthcheck_1 = __nccwpck_require__(5455);
Object.defineProperty(exports, "Healthcheck", ({ enumerable: true, get: function () { return healthcheck_1.Healthcheck; } }));
var heredoc_1 = __nccwpck_require__(9903);
Object.defineProperty(exports, "Heredoc", ({ enumerable: true, get: function () { return heredoc_1.Heredoc; } }));
var jsonInstruction_1 = __nccwpck_require__(7529);
Object.defineProperty(exports, "JSONInstruction", ({ enumerable: true, get: function () { return jsonInstruction_1.JSONInstruction; } }));
var label_1 = __nccwpck_require__(575);
Object.defineProperty(exports, "Label", ({ enumerable: true, get: function () { return label_1.Label; } }));
var modifiableInstruction_1 = __nccwpck_require__(9481);
Object.defineProperty(exports, "ModifiableInstruction", ({ enumerable: true, get: function () { return modifiableInstruction_1.ModifiableInstruction; } }));
var onbuild_1 = __nccwpck_require__(4642);
Object.defineProperty(exports, "Onbuild", ({ enumerable: true, get: function () { return onbuild_1.Onbuild; } }));
var propertyInstruction_1 = __nccwpck_require__(7512);
Object.defineProperty(exports, "PropertyInstruction", ({ enumerable: true, get: function () { return propertyInstruction_1.PropertyInstruction; } }));
var run_1 = __nccwpck_require__(3832);
Object.defineProperty(exports, "Run", ({ enumerable: true, get: function () { return run_1.Run; } }));
var shell_1 = __nccwpck_require__(2995);
Object.defineProperty(exports, "Shell", ({ enumerable: true, get: function () { return shell_1.Shell; } }));
var stopsignal_1 = __nccwpck_require__(5277);
Object.defineProperty(exports, "Stopsignal", ({ enumerable: true, get: function () { return stopsignal_1.Stopsignal; } }));
var user_1 = __nccwpck_require__(862);
Object.defineProperty(exports, "User", ({ enumerable: true, get: function () { return user_1.User; } }));
var volume_1 = __nccwpck_require__(1379);
Object.defineProperty(exports, "Volume", ({ enumerable: true, get: function () { return volume_1.Volume; } }));
const workdir_1 = __nccwpck_require__(2713);
Object.defineProperty(exports, "Workdir", ({ enumerable: true, get: function () { return workdir_1.Workdir; } }));
var Keyword;
(function (Keyword) {
    Keyword["ADD"] = "ADD";
    Keyword["ARG"] = "ARG";
    Keyword["CMD"] = "CMD";
    Keyword["COPY"] = "COPY";
    Keyword["ENTRYPOINT"] = "ENTRYPOINT";
    Keyword["ENV"] = "ENV";
    Keyword["EXPOSE"] = "EXPOSE";
    Keyword["FROM"] = "FROM";
    Keyword["HEALTHCHECK"] = "HEALTHCHECK";
    Keyword["LABEL"] = "LABEL";
    Keyword["MAINTAINER"] = "MAINTAINER";
    Keyword["ONBUILD"] = "ONBUILD";
    Keyword["RUN"] = "RUN";
    Keyword["SHELL"] = "SHELL";
    Keyword["STOPSIGNAL"] = "STOPSIGNAL";
    Keyword["USER"] = "USER";
    Keyword["VOLUME"] = "VOLUME";
    Keyword["WORKDIR"] = "WORKDIR";
})(Keyword || (exports.Keyword = Keyword = {}));
var Directive;
(function (Directive) {
    Directive["escape"] = "escape";
    Directive["syntax"] = "syntax";
})(Directive || (exports.Directive = Directive = {}));
exports.DefaultVariables = [
    "ALL_PROXY", "all_proxy",
    "FTP_PROXY", "ftp_proxy",
    "HTTP_PROXY", "http_proxy",
    "HTTPS_PROXY", "https_proxy",
    "NO_PROXY", "no_proxy"
];
var DockerfileParser;
(function (DockerfileParser) {
    function parse(content) {
        let parser = new parser_1.Parser();
        return parser.parse(content);
    }
    DockerfileParser.parse = parse;
})(DockerfileParser || (exports.DockerfileParser = DockerfileParser = {}));


/***/ }),

/***/ 9481:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ModifiableInstruction = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(7300);
const flag_1 = __nccwpck_require__(8293);
const instruction_1 = __nccwpck_require__(1711);
class ModifiableInstruction extends instruction_1.Instruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    getFlags() {
        if (!this.flags) {
            this.flags = [];
            for (let arg of this.getArguments()) {
                let value = arg.getValue();
                if (this.stopSearchingForFlags(value)) {
                    return this.flags;
                }
                else if (value.indexOf("--") === 0) {
                    let range = arg.getRange();
                    let rawValue = this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
                    let nameIndex = value.indexOf('=');
                    let index = rawValue.indexOf('=');
                    let firstMatch = false;
                    let secondMatch = false;
                    let startIndex = -1;
                    nameSearchLoop: for (let i = 0; i < rawValue.length; i++) {
                        switch (rawValue.charAt(i)) {
                            case '\\':
                            case ' ':
                            case '\t':
                            case '\r':
                            case '\n':
                                break;
                            case '-':
                                if (secondMatch) {
                                    startIndex = i;
                                    break nameSearchLoop;
                                }
                                else if (firstMatch) {
                                    secondMatch = true;
                                }
                                else {
                                    firstMatch = true;
                                }
                                break;
                            default:
                                startIndex = i;
                                break nameSearchLoop;
                        }
                    }
                    let nameStart = this.document.positionAt(this.document.offsetAt(range.start) + startIndex);
                    if (index === -1) {
                        this.flags.push(new flag_1.Flag(this.document, range, value.substring(2), vscode_languageserver_types_1.Range.create(nameStart, range.end), null, null));
                    }
                    else if (index === value.length - 1) {
                        let nameEnd = this.document.positionAt(this.document.offsetAt(range.start) + index);
                        this.flags.push(new flag_1.Flag(this.document, range, value.substring(2, index), vscode_languageserver_types_1.Range.create(nameStart, nameEnd), "", vscode_languageserver_types_1.Range.create(range.end, range.end)));
                    }
                    else {
                        let nameEnd = this.document.positionAt(this.document.offsetAt(range.start) + index);
                        this.flags.push(new flag_1.Flag(this.document, range, value.substring(2, nameIndex), vscode_languageserver_types_1.Range.create(nameStart, nameEnd), value.substring(nameIndex + 1), vscode_languageserver_types_1.Range.create(this.document.positionAt(this.document.offsetAt(range.start) + index + 1), range.end)));
                    }
                }
            }
        }
        return this.flags;
    }
    getArguments() {
        const args = super.getArguments();
        const flags = this.getFlags();
        if (flags.length === 0) {
            return args;
        }
        for (let i = 0; i < flags.length; i++) {
            args.shift();
        }
        return args;
    }
}
exports.ModifiableInstruction = ModifiableInstruction;


/***/ }),

/***/ 3652:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

/* --------------------------------------------------------------------------------------------
 * Copyright (c) Remy Suen. All rights reserved.
 * Licensed under the MIT License. See License.txt in the project root for license information.
 * ------------------------------------------------------------------------------------------ */

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Parser = void 0;
const vscode_languageserver_textdocument_1 = __nccwpck_require__(8039);
const vscode_languageserver_types_1 = __nccwpck_require__(7300);
const comment_1 = __nccwpck_require__(3158);
const parserDirective_1 = __nccwpck_require__(3307);
const instruction_1 = __nccwpck_require__(1711);
const add_1 = __nccwpck_require__(3410);
const arg_1 = __nccwpck_require__(5805);
const cmd_1 = __nccwpck_require__(9709);
const copy_1 = __nccwpck_require__(6284);
const env_1 = __nccwpck_require__(2190);
const entrypoint_1 = __nccwpck_require__(971);
const from_1 = __nccwpck_require__(353);
const healthcheck_1 = __nccwpck_require__(5455);
const label_1 = __nccwpck_require__(575);
const onbuild_1 = __nccwpck_require__(4642);
const run_1 = __nccwpck_require__(3832);
const shell_1 = __nccwpck_require__(2995);
const stopsignal_1 = __nccwpck_require__(5277);
const workdir_1 = __nccwpck_require__(2713);
const user_1 = __nccwpck_require__(862);
const volume_1 = __nccwpck_require__(1379);
const dockerfile_1 = __nccwpck_require__(4317);
const util_1 = __nccwpck_require__(7987);
const main_1 = __nccwpck_require__(5302);
class Parser {
    constructor() {
        this.escapeChar = null;
    }
    static createInstruction(document, dockerfile, escapeChar, lineRange, instruction, instructionRange) {
        switch (instruction.toUpperCase()) {
            case "ADD":
                return new add_1.Add(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "ARG":
                return new arg_1.Arg(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "CMD":
                return new cmd_1.Cmd(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "COPY":
                return new copy_1.Copy(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "ENTRYPOINT":
                return new entrypoint_1.Entrypoint(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "ENV":
                return new env_1.Env(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "FROM":
                return new from_1.From(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "HEALTHCHECK":
                return new healthcheck_1.Healthcheck(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "LABEL":
                return new label_1.Label(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "ONBUILD":
                return new onbuild_1.Onbuild(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "RUN":
                return new run_1.Run(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "SHELL":
                return new shell_1.Shell(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "STOPSIGNAL":
                return new stopsignal_1.Stopsignal(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "WORKDIR":
                return new workdir_1.Workdir(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "USER":
                return new user_1.User(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "VOLUME":
                return new volume_1.Volume(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
        }
        return new instruction_1.Instruction(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
    }
    getParserDirectives(document, buffer) {
        // reset the escape directive in between runs
        const directives = [];
        this.escapeChar = '';
        const offset = util_1.Util.isUTF8BOM(buffer.substring(0, 1)) ? 1 : 0;
        directiveCheck: for (let i = offset; i < buffer.length; i++) {
            switch (buffer.charAt(i)) {
                case ' ':
                case '\t':
                    break;
                case '\r':
                case '\n':
                    // blank lines stop the parsing of directives immediately
                    break directiveCheck;
                case '#':
                    let directiveStart = -1;
                    let directiveEnd = -1;
                    for (let j = i + 1; j < buffer.length; j++) {
                        let char = buffer.charAt(j);
                        switch (char) {
                            case ' ':
                            case '\t':
                                if (directiveStart !== -1 && directiveEnd === -1) {
                                    directiveEnd = j;
                                }
                                break;
                            case '\r':
                            case '\n':
                                break directiveCheck;
                            case '=':
                                let valueStart = -1;
                                let valueEnd = -1;
                                if (directiveEnd === -1) {
                                    directiveEnd = j;
                                }
                                // assume the line ends with the file
                                let lineEnd = buffer.length;
                                directiveValue: for (let k = j + 1; k < buffer.length; k++) {
                                    char = buffer.charAt(k);
                                    switch (char) {
                                        case '\r':
                                        case '\n':
                                            if (valueStart !== -1 && valueEnd === -1) {
                                                valueEnd = k;
                                            }
                                            // line break found, reset
                                            lineEnd = k;
                                            break directiveValue;
                                        case '\t':
                                        case ' ':
                                            if (valueStart !== -1 && valueEnd === -1) {
                                                valueEnd = k;
                                            }
                                            continue;
                                        default:
                                            if (valueStart === -1) {
                                                valueStart = k;
                                            }
                                            break;
                                    }
                                }
                                if (directiveStart === -1) {
                                    // no directive, it's a regular comment
                                    break directiveCheck;
                                }
                                if (valueStart === -1) {
                                    // no non-whitespace characters found, highlight all the characters then
                                    valueStart = j + 1;
                                    valueEnd = lineEnd;
                                }
                                else if (valueEnd === -1) {
                                    // reached EOF
                                    valueEnd = buffer.length;
                                }
                                const lineRange = vscode_languageserver_types_1.Range.create(document.positionAt(i), document.positionAt(lineEnd));
                                const nameRange = vscode_languageserver_types_1.Range.create(document.positionAt(directiveStart), document.positionAt(directiveEnd));
                                const valueRange = vscode_languageserver_types_1.Range.create(document.positionAt(valueStart), document.positionAt(valueEnd));
                                directives.push(new parserDirective_1.ParserDirective(document, lineRange, nameRange, valueRange));
                                directiveStart = -1;
                                if (buffer.charAt(valueEnd) === '\r') {
                                    // skip over the \r
                                    i = valueEnd + 1;
                                }
                                else {
                                    i = valueEnd;
                                }
                                continue directiveCheck;
                            default:
                                if (directiveStart === -1) {
                                    directiveStart = j;
                                }
                                break;
                        }
                    }
                    break;
                default:
                    break directiveCheck;
            }
        }
        return directives;
    }
    parse(buffer) {
        this.document = vscode_languageserver_textdocument_1.TextDocument.create("", "", 0, buffer);
        this.buffer = buffer;
        let dockerfile = new dockerfile_1.Dockerfile(this.document);
        let directives = this.getParserDirectives(this.document, this.buffer);
        let offset = 0;
        this.escapeChar = '\\';
        if (directives.length > 0) {
            dockerfile.setDirectives(directives);
            this.escapeChar = dockerfile.getEscapeCharacter();
            // start parsing after the directives
            offset = this.document.offsetAt(vscode_languageserver_types_1.Position.create(directives.length, 0));
        }
        else if (util_1.Util.isUTF8BOM(buffer.substring(0, 1))) {
            offset = 1;
        }
        for (let i = offset; i < this.buffer.length; i++) {
            const char = this.buffer.charAt(i);
            switch (char) {
                case ' ':
                case '\t':
                case '\r':
                case '\n':
                    break;
                case '#':
                    i = this.processComment(dockerfile, i);
                    break;
                default:
                    i = this.processInstruction(dockerfile, char, i);
                    break;
            }
        }
        dockerfile.organizeComments();
        return dockerfile;
    }
    processInstruction(dockerfile, char, start) {
        let instruction = char;
        let instructionEnd = -1;
        let escapedInstruction = false;
        instructionCheck: for (let i = start + 1; i < this.buffer.length; i++) {
            char = this.buffer.charAt(i);
            switch (char) {
                case this.escapeChar:
                    escapedInstruction = true;
                    char = this.buffer.charAt(i + 1);
                    if (char === '\r' || char === '\n') {
                        if (instructionEnd === -1) {
                            instructionEnd = i;
                        }
                        i++;
                    }
                    else if (char === ' ' || char === '\t') {
                        for (let j = i + 2; j < this.buffer.length; j++) {
                            switch (this.buffer.charAt(j)) {
                                case ' ':
                                case '\t':
                                    break;
                                case '\r':
                                case '\n':
                                    i = j;
                                    continue instructionCheck;
                                default:
                                    // found an argument, mark end of instruction
                                    instructionEnd = i + 1;
                                    instruction = instruction + this.escapeChar;
                                    i = j - 2;
                                    continue instructionCheck;
                            }
                        }
                        // reached EOF
                        instructionEnd = i + 1;
                        instruction = instruction + this.escapeChar;
                        break instructionCheck;
                    }
                    else {
                        instructionEnd = i + 1;
                        instruction = instruction + this.escapeChar;
                        // reset and consider it as one contiguous word
                        escapedInstruction = false;
                    }
                    break;
                case ' ':
                case '\t':
                    if (escapedInstruction) {
                        // on an escaped newline, need to search for non-whitespace
                        escapeCheck: for (let j = i + 1; j < this.buffer.length; j++) {
                            switch (this.buffer.charAt(j)) {
                                case ' ':
                                case '\t':
                                    break;
                                case '\r':
                                case '\n':
                                    i = j;
                                    continue instructionCheck;
                                default:
                                    break escapeCheck;
                            }
                        }
                        escapedInstruction = false;
                    }
                    if (instructionEnd === -1) {
                        instructionEnd = i;
                    }
                    i = this.processArguments(dockerfile, instruction, instructionEnd, start, i);
                    dockerfile.addInstruction(this.createInstruction(dockerfile, instruction, start, instructionEnd, i));
                    return i;
                case '\r':
                case '\n':
                    if (escapedInstruction) {
                        continue;
                    }
                    if (instructionEnd === -1) {
                        instructionEnd = i;
                    }
                    dockerfile.addInstruction(this.createInstruction(dockerfile, instruction, start, i, i));
                    return i;
                case '#':
                    if (escapedInstruction) {
                        continue;
                    }
                default:
                    instructionEnd = i + 1;
                    instruction = instruction + char;
                    escapedInstruction = false;
                    break;
            }
        }
        // reached EOF
        if (instructionEnd === -1) {
            instructionEnd = this.buffer.length;
        }
        dockerfile.addInstruction(this.createInstruction(dockerfile, instruction, start, instructionEnd, this.buffer.length));
        return this.buffer.length;
    }
    processHeredocs(instruction, offset) {
        let keyword = instruction.getKeyword();
        if (keyword === main_1.Keyword.ONBUILD) {
            instruction = instruction.getTriggerInstruction();
            if (instruction === null) {
                return offset;
            }
            keyword = instruction.getKeyword();
        }
        if (keyword !== main_1.Keyword.ADD && keyword !== main_1.Keyword.COPY && keyword !== main_1.Keyword.RUN) {
            return offset;
        }
        const heredocs = [];
        let tabbed = false;
        for (const arg of instruction.getArguments()) {
            const value = arg.getValue();
            if (value.startsWith("<<") && value.length > 2) {
                if (value.startsWith("<<-")) {
                    tabbed = true;
                }
                const name = util_1.Util.parseHeredocName(value);
                if (name !== null) {
                    heredocs.push(name);
                }
            }
        }
        if (heredocs.length > 0) {
            for (const heredoc of heredocs) {
                offset = this.parseHeredoc(heredoc, offset, tabbed);
            }
        }
        return offset;
    }
    processArguments(dockerfile, instruction, instructionEnd, start, offset) {
        let escaped = false;
        argumentsCheck: for (let i = offset + 1; i < this.buffer.length; i++) {
            switch (this.buffer.charAt(i)) {
                case '\r':
                case '\n':
                    if (escaped) {
                        continue;
                    }
                    return this.processHeredocs(this.createInstruction(dockerfile, instruction, start, instructionEnd, i), i);
                case this.escapeChar:
                    const next = this.buffer.charAt(i + 1);
                    if (next === '\n' || next === '\r') {
                        escaped = true;
                        i++;
                    }
                    else if (next === ' ' || next === '\t') {
                        for (let j = i + 2; j < this.buffer.length; j++) {
                            switch (this.buffer.charAt(j)) {
                                case ' ':
                                case '\t':
                                    break;
                                case '\r':
                                case '\n':
                                    escaped = true;
                                default:
                                    i = j;
                                    continue argumentsCheck;
                            }
                        }
                        // reached EOF
                        return this.buffer.length;
                    }
                    continue;
                case '#':
                    if (escaped) {
                        i = this.processComment(dockerfile, i);
                        continue argumentsCheck;
                    }
                    break;
                case ' ':
                case '\t':
                    break;
                default:
                    if (escaped) {
                        escaped = false;
                    }
                    break;
            }
        }
        return this.buffer.length;
    }
    processComment(dockerfile, start) {
        let end = this.buffer.length;
        commentLoop: for (let i = start + 1; i < this.buffer.length; i++) {
            switch (this.buffer.charAt(i)) {
                case '\r':
                case '\n':
                    end = i;
                    break commentLoop;
            }
        }
        const range = vscode_languageserver_types_1.Range.create(this.document.positionAt(start), this.document.positionAt(end));
        dockerfile.addComment(new comment_1.Comment(this.document, range));
        return end;
    }
    parseHeredoc(heredocName, offset, tabbed) {
        let startWord = -1;
        let lineStart = true;
        for (let i = offset; i < this.buffer.length; i++) {
            switch (this.buffer.charAt(i)) {
                case ' ':
                    lineStart = false;
                    break;
                case '\t':
                    if (!tabbed) {
                        lineStart = false;
                    }
                    break;
                case '\r':
                case '\n':
                    if (startWord !== -1 && heredocName === this.buffer.substring(startWord, i)) {
                        return i;
                    }
                    startWord = -1;
                    lineStart = true;
                    break;
                default:
                    if (lineStart) {
                        startWord = i;
                        lineStart = false;
                    }
                    break;
            }
        }
        return this.buffer.length;
    }
    createInstruction(dockerfile, instruction, start, instructionEnd, end) {
        const startPosition = this.document.positionAt(start);
        const instructionRange = vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(instructionEnd));
        const lineRange = vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(end));
        return Parser.createInstruction(this.document, dockerfile, this.escapeChar, lineRange, instruction, instructionRange);
    }
}
exports.Parser = Parser;


/***/ }),

/***/ 3307:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ParserDirective = void 0;
const main_1 = __nccwpck_require__(5302);
const line_1 = __nccwpck_require__(2717);
class ParserDirective extends line_1.Line {
    constructor(document, range, nameRange, valueRange) {
        super(document, range);
        this.nameRange = nameRange;
        this.valueRange = valueRange;
    }
    toString() {
        return "# " + this.getName() + '=' + this.getValue();
    }
    getNameRange() {
        return this.nameRange;
    }
    getValueRange() {
        return this.valueRange;
    }
    getName() {
        return this.document.getText().substring(this.document.offsetAt(this.nameRange.start), this.document.offsetAt(this.nameRange.end));
    }
    getValue() {
        return this.document.getText().substring(this.document.offsetAt(this.valueRange.start), this.document.offsetAt(this.valueRange.end));
    }
    getDirective() {
        const directive = main_1.Directive[this.getName().toLowerCase()];
        return directive === undefined ? null : directive;
    }
}
exports.ParserDirective = ParserDirective;


/***/ }),

/***/ 3122:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Property = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(7300);
const util_1 = __nccwpck_require__(7987);
class Property {
    constructor(document, escapeChar, arg, arg2) {
        this.assignmentOperatorRange = null;
        this.assignmentOperator = null;
        this.valueRange = null;
        this.value = null;
        this.document = document;
        this.escapeChar = escapeChar;
        this.nameRange = Property.getNameRange(document, arg);
        let value = document.getText().substring(document.offsetAt(this.nameRange.start), document.offsetAt(this.nameRange.end));
        this.name = Property.getValue(value, escapeChar);
        if (arg2) {
            this.valueRange = arg2.getRange();
            value = document.getText().substring(document.offsetAt(this.valueRange.start), document.offsetAt(this.valueRange.end));
            this.value = Property.getValue(value, escapeChar);
            this.range = vscode_languageserver_types_1.Range.create(this.nameRange.start, this.valueRange.end);
        }
        else {
            let argRange = arg.getRange();
            if (this.nameRange.start.line === argRange.start.line
                && this.nameRange.start.character === argRange.start.character
                && this.nameRange.end.line === argRange.end.line
                && this.nameRange.end.character === argRange.end.character) {
            }
            else {
                this.valueRange = Property.getValueRange(document, arg);
                value = document.getText().substring(document.offsetAt(this.valueRange.start), document.offsetAt(this.valueRange.end));
                this.value = Property.getValue(value, escapeChar);
                this.assignmentOperatorRange = vscode_languageserver_types_1.Range.create(this.nameRange.end, this.valueRange.start);
                this.assignmentOperator = "=";
            }
            this.range = argRange;
        }
    }
    getRange() {
        return this.range;
    }
    getName() {
        return this.name;
    }
    getNameRange() {
        return this.nameRange;
    }
    getValue() {
        return this.value;
    }
    getValueRange() {
        return this.valueRange;
    }
    /**
     * Retrieves the operator used for delimiting between the name and
     * value of this property. This will either be the "=" character
     * or null if a character was not used or if this property has no
     * value defined.
     */
    getAssignmentOperator() {
        return this.assignmentOperator;
    }
    getAssignmentOperatorRange() {
        return this.assignmentOperatorRange;
    }
    /**
     * Returns the value of this property including any enclosing
     * single or double quotes and relevant escape characters.
     * Escaped newlines and its associated contiguous whitespace
     * characters however will not be returned as they are deemed to
     * be uninteresting to clients trying to return a Dockerfile.
     *
     * @return the unescaped value of this property or null if this
     *         property has no associated value
     */
    getUnescapedValue() {
        if (this.valueRange === null) {
            return null;
        }
        let escaped = false;
        let rawValue = "";
        let value = this.document.getText().substring(this.document.offsetAt(this.valueRange.start), this.document.offsetAt(this.valueRange.end));
        rawLoop: for (let i = 0; i < value.length; i++) {
            let char = value.charAt(i);
            switch (char) {
                case this.escapeChar:
                    for (let j = i + 1; j < value.length; j++) {
                        switch (value.charAt(j)) {
                            case '\r':
                                j++;
                            case '\n':
                                escaped = true;
                                i = j;
                                continue rawLoop;
                            case ' ':
                            case '\t':
                                break;
                            default:
                                rawValue = rawValue + char;
                                continue rawLoop;
                        }
                    }
                    // this happens if there's only whitespace after the escape character
                    rawValue = rawValue + char;
                    break;
                case '\r':
                case '\n':
                    break;
                case ' ':
                case '\t':
                    if (!escaped) {
                        rawValue = rawValue + char;
                    }
                    break;
                case '#':
                    if (escaped) {
                        for (let j = i + 1; j < value.length; j++) {
                            switch (value.charAt(j)) {
                                case '\r':
                                    j++;
                                case '\n':
                                    i = j;
                                    continue rawLoop;
                            }
                        }
                    }
                    else {
                        rawValue = rawValue + char;
                    }
                    break;
                default:
                    rawValue = rawValue + char;
                    escaped = false;
                    break;
            }
        }
        return rawValue;
    }
    static getNameRange(document, arg) {
        let value = arg.getValue();
        let index = value.indexOf('=');
        if (index !== -1) {
            let initial = value.charAt(0);
            let before = value.charAt(index - 1);
            // check if content before the equals sign are in quotes
            // "var"=value
            // 'var'=value
            // otherwise, just assume it's a standard definition
            // var=value
            if ((initial === '"' && before === '"') || (initial === '\'' && before === '\'') || (initial !== '"' && initial !== '\'')) {
                return vscode_languageserver_types_1.Range.create(arg.getRange().start, document.positionAt(document.offsetAt(arg.getRange().start) + index));
            }
        }
        // no '=' found, just defined the property's name
        return arg.getRange();
    }
    static getValueRange(document, arg) {
        return vscode_languageserver_types_1.Range.create(document.positionAt(document.offsetAt(arg.getRange().start) + arg.getValue().indexOf('=') + 1), document.positionAt(document.offsetAt(arg.getRange().end)));
    }
    /**
     * Returns the actual value of this key-value pair. The value will
     * have its escape characters removed if applicable. If the value
     * spans multiple lines and there are comments nested within the
     * lines, they too will be removed.
     *
     * @return the value that this key-value pair will actually be, may
     *         be null if no value is defined, may be the empty string
     *         if the value only consists of whitespace
     */
    static getValue(value, escapeChar) {
        let escaped = false;
        const skip = util_1.Util.findLeadingNonWhitespace(value, escapeChar);
        if (skip !== 0 && value.charAt(skip) === '#') {
            // need to skip over comments
            escaped = true;
        }
        value = value.substring(skip);
        let first = value.charAt(0);
        let last = value.charAt(value.length - 1);
        let literal = first === '\'' || first === '"';
        let inSingle = (first === '\'' && last === '\'');
        let inDouble = false;
        if (first === '"') {
            for (let i = 1; i < value.length; i++) {
                if (value.charAt(i) === escapeChar) {
                    i++;
                }
                else if (value.charAt(i) === '"' && i === value.length - 1) {
                    inDouble = true;
                }
            }
        }
        if (inSingle || inDouble) {
            value = value.substring(1, value.length - 1);
        }
        let commentCheck = -1;
        let escapedValue = "";
        let start = 0;
        parseValue: for (let i = 0; i < value.length; i++) {
            let char = value.charAt(i);
            switch (char) {
                case escapeChar:
                    if (i + 1 === value.length) {
                        escapedValue = escapedValue + escapeChar;
                        break parseValue;
                    }
                    char = value.charAt(i + 1);
                    if (char === ' ' || char === '\t') {
                        whitespaceCheck: for (let j = i + 2; j < value.length; j++) {
                            let char2 = value.charAt(j);
                            switch (char2) {
                                case ' ':
                                case '\t':
                                    break;
                                case '\r':
                                    j++;
                                case '\n':
                                    escaped = true;
                                    i = j;
                                    continue parseValue;
                                default:
                                    if (!inDouble && !inSingle && !literal) {
                                        if (char2 === escapeChar) {
                                            // add the escaped character
                                            escapedValue = escapedValue + char;
                                            // now start parsing from the next escape character
                                            i = i + 1;
                                        }
                                        else {
                                            // the expectation is that this j = i + 2 here
                                            escapedValue = escapedValue + char + char2;
                                            i = j;
                                        }
                                        continue parseValue;
                                    }
                                    break whitespaceCheck;
                            }
                        }
                    }
                    if (inDouble) {
                        if (char === '\r') {
                            escaped = true;
                            i = i + 2;
                        }
                        else if (char === '\n') {
                            escaped = true;
                            i++;
                        }
                        else if (char !== '"') {
                            if (char === escapeChar) {
                                i++;
                            }
                            escapedValue = escapedValue + escapeChar;
                        }
                        continue parseValue;
                    }
                    else if (inSingle || literal) {
                        if (char === '\r') {
                            escaped = true;
                            i = i + 2;
                        }
                        else if (char === '\n') {
                            escaped = true;
                            i++;
                        }
                        else {
                            escapedValue = escapedValue + escapeChar;
                        }
                        continue parseValue;
                    }
                    else if (char === escapeChar) {
                        // double escape, append one and move on
                        escapedValue = escapedValue + escapeChar;
                        i++;
                    }
                    else if (char === '\r') {
                        escaped = true;
                        // offset one more for \r\n
                        i = i + 2;
                    }
                    else if (char === '\n') {
                        escaped = true;
                        i++;
                        start = i;
                    }
                    else {
                        // any other escapes are simply ignored
                        escapedValue = escapedValue + char;
                        i++;
                    }
                    break;
                case ' ':
                case '\t':
                    if (escaped && commentCheck === -1) {
                        commentCheck = i;
                    }
                    escapedValue = escapedValue + char;
                    break;
                case '\r':
                    i++;
                case '\n':
                    if (escaped && commentCheck !== -1) {
                        // rollback and remove the whitespace that was previously appended
                        escapedValue = escapedValue.substring(0, escapedValue.length - (i - commentCheck - 1));
                        commentCheck = -1;
                    }
                    break;
                case '#':
                    // a newline was escaped and now there's a comment
                    if (escaped) {
                        if (commentCheck !== -1) {
                            // rollback and remove the whitespace that was previously appended
                            escapedValue = escapedValue.substring(0, escapedValue.length - (i - commentCheck));
                            commentCheck = -1;
                        }
                        newlineCheck: for (let j = i + 1; j < value.length; j++) {
                            switch (value.charAt(j)) {
                                case '\r':
                                    j++;
                                case '\n':
                                    i = j;
                                    break newlineCheck;
                            }
                        }
                        continue parseValue;
                    }
                default:
                    if (escaped) {
                        escaped = false;
                        commentCheck = -1;
                    }
                    escapedValue = escapedValue + char;
                    break;
            }
        }
        return escapedValue;
    }
}
exports.Property = Property;


/***/ }),

/***/ 7512:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.PropertyInstruction = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(7300);
const instruction_1 = __nccwpck_require__(1711);
const property_1 = __nccwpck_require__(3122);
const argument_1 = __nccwpck_require__(3492);
const util_1 = __nccwpck_require__(7987);
class PropertyInstruction extends instruction_1.Instruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
        this.properties = undefined;
    }
    getProperties() {
        if (this.properties === undefined) {
            let args = this.getPropertyArguments();
            if (args.length === 0) {
                this.properties = [];
            }
            else if (args.length === 1) {
                this.properties = [new property_1.Property(this.document, this.escapeChar, args[0])];
            }
            else if (args.length === 2) {
                if (args[0].getValue().indexOf('=') === -1) {
                    this.properties = [new property_1.Property(this.document, this.escapeChar, args[0], args[1])];
                }
                else {
                    this.properties = [
                        new property_1.Property(this.document, this.escapeChar, args[0]),
                        new property_1.Property(this.document, this.escapeChar, args[1])
                    ];
                }
            }
            else if (args[0].getValue().indexOf('=') === -1) {
                let text = this.document.getText();
                let start = args[1].getRange().start;
                let end = args[args.length - 1].getRange().end;
                text = text.substring(this.document.offsetAt(start), this.document.offsetAt(end));
                this.properties = [new property_1.Property(this.document, this.escapeChar, args[0], new argument_1.Argument(text, vscode_languageserver_types_1.Range.create(args[1].getRange().start, args[args.length - 1].getRange().end)))];
            }
            else {
                this.properties = [];
                for (let i = 0; i < args.length; i++) {
                    this.properties.push(new property_1.Property(this.document, this.escapeChar, args[i]));
                }
            }
        }
        return this.properties;
    }
    /**
     * Goes from the back of the string and returns the first
     * non-whitespace character that is found. If an escape character
     * is found with newline characters, the escape character will
     * not be considered a non-whitespace character and its index in
     * the string will not be returned.
     *
     * @param content the string to search through
     * @return the index in the string for the first non-whitespace
     *         character when searching from the end of the string
     */
    findTrailingNonWhitespace(content) {
        // loop back to find the first non-whitespace character
        let index = content.length;
        whitespaceCheck: for (let i = content.length - 1; i >= 0; i--) {
            switch (content.charAt(i)) {
                case ' ':
                case '\t':
                    continue;
                case '\n':
                    if (content.charAt(i - 1) === '\r') {
                        i = i - 1;
                    }
                case '\r':
                    newlineCheck: for (let j = i - 1; j >= 0; j--) {
                        switch (content.charAt(j)) {
                            case ' ':
                            case '\t':
                            case '\r':
                            case '\n':
                            case this.escapeChar:
                                continue;
                            default:
                                index = j;
                                break newlineCheck;
                        }
                    }
                    break whitespaceCheck;
                default:
                    index = i;
                    break whitespaceCheck;
            }
        }
        return index;
    }
    getPropertyArguments() {
        const args = [];
        let range = this.getInstructionRange();
        let instructionNameEndOffset = this.document.offsetAt(range.end);
        let extra = instructionNameEndOffset - this.document.offsetAt(range.start);
        let content = this.getTextContent();
        let fullArgs = content.substring(extra);
        let start = util_1.Util.findLeadingNonWhitespace(fullArgs, this.escapeChar);
        if (start === -1) {
            // only whitespace found, no arguments
            return [];
        }
        const startPosition = this.document.positionAt(instructionNameEndOffset + start);
        // records whether the parser has just processed an escaped newline or not,
        // if our starting position is not on the same line as the instruction then
        // the start of the content is already on an escaped line
        let escaped = range.start.line !== startPosition.line;
        // flag to track if the last character was an escape character
        let endingEscape = false;
        // position before the first escape character was hit
        let mark = -1;
        let end = this.findTrailingNonWhitespace(fullArgs);
        content = fullArgs.substring(start, end + 1);
        let argStart = escaped ? -1 : 0;
        let spaced = false;
        argumentLoop: for (let i = 0; i < content.length; i++) {
            let char = content.charAt(i);
            switch (char) {
                case this.escapeChar:
                    if (i + 1 === content.length) {
                        endingEscape = true;
                        break argumentLoop;
                    }
                    if (!escaped) {
                        mark = i;
                    }
                    switch (content.charAt(i + 1)) {
                        case ' ':
                        case '\t':
                            if (!util_1.Util.isWhitespace(content.charAt(i + 2))) {
                                // space was escaped, continue as normal
                                i = i + 1;
                                continue argumentLoop;
                            }
                            // whitespace encountered, need to figure out if it extends to EOL
                            whitespaceCheck: for (let j = i + 2; j < content.length; j++) {
                                switch (content.charAt(j)) {
                                    case '\r':
                                        // offset one more for \r\n
                                        j++;
                                    case '\n':
                                        // whitespace only, safe to skip
                                        escaped = true;
                                        i = j;
                                        continue argumentLoop;
                                    case ' ':
                                    case '\t':
                                        // ignore whitespace
                                        break;
                                    default:
                                        // whitespace doesn't extend to EOL, create an argument
                                        args.push(new argument_1.Argument(content.substring(argStart, i), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + i + 2))));
                                        argStart = j;
                                        break whitespaceCheck;
                                }
                            }
                            // go back and start processing the encountered non-whitespace character
                            i = argStart - 1;
                            continue argumentLoop;
                        case '\r':
                            // offset one more for \r\n
                            i++;
                        case '\n':
                            // immediately followed by a newline, skip the newline
                            escaped = true;
                            i = i + 1;
                            continue argumentLoop;
                        case this.escapeChar:
                            // double escape found, skip it and move on
                            if (argStart === -1) {
                                argStart = i;
                            }
                            i = i + 1;
                            continue argumentLoop;
                        default:
                            if (argStart === -1) {
                                argStart = i;
                            }
                            // non-whitespace encountered, skip the escape and process the
                            // character normally
                            continue argumentLoop;
                    }
                case '\'':
                case '"':
                    if (spaced) {
                        this.createSpacedArgument(argStart, args, content, mark, instructionNameEndOffset, start);
                        // reset to start a new argument
                        argStart = i;
                        spaced = false;
                    }
                    if (argStart === -1) {
                        argStart = i;
                    }
                    for (let j = i + 1; j < content.length; j++) {
                        switch (content.charAt(j)) {
                            case char:
                                if (content.charAt(j + 1) !== ' ' && content.charAt(j + 1) !== '') {
                                    // there is more content after this quote,
                                    // continue so that it is all processed as
                                    // one single argument
                                    i = j;
                                    continue argumentLoop;
                                }
                                args.push(new argument_1.Argument(content.substring(argStart, j + 1), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + j + 1))));
                                i = j;
                                argStart = -1;
                                continue argumentLoop;
                            case this.escapeChar:
                                j++;
                                break;
                        }
                    }
                    break argumentLoop;
                case ' ':
                case '\t':
                    if (escaped) {
                        // consider there to be a space only if an argument
                        // is not spanning multiple lines
                        if (argStart !== -1) {
                            spaced = true;
                        }
                    }
                    else if (argStart !== -1) {
                        args.push(new argument_1.Argument(content.substring(argStart, i), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + i))));
                        argStart = -1;
                    }
                    break;
                case '\r':
                    // offset one more for \r\n
                    i++;
                case '\n':
                    spaced = false;
                    break;
                case '#':
                    if (escaped) {
                        // a newline was escaped and now there's a comment
                        for (let j = i + 1; j < content.length; j++) {
                            switch (content.charAt(j)) {
                                case '\r':
                                    j++;
                                case '\n':
                                    i = j;
                                    spaced = false;
                                    continue argumentLoop;
                            }
                        }
                        // went to the end without finding a newline,
                        // the comment was the last line in the instruction,
                        // just stop parsing, create an argument if needed
                        if (argStart !== -1) {
                            let value = content.substring(argStart, mark);
                            args.push(new argument_1.Argument(value, vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + mark))));
                            argStart = -1;
                        }
                        break argumentLoop;
                    }
                    else if (argStart === -1) {
                        argStart = i;
                    }
                    break;
                default:
                    if (spaced) {
                        this.createSpacedArgument(argStart, args, content, mark, instructionNameEndOffset, start);
                        // reset to start a new argument
                        argStart = i;
                        spaced = false;
                    }
                    escaped = false;
                    if (argStart === -1) {
                        argStart = i;
                    }
                    // variable detected
                    if (char === '$' && content.charAt(i + 1) === '{') {
                        let singleQuotes = false;
                        let doubleQuotes = false;
                        let escaped = false;
                        for (let j = i + 1; j < content.length; j++) {
                            switch (content.charAt(j)) {
                                case this.escapeChar:
                                    escaped = true;
                                    break;
                                case '\r':
                                case '\n':
                                    break;
                                case '\'':
                                    singleQuotes = !singleQuotes;
                                    escaped = false;
                                    break;
                                case '"':
                                    doubleQuotes = !doubleQuotes;
                                    escaped = false;
                                    break;
                                case ' ':
                                case '\t':
                                    if (escaped || singleQuotes || doubleQuotes) {
                                        break;
                                    }
                                    i = j - 1;
                                    continue argumentLoop;
                                case '}':
                                    i = j;
                                    continue argumentLoop;
                                default:
                                    escaped = false;
                                    break;
                            }
                        }
                        break argumentLoop;
                    }
                    break;
            }
        }
        if (argStart !== -1 && argStart !== content.length) {
            let end = endingEscape ? content.length - 1 : content.length;
            let value = content.substring(argStart, end);
            args.push(new argument_1.Argument(value, vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + end))));
        }
        return args;
    }
    createSpacedArgument(argStart, args, content, mark, instructionNameEndOffset, start) {
        if (argStart !== -1) {
            args.push(new argument_1.Argument(content.substring(argStart, mark), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + mark))));
        }
    }
}
exports.PropertyInstruction = PropertyInstruction;


/***/ }),

/***/ 7987:
/***/ ((__unused_webpack_module, exports) => {

/* --------------------------------------------------------------------------------------------
 * Copyright (c) Remy Suen. All rights reserved.
 * Licensed under the MIT License. See License.txt in the project root for license information.
 * ------------------------------------------------------------------------------------------ */

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Util = void 0;
class Util {
    static isUTF8BOM(char) {
        const uintArray = Uint8Array.from(Buffer.from(char, "UTF-8"));
        return uintArray[0] === 0xEF && uintArray[1] == 0xBB && uintArray[2] == 0xBF;
    }
    static isWhitespace(char) {
        return char === ' ' || char === '\t' || Util.isNewline(char);
    }
    static isNewline(char) {
        return char === '\r' || char === '\n';
    }
    static findLeadingNonWhitespace(content, escapeChar) {
        whitespaceCheck: for (let i = 0; i < content.length; i++) {
            switch (content.charAt(i)) {
                case ' ':
                case '\t':
                    continue;
                case escapeChar:
                    escapeCheck: for (let j = i + 1; j < content.length; j++) {
                        switch (content.charAt(j)) {
                            case ' ':
                            case '\t':
                                continue;
                            case '\r':
                                // offset one more for \r\n
                                i = j + 1;
                                continue whitespaceCheck;
                            case '\n':
                                i = j;
                                continue whitespaceCheck;
                            default:
                                break escapeCheck;
                        }
                    }
                    // found an escape character and then reached EOF
                    return -1;
                default:
                    return i;
            }
        }
        // only possible if the content is the empty string
        return -1;
    }
    /**
     * Determines if the given position is contained within the given range.
     *
     * @param position the position to check
     * @param range the range to see if the position is inside of
     */
    static isInsideRange(position, range) {
        if (range.start.line === range.end.line) {
            return range.start.line === position.line
                && range.start.character <= position.character
                && position.character <= range.end.character;
        }
        else if (range.start.line === position.line) {
            return range.start.character <= position.character;
        }
        else if (range.end.line === position.line) {
            return position.character <= range.end.character;
        }
        return range.start.line < position.line && position.line < range.end.line;
    }
    static parseHeredocName(value) {
        value = value.substring(2);
        if (value.charAt(0) === '-') {
            value = value.substring(1);
        }
        if (value.charAt(0) === '"') {
            if (value.charAt(value.length - 1) !== '"') {
                return null;
            }
            value = value.substring(1, value.length - 1);
        }
        if (value.charAt(0) === '\'') {
            if (value.charAt(value.length - 1) !== '\'') {
                return null;
            }
            value = value.substring(1, value.length - 1);
        }
        if (value.charAt(0) === "<") {
            return null;
        }
        return value;
    }
}
exports.Util = Util;


/***/ }),

/***/ 3023:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Variable = void 0;
class Variable {
    constructor(name, nameRange, range, modifier, modifierRange, substitutionParameter, substitutionRange, defined, buildVariable, stringValue) {
        this.name = name;
        this.nameRange = nameRange;
        this.range = range;
        this.modifier = modifier;
        this.modifierRange = modifierRange;
        this.substitutionParameter = substitutionParameter;
        this.substitutionRange = substitutionRange;
        this.defined = defined;
        this.buildVariable = buildVariable;
        this.stringValue = stringValue;
    }
    toString() {
        return this.stringValue;
    }
    getName() {
        return this.name;
    }
    getNameRange() {
        return this.nameRange;
    }
    /**
     * Returns the range of the entire variable. This includes the symbols for
     * the declaration of the variable such as the $, {, and } symbols.
     *
     * @return the range in the document that this variable encompasses in its
     *         entirety
     */
    getRange() {
        return this.range;
    }
    /**
     * Returns the modifier character that has been set for
     * specifying how this variable should be expanded and resolved.
     * If this variable is ${variable:+value} then the modifier
     * character is '+'. Will be the empty string if the variable is
     * declared as ${variable:}. Otherwise, will be null if this
     * variable will not use variable substitution at all (such as
     * ${variable} or $variable).
     *
     * @return this variable's modifier character, or the empty
     *         string if it does not have one, or null if this
     *         variable will not use variable substitution
     */
    getModifier() {
        return this.modifier;
    }
    getModifierRange() {
        return this.modifierRange;
    }
    /**
     * Returns the parameter that will be used for substitution if
     * this variable uses modifiers to define how its value should be
     * resolved. If this variable is ${variable:+value} then the
     * substitution value will be 'value'. Will be the empty string
     * if the variable is declared as ${variable:+} or some other
     * variant where the only thing that follows the modifier
     * character (excluding considerations of escape characters and
     * so on) is the variable's closing bracket. May be null if this
     * variable does not have a modifier character defined (such as
     * ${variable} or $variable).
     *
     * @return this variable's substitution parameter, or the empty
     *         string if it does not have one, or null if there is
     *         not one defined
     */
    getSubstitutionParameter() {
        return this.substitutionParameter;
    }
    getSubstitutionRange() {
        return this.substitutionRange;
    }
    /**
     * Returns whether this variable has been defined or not.
     *
     * @return true if this variable has been defined, false otherwise
     */
    isDefined() {
        return this.defined;
    }
    isBuildVariable() {
        return this.buildVariable === true;
    }
    isEnvironmentVariable() {
        return this.buildVariable === false;
    }
}
exports.Variable = Variable;


/***/ }),

/***/ 7532:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

module.exports = __nccwpck_require__(4434)


/***/ }),

/***/ 2899:
/***/ ((module) => {

module.exports = class FixedFIFO {
  constructor (hwm) {
    if (!(hwm > 0) || ((hwm - 1) & hwm) !== 0) throw new Error('Max size for a FixedFIFO should be a power of two')
    this.buffer = new Array(hwm)
    this.mask = hwm - 1
    this.top = 0
    this.btm = 0
    this.next = null
  }

  clear () {
    this.top = this.btm = 0
    this.next = null
    this.buffer.fill(undefined)
  }

  push (data) {
    if (this.buffer[this.top] !== undefined) return false
    this.buffer[this.top] = data
    this.top = (this.top + 1) & this.mask
    return true
  }

  shift () {
    const last = this.buffer[this.btm]
    if (last === undefined) return undefined
    this.buffer[this.btm] = undefined
    this.btm = (this.btm + 1) & this.mask
    return last
  }

  peek () {
    return this.buffer[this.btm]
  }

  isEmpty () {
    return this.buffer[this.btm] === undefined
  }
}


/***/ }),

/***/ 4219:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const FixedFIFO = __nccwpck_require__(2899)

module.exports = class FastFIFO {
  constructor (hwm) {
    this.hwm = hwm || 16
    this.head = new FixedFIFO(this.hwm)
    this.tail = this.head
    this.length = 0
  }

  clear () {
    this.head = this.tail
    this.head.clear()
    this.length = 0
  }

  push (val) {
    this.length++
    if (!this.head.push(val)) {
      const prev = this.head
      this.head = prev.next = new FixedFIFO(2 * this.head.buffer.length)
      this.head.push(val)
    }
  }

  shift () {
    if (this.length !== 0) this.length--
    const val = this.tail.shift()
    if (val === undefined && this.tail.next) {
      const next = this.tail.next
      this.tail.next = null
      this.tail = next
      return this.tail.shift()
    }

    return val
  }

  peek () {
    const val = this.tail.peek()
    if (val === undefined && this.tail.next) return this.tail.next.peek()
    return val
  }

  isEmpty () {
    return this.length === 0
  }
}


/***/ }),

/***/ 6310:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const pico = __nccwpck_require__(3936);
const utils = __nccwpck_require__(3211);

function picomatch(glob, options, returnState = false) {
  // default to os.platform()
  if (options && (options.windows === null || options.windows === undefined)) {
    // don't mutate the original options object
    options = { ...options, windows: utils.isWindows() };
  }

  return pico(glob, options, returnState);
}

Object.assign(picomatch, pico);
module.exports = picomatch;


/***/ }),

/***/ 667:
/***/ ((module) => {



const WIN_SLASH = '\\\\/';
const WIN_NO_SLASH = `[^${WIN_SLASH}]`;

const DEFAULT_MAX_EXTGLOB_RECURSION = 0;

/**
 * Posix glob regex
 */

const DOT_LITERAL = '\\.';
const PLUS_LITERAL = '\\+';
const QMARK_LITERAL = '\\?';
const SLASH_LITERAL = '\\/';
const ONE_CHAR = '(?=.)';
const QMARK = '[^/]';
const END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
const START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
const DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
const NO_DOT = `(?!${DOT_LITERAL})`;
const NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
const NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
const NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
const QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
const STAR = `${QMARK}*?`;
const SEP = '/';

const POSIX_CHARS = {
  DOT_LITERAL,
  PLUS_LITERAL,
  QMARK_LITERAL,
  SLASH_LITERAL,
  ONE_CHAR,
  QMARK,
  END_ANCHOR,
  DOTS_SLASH,
  NO_DOT,
  NO_DOTS,
  NO_DOT_SLASH,
  NO_DOTS_SLASH,
  QMARK_NO_DOT,
  STAR,
  START_ANCHOR,
  SEP
};

/**
 * Windows glob regex
 */

const WINDOWS_CHARS = {
  ...POSIX_CHARS,

  SLASH_LITERAL: `[${WIN_SLASH}]`,
  QMARK: WIN_NO_SLASH,
  STAR: `${WIN_NO_SLASH}*?`,
  DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
  NO_DOT: `(?!${DOT_LITERAL})`,
  NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
  NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
  NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
  QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
  START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
  END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
  SEP: '\\'
};

/**
 * POSIX Bracket Regex
 */

const POSIX_REGEX_SOURCE = {
  __proto__: null,
  alnum: 'a-zA-Z0-9',
  alpha: 'a-zA-Z',
  ascii: '\\x00-\\x7F',
  blank: ' \\t',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '\\x21-\\x7E',
  lower: 'a-z',
  print: '\\x20-\\x7E ',
  punct: '\\-!"#$%&\'()\\*+,./:;<=>?@[\\]^_`{|}~',
  space: ' \\t\\r\\n\\v\\f',
  upper: 'A-Z',
  word: 'A-Za-z0-9_',
  xdigit: 'A-Fa-f0-9'
};

module.exports = {
  DEFAULT_MAX_EXTGLOB_RECURSION,
  MAX_LENGTH: 1024 * 64,
  POSIX_REGEX_SOURCE,

  // regular expressions
  REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
  REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
  REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
  REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
  REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
  REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,

  // Replace globs with equivalent patterns to reduce parsing time.
  REPLACEMENTS: {
    __proto__: null,
    '***': '*',
    '**/**': '**',
    '**/**/**': '**'
  },

  // Digits
  CHAR_0: 48, /* 0 */
  CHAR_9: 57, /* 9 */

  // Alphabet chars.
  CHAR_UPPERCASE_A: 65, /* A */
  CHAR_LOWERCASE_A: 97, /* a */
  CHAR_UPPERCASE_Z: 90, /* Z */
  CHAR_LOWERCASE_Z: 122, /* z */

  CHAR_LEFT_PARENTHESES: 40, /* ( */
  CHAR_RIGHT_PARENTHESES: 41, /* ) */

  CHAR_ASTERISK: 42, /* * */

  // Non-alphabetic chars.
  CHAR_AMPERSAND: 38, /* & */
  CHAR_AT: 64, /* @ */
  CHAR_BACKWARD_SLASH: 92, /* \ */
  CHAR_CARRIAGE_RETURN: 13, /* \r */
  CHAR_CIRCUMFLEX_ACCENT: 94, /* ^ */
  CHAR_COLON: 58, /* : */
  CHAR_COMMA: 44, /* , */
  CHAR_DOT: 46, /* . */
  CHAR_DOUBLE_QUOTE: 34, /* " */
  CHAR_EQUAL: 61, /* = */
  CHAR_EXCLAMATION_MARK: 33, /* ! */
  CHAR_FORM_FEED: 12, /* \f */
  CHAR_FORWARD_SLASH: 47, /* / */
  CHAR_GRAVE_ACCENT: 96, /* ` */
  CHAR_HASH: 35, /* # */
  CHAR_HYPHEN_MINUS: 45, /* - */
  CHAR_LEFT_ANGLE_BRACKET: 60, /* < */
  CHAR_LEFT_CURLY_BRACE: 123, /* { */
  CHAR_LEFT_SQUARE_BRACKET: 91, /* [ */
  CHAR_LINE_FEED: 10, /* \n */
  CHAR_NO_BREAK_SPACE: 160, /* \u00A0 */
  CHAR_PERCENT: 37, /* % */
  CHAR_PLUS: 43, /* + */
  CHAR_QUESTION_MARK: 63, /* ? */
  CHAR_RIGHT_ANGLE_BRACKET: 62, /* > */
  CHAR_RIGHT_CURLY_BRACE: 125, /* } */
  CHAR_RIGHT_SQUARE_BRACKET: 93, /* ] */
  CHAR_SEMICOLON: 59, /* ; */
  CHAR_SINGLE_QUOTE: 39, /* ' */
  CHAR_SPACE: 32, /*   */
  CHAR_TAB: 9, /* \t */
  CHAR_UNDERSCORE: 95, /* _ */
  CHAR_VERTICAL_LINE: 124, /* | */
  CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279, /* \uFEFF */

  /**
   * Create EXTGLOB_CHARS
   */

  extglobChars(chars) {
    return {
      '!': { type: 'negate', open: '(?:(?!(?:', close: `))${chars.STAR})` },
      '?': { type: 'qmark', open: '(?:', close: ')?' },
      '+': { type: 'plus', open: '(?:', close: ')+' },
      '*': { type: 'star', open: '(?:', close: ')*' },
      '@': { type: 'at', open: '(?:', close: ')' }
    };
  },

  /**
   * Create GLOB_CHARS
   */

  globChars(win32) {
    return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
  }
};


/***/ }),

/***/ 3721:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const constants = __nccwpck_require__(667);
const utils = __nccwpck_require__(3211);

/**
 * Constants
 */

const {
  MAX_LENGTH,
  POSIX_REGEX_SOURCE,
  REGEX_NON_SPECIAL_CHARS,
  REGEX_SPECIAL_CHARS_BACKREF,
  REPLACEMENTS
} = constants;

/**
 * Helpers
 */

const expandRange = (args, options) => {
  if (typeof options.expandRange === 'function') {
    return options.expandRange(...args, options);
  }

  args.sort();
  const value = `[${args.join('-')}]`;

  try {
    /* eslint-disable-next-line no-new */
    new RegExp(value);
  } catch (ex) {
    return args.map(v => utils.escapeRegex(v)).join('..');
  }

  return value;
};

/**
 * Create the message for a syntax error
 */

const syntaxError = (type, char) => {
  return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
};

const splitTopLevel = input => {
  const parts = [];
  let bracket = 0;
  let paren = 0;
  let quote = 0;
  let value = '';
  let escaped = false;

  for (const ch of input) {
    if (escaped === true) {
      value += ch;
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      value += ch;
      escaped = true;
      continue;
    }

    if (ch === '"') {
      quote = quote === 1 ? 0 : 1;
      value += ch;
      continue;
    }

    if (quote === 0) {
      if (ch === '[') {
        bracket++;
      } else if (ch === ']' && bracket > 0) {
        bracket--;
      } else if (bracket === 0) {
        if (ch === '(') {
          paren++;
        } else if (ch === ')' && paren > 0) {
          paren--;
        } else if (ch === '|' && paren === 0) {
          parts.push(value);
          value = '';
          continue;
        }
      }
    }

    value += ch;
  }

  parts.push(value);
  return parts;
};

const isPlainBranch = branch => {
  let escaped = false;

  for (const ch of branch) {
    if (escaped === true) {
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      escaped = true;
      continue;
    }

    if (/[?*+@!()[\]{}]/.test(ch)) {
      return false;
    }
  }

  return true;
};

const normalizeSimpleBranch = branch => {
  let value = branch.trim();
  let changed = true;

  while (changed === true) {
    changed = false;

    if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
      value = value.slice(2, -1);
      changed = true;
    }
  }

  if (!isPlainBranch(value)) {
    return;
  }

  return value.replace(/\\(.)/g, '$1');
};

const hasRepeatedCharPrefixOverlap = branches => {
  const values = branches.map(normalizeSimpleBranch).filter(Boolean);

  for (let i = 0; i < values.length; i++) {
    for (let j = i + 1; j < values.length; j++) {
      const a = values[i];
      const b = values[j];
      const char = a[0];

      if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
        continue;
      }

      if (a === b || a.startsWith(b) || b.startsWith(a)) {
        return true;
      }
    }
  }

  return false;
};

const parseRepeatedExtglob = (pattern, requireEnd = true) => {
  if ((pattern[0] !== '+' && pattern[0] !== '*') || pattern[1] !== '(') {
    return;
  }

  let bracket = 0;
  let paren = 0;
  let quote = 0;
  let escaped = false;

  for (let i = 1; i < pattern.length; i++) {
    const ch = pattern[i];

    if (escaped === true) {
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      escaped = true;
      continue;
    }

    if (ch === '"') {
      quote = quote === 1 ? 0 : 1;
      continue;
    }

    if (quote === 1) {
      continue;
    }

    if (ch === '[') {
      bracket++;
      continue;
    }

    if (ch === ']' && bracket > 0) {
      bracket--;
      continue;
    }

    if (bracket > 0) {
      continue;
    }

    if (ch === '(') {
      paren++;
      continue;
    }

    if (ch === ')') {
      paren--;

      if (paren === 0) {
        if (requireEnd === true && i !== pattern.length - 1) {
          return;
        }

        return {
          type: pattern[0],
          body: pattern.slice(2, i),
          end: i
        };
      }
    }
  }
};

const buildCharClassStar = chars => {
  const source = chars.length === 1
    ? utils.escapeRegex(chars[0])
    : `[${chars.map(ch => utils.escapeRegex(ch)).join('')}]`;

  return `${source}*`;
};

const getStarExtglobSequenceChars = pattern => {
  let index = 0;
  const chars = [];

  while (index < pattern.length) {
    const match = parseRepeatedExtglob(pattern.slice(index), false);

    if (!match || match.type !== '*') {
      return;
    }

    const branches = splitTopLevel(match.body).map(branch => branch.trim());
    if (branches.length !== 1) {
      return;
    }

    const branch = normalizeSimpleBranch(branches[0]);
    if (!branch || branch.length !== 1) {
      return;
    }

    chars.push(branch);
    index += match.end + 1;
  }

  if (chars.length < 1) {
    return;
  }

  return chars;
};

const repeatedExtglobRecursion = pattern => {
  let depth = 0;
  let value = pattern.trim();
  let match = parseRepeatedExtglob(value);

  while (match) {
    depth++;
    value = match.body.trim();
    match = parseRepeatedExtglob(value);
  }

  return depth;
};

const analyzeRepeatedExtglob = (body, options) => {
  if (options.maxExtglobRecursion === false) {
    return { risky: false };
  }

  const max =
    typeof options.maxExtglobRecursion === 'number'
      ? options.maxExtglobRecursion
      : constants.DEFAULT_MAX_EXTGLOB_RECURSION;

  const branches = splitTopLevel(body).map(branch => branch.trim());

  if (branches.length > 1) {
    if (
      branches.some(branch => branch === '') ||
      branches.some(branch => /^[*?]+$/.test(branch)) ||
      hasRepeatedCharPrefixOverlap(branches)
    ) {
      return { risky: true };
    }
  }

  // A repeated extglob is "risky" (prone to catastrophic backtracking) when a
  // branch is itself a `*(...)` sequence, since that nests an unbounded quantifier
  // inside the outer `+(...)`/`*(...)`. When *every* branch reduces to single
  // characters we can emit one flat, ReDoS-safe character class that preserves the
  // meaning of ALL branches (e.g. `+(*(a)|*(b))` -> `[ab]*`), rather than dropping
  // every branch but the first.
  const safeChars = [];
  let sawStarSequence = false;
  let combinable = true;

  for (const branch of branches) {
    const chars = getStarExtglobSequenceChars(branch);
    if (chars) {
      sawStarSequence = true;
      safeChars.push(...chars);
      continue;
    }

    const literal = normalizeSimpleBranch(branch);
    if (literal && literal.length === 1) {
      safeChars.push(literal);
      continue;
    }

    combinable = false;

    if (repeatedExtglobRecursion(branch) > max) {
      return { risky: true };
    }
  }

  if (sawStarSequence) {
    return combinable
      ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) }
      : { risky: true };
  }

  return { risky: false };
};

/**
 * Parse the given input string.
 * @param {String} input
 * @param {Object} options
 * @return {Object}
 */

const parse = (input, options) => {
  if (typeof input !== 'string') {
    throw new TypeError('Expected a string');
  }

  input = REPLACEMENTS[input] || input;

  const opts = { ...options };
  const max = typeof opts.maxLength === 'number' ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;

  let len = input.length;
  if (len > max) {
    throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
  }

  const bos = { type: 'bos', value: '', output: opts.prepend || '' };
  const tokens = [bos];

  const capture = opts.capture ? '' : '?:';

  // create constants based on platform, for windows or posix
  const PLATFORM_CHARS = constants.globChars(opts.windows);
  const EXTGLOB_CHARS = constants.extglobChars(PLATFORM_CHARS);

  const {
    DOT_LITERAL,
    PLUS_LITERAL,
    SLASH_LITERAL,
    ONE_CHAR,
    DOTS_SLASH,
    NO_DOT,
    NO_DOT_SLASH,
    NO_DOTS_SLASH,
    QMARK,
    QMARK_NO_DOT,
    STAR,
    START_ANCHOR
  } = PLATFORM_CHARS;

  const globstar = opts => {
    return `(${capture}(?:(?!${START_ANCHOR}${opts.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
  };

  const nodot = opts.dot ? '' : NO_DOT;
  const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
  let star = opts.bash === true ? globstar(opts) : STAR;

  if (opts.capture) {
    star = `(${star})`;
  }

  // minimatch options support
  if (typeof opts.noext === 'boolean') {
    opts.noextglob = opts.noext;
  }

  const state = {
    input,
    index: -1,
    start: 0,
    dot: opts.dot === true,
    consumed: '',
    output: '',
    prefix: '',
    backtrack: false,
    negated: false,
    brackets: 0,
    braces: 0,
    parens: 0,
    quotes: 0,
    globstar: false,
    tokens
  };

  input = utils.removePrefix(input, state);
  len = input.length;

  const extglobs = [];
  const braces = [];
  const stack = [];
  let prev = bos;
  let value;

  /**
   * Tokenizing helpers
   */

  const eos = () => state.index === len - 1;
  const peek = state.peek = (n = 1) => input[state.index + n];
  const advance = state.advance = () => input[++state.index] || '';
  const remaining = () => input.slice(state.index + 1);
  const consume = (value = '', num = 0) => {
    state.consumed += value;
    state.index += num;
  };

  const append = token => {
    state.output += token.output != null ? token.output : token.value;
    consume(token.value);
  };

  const negate = () => {
    let count = 1;

    while (peek() === '!' && (peek(2) !== '(' || peek(3) === '?')) {
      advance();
      state.start++;
      count++;
    }

    if (count % 2 === 0) {
      return false;
    }

    state.negated = true;
    state.start++;
    return true;
  };

  const increment = type => {
    state[type]++;
    stack.push(type);
  };

  const decrement = type => {
    state[type]--;
    stack.pop();
  };

  /**
   * Push tokens onto the tokens array. This helper speeds up
   * tokenizing by 1) helping us avoid backtracking as much as possible,
   * and 2) helping us avoid creating extra tokens when consecutive
   * characters are plain text. This improves performance and simplifies
   * lookbehinds.
   */

  const push = tok => {
    if (prev.type === 'globstar') {
      const isBrace = state.braces > 0 && (tok.type === 'comma' || tok.type === 'brace');
      const isExtglob = tok.extglob === true || (extglobs.length && (tok.type === 'pipe' || tok.type === 'paren'));

      if (tok.type !== 'slash' && tok.type !== 'paren' && !isBrace && !isExtglob) {
        state.output = state.output.slice(0, -prev.output.length);
        prev.type = 'star';
        prev.value = '*';
        prev.output = star;
        state.output += prev.output;
      }
    }

    if (extglobs.length && tok.type !== 'paren') {
      extglobs[extglobs.length - 1].inner += tok.value;
    }

    if (tok.value || tok.output) append(tok);
    if (prev && prev.type === 'text' && tok.type === 'text') {
      prev.output = (prev.output || prev.value) + tok.value;
      prev.value += tok.value;
      return;
    }

    tok.prev = prev;
    tokens.push(tok);
    prev = tok;
  };

  const extglobOpen = (type, value) => {
    const token = { ...EXTGLOB_CHARS[value], conditions: 1, inner: '' };

    token.prev = prev;
    token.parens = state.parens;
    token.output = state.output;
    token.startIndex = state.index;
    token.tokensIndex = tokens.length;
    const output = (opts.capture ? '(' : '') + token.open;

    increment('parens');
    push({ type, value, output: state.output ? '' : ONE_CHAR });
    push({ type: 'paren', extglob: true, value: advance(), output });
    extglobs.push(token);
  };

  const extglobClose = token => {
    const literal = input.slice(token.startIndex, state.index + 1);
    const body = input.slice(token.startIndex + 2, state.index);
    const analysis = analyzeRepeatedExtglob(body, opts);

    if ((token.type === 'plus' || token.type === 'star') && analysis.risky) {
      const safeOutput = analysis.safeOutput
        ? (token.output ? '' : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput)
        : undefined;
      const open = tokens[token.tokensIndex];

      open.type = 'text';
      open.value = literal;
      open.output = safeOutput || utils.escapeRegex(literal);

      for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
        tokens[i].value = '';
        tokens[i].output = '';
        delete tokens[i].suffix;
      }

      state.output = token.output + open.output;
      state.backtrack = true;

      push({ type: 'paren', extglob: true, value, output: '' });
      decrement('parens');
      return;
    }

    let output = token.close + (opts.capture ? ')' : '');
    let rest;

    if (token.type === 'negate') {
      let extglobStar = star;

      if (token.inner && token.inner.length > 1 && token.inner.includes('/')) {
        extglobStar = globstar(opts);
      }

      if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
        output = token.close = `)$))${extglobStar}`;
      }

      if (token.inner.includes('*') && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
        // Any non-magical string (`.ts`) or even nested expression (`.{ts,tsx}`) can follow after the closing parenthesis.
        // In this case, we need to parse the string and use it in the output of the original pattern.
        // Suitable patterns: `/!(*.d).ts`, `/!(*.d).{ts,tsx}`, `**/!(*-dbg).@(js)`.
        //
        // Disabling the `fastpaths` option due to a problem with parsing strings as `.ts` in the pattern like `**/!(*.d).ts`.
        const expression = parse(rest, { ...options, fastpaths: false }).output;

        output = token.close = `)${expression})${extglobStar})`;
      }

      if (token.prev.type === 'bos') {
        state.negatedExtglob = true;
      }
    }

    push({ type: 'paren', extglob: true, value, output });
    decrement('parens');
  };

  /**
   * Fast paths
   */

  if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
    let backslashes = false;

    let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
      if (first === '\\') {
        backslashes = true;
        return m;
      }

      if (first === '?') {
        if (esc) {
          return esc + first + (rest ? QMARK.repeat(rest.length) : '');
        }
        if (index === 0) {
          return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : '');
        }
        return QMARK.repeat(chars.length);
      }

      if (first === '.') {
        return DOT_LITERAL.repeat(chars.length);
      }

      if (first === '*') {
        if (esc) {
          return esc + first + (rest ? star : '');
        }
        return star;
      }
      return esc ? m : `\\${m}`;
    });

    if (backslashes === true) {
      if (opts.unescape === true) {
        output = output.replace(/\\/g, '');
      } else {
        output = output.replace(/\\+/g, m => {
          return m.length % 2 === 0 ? '\\\\' : (m ? '\\' : '');
        });
      }
    }

    if (output === input && opts.contains === true) {
      state.output = input;
      return state;
    }

    state.output = utils.wrapOutput(output, state, options);
    return state;
  }

  /**
   * Tokenize input until we reach end-of-string
   */

  while (!eos()) {
    value = advance();

    if (value === '\u0000') {
      continue;
    }

    /**
     * Escaped characters
     */

    if (value === '\\') {
      const next = peek();

      if (next === '/' && opts.bash !== true) {
        continue;
      }

      if (next === '.' || next === ';') {
        continue;
      }

      if (!next) {
        value += '\\';
        push({ type: 'text', value });
        continue;
      }

      // collapse slashes to reduce potential for exploits
      const match = /^\\+/.exec(remaining());
      let slashes = 0;

      if (match && match[0].length > 2) {
        slashes = match[0].length;
        state.index += slashes;
        if (slashes % 2 !== 0) {
          value += '\\';
        }
      }

      if (opts.unescape === true) {
        value = advance();
      } else {
        value += advance();
      }

      if (state.brackets === 0) {
        push({ type: 'text', value });
        continue;
      }
    }

    /**
     * If we're inside a regex character class, continue
     * until we reach the closing bracket.
     */

    if (state.brackets > 0 && (value !== ']' || prev.value === '[' || prev.value === '[^')) {
      if (opts.posix !== false && value === ':') {
        const inner = prev.value.slice(1);
        if (inner.includes('[')) {
          prev.posix = true;

          if (inner.includes(':')) {
            const idx = prev.value.lastIndexOf('[');
            const pre = prev.value.slice(0, idx);
            const rest = prev.value.slice(idx + 2);
            const posix = POSIX_REGEX_SOURCE[rest];
            if (posix) {
              prev.value = pre + posix;
              state.backtrack = true;
              advance();

              if (!bos.output && tokens.indexOf(prev) === 1) {
                bos.output = ONE_CHAR;
              }
              continue;
            }
          }
        }
      }

      if ((value === '[' && peek() !== ':') || (value === '-' && peek() === ']')) {
        value = `\\${value}`;
      }

      if (value === ']' && (prev.value === '[' || prev.value === '[^')) {
        value = `\\${value}`;
      }

      if (opts.posix === true && value === '!' && prev.value === '[') {
        value = '^';
      }

      prev.value += value;
      append({ value });
      continue;
    }

    /**
     * If we're inside a quoted string, continue
     * until we reach the closing double quote.
     */

    if (state.quotes === 1 && value !== '"') {
      value = utils.escapeRegex(value);
      prev.value += value;
      append({ value });
      continue;
    }

    /**
     * Double quotes
     */

    if (value === '"') {
      state.quotes = state.quotes === 1 ? 0 : 1;
      if (opts.keepQuotes === true) {
        push({ type: 'text', value });
      }
      continue;
    }

    /**
     * Parentheses
     */

    if (value === '(') {
      increment('parens');
      push({ type: 'paren', value });
      continue;
    }

    if (value === ')') {
      if (state.parens === 0 && opts.strictBrackets === true) {
        throw new SyntaxError(syntaxError('opening', '('));
      }

      const extglob = extglobs[extglobs.length - 1];
      if (extglob && state.parens === extglob.parens + 1) {
        extglobClose(extglobs.pop());
        continue;
      }

      push({ type: 'paren', value, output: state.parens ? ')' : '\\)' });
      decrement('parens');
      continue;
    }

    /**
     * Square brackets
     */

    if (value === '[') {
      if (opts.nobracket === true || !remaining().includes(']')) {
        if (opts.nobracket !== true && opts.strictBrackets === true) {
          throw new SyntaxError(syntaxError('closing', ']'));
        }

        value = `\\${value}`;
      } else {
        increment('brackets');
      }

      push({ type: 'bracket', value });
      continue;
    }

    if (value === ']') {
      if (opts.nobracket === true || (prev && prev.type === 'bracket' && prev.value.length === 1)) {
        push({ type: 'text', value, output: `\\${value}` });
        continue;
      }

      if (state.brackets === 0) {
        if (opts.strictBrackets === true) {
          throw new SyntaxError(syntaxError('opening', '['));
        }

        push({ type: 'text', value, output: `\\${value}` });
        continue;
      }

      decrement('brackets');

      const prevValue = prev.value.slice(1);
      if (prev.posix !== true && prevValue[0] === '^' && !prevValue.includes('/')) {
        value = `/${value}`;
      }

      prev.value += value;
      append({ value });

      // when literal brackets are explicitly disabled
      // assume we should match with a regex character class
      if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
        continue;
      }

      const escaped = utils.escapeRegex(prev.value);
      state.output = state.output.slice(0, -prev.value.length);

      // when literal brackets are explicitly enabled
      // assume we should escape the brackets to match literal characters
      if (opts.literalBrackets === true) {
        state.output += escaped;
        prev.value = escaped;
        continue;
      }

      // when the user specifies nothing, try to match both
      prev.value = `(${capture}${escaped}|${prev.value})`;
      state.output += prev.value;
      continue;
    }

    /**
     * Braces
     */

    if (value === '{' && opts.nobrace !== true) {
      increment('braces');

      const open = {
        type: 'brace',
        value,
        output: '(',
        outputIndex: state.output.length,
        tokensIndex: state.tokens.length
      };

      braces.push(open);
      push(open);
      continue;
    }

    if (value === '}') {
      const brace = braces[braces.length - 1];

      if (opts.nobrace === true || !brace) {
        push({ type: 'text', value, output: value });
        continue;
      }

      let output = ')';

      if (brace.dots === true) {
        const arr = tokens.slice();
        const range = [];

        for (let i = arr.length - 1; i >= 0; i--) {
          tokens.pop();
          if (arr[i].type === 'brace') {
            break;
          }
          if (arr[i].type !== 'dots') {
            range.unshift(arr[i].value);
          }
        }

        output = expandRange(range, opts);
        state.backtrack = true;
      }

      if (brace.comma !== true && brace.dots !== true) {
        const out = state.output.slice(0, brace.outputIndex);
        const toks = state.tokens.slice(brace.tokensIndex);
        brace.value = brace.output = '\\{';
        value = output = '\\}';
        state.output = out;
        for (const t of toks) {
          state.output += (t.output || t.value);
        }
      }

      push({ type: 'brace', value, output });
      decrement('braces');
      braces.pop();
      continue;
    }

    /**
     * Pipes
     */

    if (value === '|') {
      if (extglobs.length > 0) {
        extglobs[extglobs.length - 1].conditions++;
      }
      push({ type: 'text', value });
      continue;
    }

    /**
     * Commas
     */

    if (value === ',') {
      let output = value;

      const brace = braces[braces.length - 1];
      if (brace && stack[stack.length - 1] === 'braces') {
        brace.comma = true;
        output = '|';
      }

      push({ type: 'comma', value, output });
      continue;
    }

    /**
     * Slashes
     */

    if (value === '/') {
      // if the beginning of the glob is "./", advance the start
      // to the current index, and don't add the "./" characters
      // to the state. This greatly simplifies lookbehinds when
      // checking for BOS characters like "!" and "." (not "./")
      if (prev.type === 'dot' && state.index === state.start + 1) {
        state.start = state.index + 1;
        state.consumed = '';
        state.output = '';
        tokens.pop();
        prev = bos; // reset "prev" to the first token
        continue;
      }

      push({ type: 'slash', value, output: SLASH_LITERAL });
      continue;
    }

    /**
     * Dots
     */

    if (value === '.') {
      if (state.braces > 0 && prev.type === 'dot') {
        if (prev.value === '.') prev.output = DOT_LITERAL;
        const brace = braces[braces.length - 1];
        prev.type = 'dots';
        prev.output += value;
        prev.value += value;
        brace.dots = true;
        continue;
      }

      if ((state.braces + state.parens) === 0 && prev.type !== 'bos' && prev.type !== 'slash') {
        push({ type: 'text', value, output: DOT_LITERAL });
        continue;
      }

      push({ type: 'dot', value, output: DOT_LITERAL });
      continue;
    }

    /**
     * Question marks
     */

    if (value === '?') {
      const isGroup = prev && prev.value === '(';
      if (!isGroup && opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        extglobOpen('qmark', value);
        continue;
      }

      if (prev && prev.type === 'paren') {
        const next = peek();
        let output = value;

        if ((prev.value === '(' && !/[!=<:]/.test(next)) || (next === '<' && !/<([!=]|\w+>)/.test(remaining()))) {
          output = `\\${value}`;
        }

        push({ type: 'text', value, output });
        continue;
      }

      if (opts.dot !== true && (prev.type === 'slash' || prev.type === 'bos')) {
        push({ type: 'qmark', value, output: QMARK_NO_DOT });
        continue;
      }

      push({ type: 'qmark', value, output: QMARK });
      continue;
    }

    /**
     * Exclamation
     */

    if (value === '!') {
      if (opts.noextglob !== true && peek() === '(') {
        if (peek(2) !== '?' || !/[!=<:]/.test(peek(3))) {
          extglobOpen('negate', value);
          continue;
        }
      }

      if (opts.nonegate !== true && state.index === 0) {
        negate();
        continue;
      }
    }

    /**
     * Plus
     */

    if (value === '+') {
      if (opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        extglobOpen('plus', value);
        continue;
      }

      if ((prev && prev.value === '(') || opts.regex === false) {
        push({ type: 'plus', value, output: PLUS_LITERAL });
        continue;
      }

      if ((prev && (prev.type === 'bracket' || prev.type === 'paren' || prev.type === 'brace')) || state.parens > 0) {
        push({ type: 'plus', value });
        continue;
      }

      push({ type: 'plus', value: PLUS_LITERAL });
      continue;
    }

    /**
     * Plain text
     */

    if (value === '@') {
      if (opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        push({ type: 'at', extglob: true, value, output: '' });
        continue;
      }

      push({ type: 'text', value });
      continue;
    }

    /**
     * Plain text
     */

    if (value !== '*') {
      if (value === '$' || value === '^') {
        value = `\\${value}`;
      }

      const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
      if (match) {
        value += match[0];
        state.index += match[0].length;
      }

      push({ type: 'text', value });
      continue;
    }

    /**
     * Stars
     */

    if (prev && (prev.type === 'globstar' || prev.star === true)) {
      prev.type = 'star';
      prev.star = true;
      prev.value += value;
      prev.output = star;
      state.backtrack = true;
      state.globstar = true;
      consume(value);
      continue;
    }

    let rest = remaining();
    if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
      extglobOpen('star', value);
      continue;
    }

    if (prev.type === 'star') {
      if (opts.noglobstar === true) {
        consume(value);
        continue;
      }

      const prior = prev.prev;
      const before = prior.prev;
      const isStart = prior.type === 'slash' || prior.type === 'bos';
      const afterStar = before && (before.type === 'star' || before.type === 'globstar');

      if (opts.bash === true && (!isStart || (rest[0] && rest[0] !== '/'))) {
        push({ type: 'star', value, output: '' });
        continue;
      }

      const isBrace = state.braces > 0 && (prior.type === 'comma' || prior.type === 'brace');
      const isExtglob = extglobs.length && (prior.type === 'pipe' || prior.type === 'paren');
      if (!isStart && prior.type !== 'paren' && !isBrace && !isExtglob) {
        push({ type: 'star', value, output: '' });
        continue;
      }

      // strip consecutive `/**/`
      while (rest.slice(0, 3) === '/**') {
        const after = input[state.index + 4];
        if (after && after !== '/') {
          break;
        }
        rest = rest.slice(3);
        consume('/**', 3);
      }

      // A globstar followed only by balanced closing parens is at the logical end of patterns like
      // `test(/utils/**)` and `test?(/utils/**)`. Treat it as EOS so the trailing `/**` can match its
      // parent path, except in negated extglobs where that would change the exclusion semantics.
      const isEnd = eos() || (
        state.parens > 0
        && rest === ')'.repeat(state.parens)
        && !extglobs.some(extglob => extglob.type === 'negate')
      );

      if (prior.type === 'bos' && eos()) {
        prev.type = 'globstar';
        prev.value += value;
        prev.output = globstar(opts);
        state.output = prev.output;
        state.globstar = true;
        consume(value);
        continue;
      }

      if (prior.type === 'slash' && prior.prev.type !== 'bos' && !afterStar && isEnd) {
        state.output = state.output.slice(0, -(prior.output + prev.output).length);
        prior.output = `(?:${prior.output}`;

        prev.type = 'globstar';
        prev.output = globstar(opts) + (opts.strictSlashes ? ')' : '|$)');
        prev.value += value;
        state.globstar = true;
        state.output += prior.output + prev.output;
        consume(value);
        continue;
      }

      if (prior.type === 'slash' && prior.prev.type !== 'bos' && rest[0] === '/') {
        const end = rest[1] !== void 0 ? '|$' : '';

        state.output = state.output.slice(0, -(prior.output + prev.output).length);
        prior.output = `(?:${prior.output}`;

        prev.type = 'globstar';
        prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
        prev.value += value;

        state.output += prior.output + prev.output;
        state.globstar = true;

        consume(value + advance());

        push({ type: 'slash', value: '/', output: '' });
        continue;
      }

      if (prior.type === 'bos' && rest[0] === '/') {
        prev.type = 'globstar';
        prev.value += value;
        prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
        state.output = prev.output;
        state.globstar = true;
        consume(value + advance());
        push({ type: 'slash', value: '/', output: '' });
        continue;
      }

      // remove single star from output
      state.output = state.output.slice(0, -prev.output.length);

      // reset previous token to globstar
      prev.type = 'globstar';
      prev.output = globstar(opts);
      prev.value += value;

      // reset output with globstar
      state.output += prev.output;
      state.globstar = true;
      consume(value);
      continue;
    }

    const token = { type: 'star', value, output: star };

    if (opts.bash === true) {
      token.output = '.*?';
      if (prev.type === 'bos' || prev.type === 'slash') {
        token.output = nodot + token.output;
      }
      push(token);
      continue;
    }

    if (prev && (prev.type === 'bracket' || prev.type === 'paren') && opts.regex === true) {
      token.output = value;
      push(token);
      continue;
    }

    if (state.index === state.start || prev.type === 'slash' || prev.type === 'dot') {
      if (prev.type === 'dot') {
        state.output += NO_DOT_SLASH;
        prev.output += NO_DOT_SLASH;

      } else if (opts.dot === true) {
        state.output += NO_DOTS_SLASH;
        prev.output += NO_DOTS_SLASH;

      } else {
        state.output += nodot;
        prev.output += nodot;
      }

      if (peek() !== '*') {
        state.output += ONE_CHAR;
        prev.output += ONE_CHAR;
      }
    }

    push(token);
  }

  while (state.brackets > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', ']'));
    state.output = utils.escapeLast(state.output, '[');
    decrement('brackets');
  }

  while (state.parens > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', ')'));
    state.output = utils.escapeLast(state.output, '(');
    decrement('parens');
  }

  while (state.braces > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', '}'));
    state.output = utils.escapeLast(state.output, '{');
    decrement('braces');
  }

  if (opts.strictSlashes !== true && (prev.type === 'star' || prev.type === 'bracket')) {
    push({ type: 'maybe_slash', value: '', output: `${SLASH_LITERAL}?` });
  }

  // rebuild the output if we had to backtrack at any point
  if (state.backtrack === true) {
    state.output = '';

    for (const token of state.tokens) {
      state.output += token.output != null ? token.output : token.value;

      if (token.suffix) {
        state.output += token.suffix;
      }
    }
  }

  return state;
};

/**
 * Fast paths for creating regular expressions for common glob patterns.
 * This can significantly speed up processing and has very little downside
 * impact when none of the fast paths match.
 */

parse.fastpaths = (input, options) => {
  const opts = { ...options };
  const max = typeof opts.maxLength === 'number' ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
  const len = input.length;
  if (len > max) {
    throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
  }

  input = REPLACEMENTS[input] || input;

  // create constants based on platform, for windows or posix
  const {
    DOT_LITERAL,
    SLASH_LITERAL,
    ONE_CHAR,
    DOTS_SLASH,
    NO_DOT,
    NO_DOTS,
    NO_DOTS_SLASH,
    STAR,
    START_ANCHOR
  } = constants.globChars(opts.windows);

  const nodot = opts.dot ? NO_DOTS : NO_DOT;
  const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
  const capture = opts.capture ? '' : '?:';
  const state = { negated: false, prefix: '' };
  let star = opts.bash === true ? '.*?' : STAR;

  if (opts.capture) {
    star = `(${star})`;
  }

  const globstar = opts => {
    if (opts.noglobstar === true) return star;
    return `(${capture}(?:(?!${START_ANCHOR}${opts.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
  };

  const create = str => {
    switch (str) {
      case '*':
        return `${nodot}${ONE_CHAR}${star}`;

      case '.*':
        return `${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '*.*':
        return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '*/*':
        return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;

      case '**':
        return nodot + globstar(opts);

      case '**/*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;

      case '**/*.*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '**/.*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;

      default: {
        const match = /^(.*?)\.(\w+)$/.exec(str);
        if (!match) return;

        const source = create(match[1]);
        if (!source) return;

        return source + DOT_LITERAL + match[2];
      }
    }
  };

  const output = utils.removePrefix(input, state);
  let source = create(output);

  if (source && opts.strictSlashes !== true) {
    source += `${SLASH_LITERAL}?`;
  }

  return source;
};

module.exports = parse;


/***/ }),

/***/ 3936:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const scan = __nccwpck_require__(117);
const parse = __nccwpck_require__(3721);
const utils = __nccwpck_require__(3211);
const constants = __nccwpck_require__(667);
const isObject = val => val && typeof val === 'object' && !Array.isArray(val);

/**
 * Creates a matcher function from one or more glob patterns. The
 * returned function takes a string to match as its first argument,
 * and returns true if the string is a match. The returned matcher
 * function also takes a boolean as the second argument that, when true,
 * returns an object with additional information.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch(glob[, options]);
 *
 * const isMatch = picomatch('*.!(*a)');
 * console.log(isMatch('a.a')); //=> false
 * console.log(isMatch('a.b')); //=> true
 *
 * // For environments without `node.js`, `picomatch/posix` provides you a dependency-free matcher, without automatic OS detection.
 * const picomatch = require('picomatch/posix');
 * // the same API, defaulting to posix paths
 * const isMatch = picomatch('a/*');
 * console.log(isMatch('a\\b')); //=> false
 * console.log(isMatch('a/b')); //=> true
 *
 * // you can still configure the matcher function to accept windows paths
 * const isMatch = picomatch('a/*', { options: windows });
 * console.log(isMatch('a\\b')); //=> true
 * console.log(isMatch('a/b')); //=> true
 * ```
 * @name picomatch
 * @param {String|Array} `globs` One or more glob patterns.
 * @param {Object=} `options`
 * @return {Function=} Returns a matcher function.
 * @api public
 */

const picomatch = (glob, options, returnState = false) => {
  if (Array.isArray(glob)) {
    const fns = glob.map(input => picomatch(input, options, returnState));
    const arrayMatcher = str => {
      for (const isMatch of fns) {
        const state = isMatch(str);
        if (state) return state;
      }
      return false;
    };
    return arrayMatcher;
  }

  const isState = isObject(glob) && glob.tokens && glob.input;

  if (glob === '' || (typeof glob !== 'string' && !isState)) {
    throw new TypeError('Expected pattern to be a non-empty string');
  }

  const opts = options || {};
  const posix = opts.windows;
  const regex = isState
    ? picomatch.compileRe(glob, options)
    : picomatch.makeRe(glob, options, false, true);

  const state = regex.state;
  delete regex.state;

  let isIgnored = () => false;
  if (opts.ignore) {
    const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
    isIgnored = picomatch(opts.ignore, ignoreOpts, returnState);
  }

  const matcher = (input, returnObject = false) => {
    const { isMatch, match, output } = picomatch.test(input, regex, options, { glob, posix });
    const result = { glob, state, regex, posix, input, output, match, isMatch };

    if (typeof opts.onResult === 'function') {
      opts.onResult(result);
    }

    if (isMatch === false) {
      result.isMatch = false;
      return returnObject ? result : false;
    }

    if (isIgnored(input)) {
      if (typeof opts.onIgnore === 'function') {
        opts.onIgnore(result);
      }
      result.isMatch = false;
      return returnObject ? result : false;
    }

    if (typeof opts.onMatch === 'function') {
      opts.onMatch(result);
    }
    return returnObject ? result : true;
  };

  if (returnState) {
    matcher.state = state;
  }

  return matcher;
};

/**
 * Test `input` with the given `regex`. This is used by the main
 * `picomatch()` function to test the input string.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.test(input, regex[, options]);
 *
 * console.log(picomatch.test('foo/bar', /^(?:([^/]*?)\/([^/]*?))$/));
 * // { isMatch: true, match: [ 'foo/', 'foo', 'bar' ], output: 'foo/bar' }
 * ```
 * @param {String} `input` String to test.
 * @param {RegExp} `regex`
 * @return {Object} Returns an object with matching info.
 * @api public
 */

picomatch.test = (input, regex, options, { glob, posix } = {}) => {
  if (typeof input !== 'string') {
    throw new TypeError('Expected input to be a string');
  }

  if (input === '') {
    return { isMatch: false, output: '' };
  }

  const opts = options || {};
  const format = opts.format || (posix ? utils.toPosixSlashes : null);
  let match = input === glob;
  let output = (match && format) ? format(input) : input;

  if (match === false) {
    output = format ? format(input) : input;
    match = output === glob;
  }

  if (match === false || opts.capture === true) {
    if (opts.matchBase === true || opts.basename === true) {
      match = picomatch.matchBase(input, regex, options, posix);
    } else {
      match = regex.exec(output);
    }
  }

  return { isMatch: Boolean(match), match, output };
};

/**
 * Match the basename of a filepath.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.matchBase(input, glob[, options]);
 * console.log(picomatch.matchBase('foo/bar.js', '*.js'); // true
 * ```
 * @param {String} `input` String to test.
 * @param {RegExp|String} `glob` Glob pattern or regex created by [.makeRe](#makeRe).
 * @return {Boolean}
 * @api public
 */

picomatch.matchBase = (input, glob, options, posix = options && options.windows) => {
  const regex = glob instanceof RegExp ? glob : picomatch.makeRe(glob, options);
  return regex.test(utils.basename(input, { windows: posix }));
};

/**
 * Returns true if **any** of the given glob `patterns` match the specified `string`.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.isMatch(string, patterns[, options]);
 *
 * console.log(picomatch.isMatch('a.a', ['b.*', '*.a'])); //=> true
 * console.log(picomatch.isMatch('a.a', 'b.*')); //=> false
 * ```
 * @param {String|Array} str The string to test.
 * @param {String|Array} patterns One or more glob patterns to use for matching.
 * @param {Object} [options] See available [options](#options).
 * @return {Boolean} Returns true if any patterns match `str`
 * @api public
 */

picomatch.isMatch = (str, patterns, options) => picomatch(patterns, options)(str);

/**
 * Parse a glob pattern to create the source string for a regular
 * expression.
 *
 * ```js
 * const picomatch = require('picomatch');
 * const result = picomatch.parse(pattern[, options]);
 * ```
 * @param {String} `pattern`
 * @param {Object} `options`
 * @return {Object} Returns an object with useful properties and output to be used as a regex source string.
 * @api public
 */

picomatch.parse = (pattern, options) => {
  if (Array.isArray(pattern)) return pattern.map(p => picomatch.parse(p, options));
  return parse(pattern, { ...options, fastpaths: false });
};

/**
 * Scan a glob pattern to separate the pattern into segments.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.scan(input[, options]);
 *
 * const result = picomatch.scan('!./foo/*.js');
 * console.log(result);
 * { prefix: '!./',
 *   input: '!./foo/*.js',
 *   start: 3,
 *   base: 'foo',
 *   glob: '*.js',
 *   isBrace: false,
 *   isBracket: false,
 *   isGlob: true,
 *   isExtglob: false,
 *   isGlobstar: false,
 *   negated: true }
 * ```
 * @param {String} `input` Glob pattern to scan.
 * @param {Object} `options`
 * @return {Object} Returns an object with
 * @api public
 */

picomatch.scan = (input, options) => scan(input, options);

/**
 * Compile a regular expression from the `state` object returned by the
 * [parse()](#parse) method.
 *
 * ```js
 * const picomatch = require('picomatch');
 * const state = picomatch.parse('*.js');
 * // picomatch.compileRe(state[, options]);
 *
 * console.log(picomatch.compileRe(state));
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {Object} `state`
 * @param {Object} `options`
 * @param {Boolean} `returnOutput` Intended for implementors, this argument allows you to return the raw output from the parser.
 * @param {Boolean} `returnState` Adds the state to a `state` property on the returned regex. Useful for implementors and debugging.
 * @return {RegExp}
 * @api public
 */

picomatch.compileRe = (state, options, returnOutput = false, returnState = false) => {
  if (returnOutput === true) {
    return state.output;
  }

  const opts = options || {};
  const prepend = opts.contains ? '' : '^';
  const append = opts.contains ? '' : '$';

  let source = `${prepend}(?:${state.output})${append}`;
  if (state && state.negated === true) {
    source = `^(?!${source}).*$`;
  }

  const regex = picomatch.toRegex(source, options);
  if (returnState === true) {
    regex.state = state;
  }

  return regex;
};

/**
 * Create a regular expression from a parsed glob pattern.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.makeRe(state[, options]);
 *
 * const result = picomatch.makeRe('*.js');
 * console.log(result);
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {String} `state` The object returned from the `.parse` method.
 * @param {Object} `options`
 * @param {Boolean} `returnOutput` Implementors may use this argument to return the compiled output, instead of a regular expression. This is not exposed on the options to prevent end-users from mutating the result.
 * @param {Boolean} `returnState` Implementors may use this argument to return the state from the parsed glob with the returned regular expression.
 * @return {RegExp} Returns a regex created from the given pattern.
 * @api public
 */

picomatch.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
  if (!input || typeof input !== 'string') {
    throw new TypeError('Expected a non-empty string');
  }

  let parsed = { negated: false, fastpaths: true };

  if (options.fastpaths !== false && (input[0] === '.' || input[0] === '*')) {
    parsed.output = parse.fastpaths(input, options);
  }

  if (!parsed.output) {
    parsed = parse(input, options);
  }

  return picomatch.compileRe(parsed, options, returnOutput, returnState);
};

/**
 * Create a regular expression from the given regex source string.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.toRegex(source[, options]);
 *
 * const { output } = picomatch.parse('*.js');
 * console.log(picomatch.toRegex(output));
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {String} `source` Regular expression source string.
 * @param {Object} `options`
 * @return {RegExp}
 * @api public
 */

picomatch.toRegex = (source, options) => {
  try {
    const opts = options || {};
    return new RegExp(source, opts.flags || (opts.nocase ? 'i' : ''));
  } catch (err) {
    if (options && options.debug === true) throw err;
    return /$^/;
  }
};

/**
 * Picomatch constants.
 * @return {Object}
 */

picomatch.constants = constants;

/**
 * Expose "picomatch"
 */

module.exports = picomatch;


/***/ }),

/***/ 117:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const utils = __nccwpck_require__(3211);
const {
  CHAR_ASTERISK,             /* * */
  CHAR_AT,                   /* @ */
  CHAR_BACKWARD_SLASH,       /* \ */
  CHAR_COMMA,                /* , */
  CHAR_DOT,                  /* . */
  CHAR_EXCLAMATION_MARK,     /* ! */
  CHAR_FORWARD_SLASH,        /* / */
  CHAR_LEFT_CURLY_BRACE,     /* { */
  CHAR_LEFT_PARENTHESES,     /* ( */
  CHAR_LEFT_SQUARE_BRACKET,  /* [ */
  CHAR_PLUS,                 /* + */
  CHAR_QUESTION_MARK,        /* ? */
  CHAR_RIGHT_CURLY_BRACE,    /* } */
  CHAR_RIGHT_PARENTHESES,    /* ) */
  CHAR_RIGHT_SQUARE_BRACKET  /* ] */
} = __nccwpck_require__(667);

const isPathSeparator = code => {
  return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
};

const depth = token => {
  if (token.isPrefix !== true) {
    token.depth = token.isGlobstar ? Infinity : 1;
  }
};

/**
 * Quickly scans a glob pattern and returns an object with a handful of
 * useful properties, like `isGlob`, `path` (the leading non-glob, if it exists),
 * `glob` (the actual pattern), `negated` (true if the path starts with `!` but not
 * with `!(`) and `negatedExtglob` (true if the path starts with `!(`).
 *
 * ```js
 * const pm = require('picomatch');
 * console.log(pm.scan('foo/bar/*.js'));
 * { isGlob: true, input: 'foo/bar/*.js', base: 'foo/bar', glob: '*.js' }
 * ```
 * @param {String} `str`
 * @param {Object} `options`
 * @return {Object} Returns an object with tokens and regex source string.
 * @api public
 */

const scan = (input, options) => {
  const opts = options || {};

  const length = input.length - 1;
  const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
  const slashes = [];
  const tokens = [];
  const parts = [];

  let str = input;
  let index = -1;
  let start = 0;
  let lastIndex = 0;
  let isBrace = false;
  let isBracket = false;
  let isGlob = false;
  let isExtglob = false;
  let isGlobstar = false;
  let braceEscaped = false;
  let backslashes = false;
  let negated = false;
  let negatedExtglob = false;
  let finished = false;
  let braces = 0;
  let prev;
  let code;
  let token = { value: '', depth: 0, isGlob: false };

  const eos = () => index >= length;
  const peek = () => str.charCodeAt(index + 1);
  const advance = () => {
    prev = code;
    return str.charCodeAt(++index);
  };

  while (index < length) {
    code = advance();
    let next;

    if (code === CHAR_BACKWARD_SLASH) {
      backslashes = token.backslashes = true;
      code = advance();

      if (code === CHAR_LEFT_CURLY_BRACE) {
        braceEscaped = true;
      }
      continue;
    }

    if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
      braces++;

      while (eos() !== true && (code = advance())) {
        if (code === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          advance();
          continue;
        }

        if (code === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          continue;
        }

        if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
          isBrace = token.isBrace = true;
          isGlob = token.isGlob = true;
          finished = true;

          if (scanToEnd === true) {
            continue;
          }

          break;
        }

        if (braceEscaped !== true && code === CHAR_COMMA) {
          isBrace = token.isBrace = true;
          isGlob = token.isGlob = true;
          finished = true;

          if (scanToEnd === true) {
            continue;
          }

          break;
        }

        if (code === CHAR_RIGHT_CURLY_BRACE) {
          braces--;

          if (braces === 0) {
            braceEscaped = false;
            isBrace = token.isBrace = true;
            finished = true;
            break;
          }
        }
      }

      if (scanToEnd === true) {
        continue;
      }

      break;
    }

    if (code === CHAR_FORWARD_SLASH) {
      slashes.push(index);
      tokens.push(token);
      token = { value: '', depth: 0, isGlob: false };

      if (finished === true) continue;
      if (prev === CHAR_DOT && index === (start + 1)) {
        start += 2;
        continue;
      }

      lastIndex = index + 1;
      continue;
    }

    if (opts.noext !== true) {
      const isExtglobChar = code === CHAR_PLUS
        || code === CHAR_AT
        || code === CHAR_ASTERISK
        || code === CHAR_QUESTION_MARK
        || code === CHAR_EXCLAMATION_MARK;

      if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
        isGlob = token.isGlob = true;
        isExtglob = token.isExtglob = true;
        finished = true;
        if (code === CHAR_EXCLAMATION_MARK && index === start) {
          negatedExtglob = true;
        }

        if (scanToEnd === true) {
          let parens = 0;

          while (eos() !== true && (code = advance())) {
            if (code === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }

            if (code === CHAR_LEFT_PARENTHESES) {
              parens++;
              continue;
            }

            if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
              finished = true;
              break;
            }
          }
          continue;
        }
        break;
      }
    }

    if (code === CHAR_ASTERISK) {
      if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
      isGlob = token.isGlob = true;
      finished = true;

      if (scanToEnd === true) {
        continue;
      }
      break;
    }

    if (code === CHAR_QUESTION_MARK) {
      isGlob = token.isGlob = true;
      finished = true;

      if (scanToEnd === true) {
        continue;
      }
      break;
    }

    if (code === CHAR_LEFT_SQUARE_BRACKET) {
      while (eos() !== true && (next = advance())) {
        if (next === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          advance();
          continue;
        }

        if (next === CHAR_RIGHT_SQUARE_BRACKET) {
          isBracket = token.isBracket = true;
          isGlob = token.isGlob = true;
          finished = true;
          break;
        }
      }

      if (scanToEnd === true) {
        continue;
      }

      break;
    }

    if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index === start) {
      negated = token.negated = true;
      start++;
      continue;
    }

    if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
      isGlob = token.isGlob = true;

      if (scanToEnd === true) {
        let parens = 1;

        while (eos() !== true && (code = advance())) {
          if (code === CHAR_BACKWARD_SLASH) {
            backslashes = token.backslashes = true;
            advance();
            continue;
          }

          if (code === CHAR_LEFT_PARENTHESES) {
            parens++;
            continue;
          }

          if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
            finished = true;
            break;
          }
        }
        continue;
      }
      break;
    }

    if (isGlob === true) {
      finished = true;

      if (scanToEnd === true) {
        continue;
      }

      break;
    }
  }

  if (opts.noext === true) {
    isExtglob = false;
    isGlob = false;
  }

  let base = str;
  let prefix = '';
  let glob = '';

  if (start > 0) {
    prefix = str.slice(0, start);
    str = str.slice(start);
    lastIndex -= start;
  }

  if (base && isGlob === true && lastIndex > 0) {
    base = str.slice(0, lastIndex);
    glob = str.slice(lastIndex);
  } else if (isGlob === true) {
    base = '';
    glob = str;
  } else {
    base = str;
  }

  if (base && base !== '' && base !== '/' && base !== str) {
    if (isPathSeparator(base.charCodeAt(base.length - 1))) {
      base = base.slice(0, -1);
    }
  }

  if (opts.unescape === true) {
    if (glob) glob = utils.removeBackslashes(glob);

    if (base && backslashes === true) {
      base = utils.removeBackslashes(base);
    }
  }

  const state = {
    prefix,
    input,
    start,
    base,
    glob,
    isBrace,
    isBracket,
    isGlob,
    isExtglob,
    isGlobstar,
    negated,
    negatedExtglob
  };

  if (opts.tokens === true) {
    state.maxDepth = 0;
    if (!isPathSeparator(code)) {
      tokens.push(token);
    }
    state.tokens = tokens;
  }

  if (opts.parts === true || opts.tokens === true) {
    let prevIndex;

    for (let idx = 0; idx < slashes.length; idx++) {
      const n = prevIndex !== undefined ? prevIndex + 1 : start;
      const i = slashes[idx];
      const value = input.slice(n, i);
      if (opts.tokens) {
        if (idx === 0 && start !== 0) {
          tokens[idx].isPrefix = true;
          tokens[idx].value = prefix;
        } else {
          tokens[idx].value = value;
        }
        depth(tokens[idx]);
        state.maxDepth += tokens[idx].depth;
      }
      if (i >= start) {
        parts.push(value);
        prevIndex = i;
      }
    }

    const n = prevIndex !== undefined ? prevIndex + 1 : start;
    const value = input.slice(n);
    parts.push(value);

    if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
      tokens[tokens.length - 1].value = value;
      depth(tokens[tokens.length - 1]);
      state.maxDepth += tokens[tokens.length - 1].depth;
    }

    state.slashes = slashes;
    state.parts = parts;
  }

  return state;
};

module.exports = scan;


/***/ }),

/***/ 3211:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

/*global navigator*/


const {
  REGEX_BACKSLASH,
  REGEX_REMOVE_BACKSLASH,
  REGEX_SPECIAL_CHARS,
  REGEX_SPECIAL_CHARS_GLOBAL
} = __nccwpck_require__(667);

exports.isObject = val => val !== null && typeof val === 'object' && !Array.isArray(val);
exports.hasRegexChars = str => REGEX_SPECIAL_CHARS.test(str);
exports.isRegexChar = str => str.length === 1 && exports.hasRegexChars(str);
exports.escapeRegex = str => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, '\\$1');
exports.toPosixSlashes = str => str.replace(REGEX_BACKSLASH, '/');

exports.isWindows = () => {
  if (typeof navigator !== 'undefined' && navigator.platform) {
    const platform = navigator.platform.toLowerCase();
    return platform === 'win32' || platform === 'windows';
  }

  if (typeof process !== 'undefined' && process.platform) {
    return process.platform === 'win32';
  }

  return false;
};

exports.removeBackslashes = str => {
  return str.replace(REGEX_REMOVE_BACKSLASH, match => {
    return match === '\\' ? '' : match;
  });
};

exports.escapeLast = (input, char, lastIdx) => {
  const idx = input.lastIndexOf(char, lastIdx);
  if (idx === -1) return input;
  if (input[idx - 1] === '\\') return exports.escapeLast(input, char, idx - 1);
  return `${input.slice(0, idx)}\\${input.slice(idx)}`;
};

exports.removePrefix = (input, state = {}) => {
  let output = input;
  if (output.startsWith('./')) {
    output = output.slice(2);
    state.prefix = './';
  }
  return output;
};

exports.wrapOutput = (input, state = {}, options = {}) => {
  const prepend = options.contains ? '' : '^';
  const append = options.contains ? '' : '$';

  let output = `${prepend}(?:${input})${append}`;
  if (state.negated === true) {
    output = `(?:^(?!${output}).*$)`;
  }
  return output;
};

exports.basename = (path, { windows } = {}) => {
  const segs = path.split(windows ? /[\\/]/ : '/');
  const last = segs[segs.length - 1];

  if (last === '') {
    return segs[segs.length - 2];
  }

  return last;
};


/***/ }),

/***/ 203:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const debug = __nccwpck_require__(4039)
const { MAX_LENGTH, MAX_SAFE_INTEGER } = __nccwpck_require__(6045)
const { safeRe: re, t } = __nccwpck_require__(1295)

const parseOptions = __nccwpck_require__(5684)
const { compareIdentifiers } = __nccwpck_require__(4180)

const isPrereleaseIdentifier = (prerelease, identifier) => {
  const identifiers = identifier.split('.')
  if (identifiers.length > prerelease.length) {
    return false
  }

  for (let i = 0; i < identifiers.length; i++) {
    if (compareIdentifiers(prerelease[i], identifiers[i]) !== 0) {
      return false
    }
  }

  return true
}

class SemVer {
  constructor (version, options) {
    options = parseOptions(options)

    if (version instanceof SemVer) {
      if (version.loose === !!options.loose &&
        version.includePrerelease === !!options.includePrerelease) {
        return version
      } else {
        version = version.version
      }
    } else if (typeof version !== 'string') {
      throw new TypeError(`Invalid version. Must be a string. Got type "${typeof version}".`)
    }

    if (version.length > MAX_LENGTH) {
      throw new TypeError(
        `version is longer than ${MAX_LENGTH} characters`
      )
    }

    debug('SemVer', version, options)
    this.options = options
    this.loose = !!options.loose
    // this isn't actually relevant for versions, but keep it so that we
    // don't run into trouble passing this.options around.
    this.includePrerelease = !!options.includePrerelease

    const m = version.trim().match(options.loose ? re[t.LOOSE] : re[t.FULL])

    if (!m) {
      throw new TypeError(`Invalid Version: ${version}`)
    }

    this.raw = version

    // these are actually numbers
    this.major = +m[1]
    this.minor = +m[2]
    this.patch = +m[3]

    if (this.major > MAX_SAFE_INTEGER || this.major < 0) {
      throw new TypeError('Invalid major version')
    }

    if (this.minor > MAX_SAFE_INTEGER || this.minor < 0) {
      throw new TypeError('Invalid minor version')
    }

    if (this.patch > MAX_SAFE_INTEGER || this.patch < 0) {
      throw new TypeError('Invalid patch version')
    }

    // numberify any prerelease numeric ids
    if (!m[4]) {
      this.prerelease = []
    } else {
      this.prerelease = m[4].split('.').map((id) => {
        if (/^[0-9]+$/.test(id)) {
          const num = +id
          if (num >= 0 && num < MAX_SAFE_INTEGER) {
            return num
          }
        }
        return id
      })
    }

    this.build = m[5] ? m[5].split('.') : []
    this.format()
  }

  format () {
    this.version = `${this.major}.${this.minor}.${this.patch}`
    if (this.prerelease.length) {
      this.version += `-${this.prerelease.join('.')}`
    }
    return this.version
  }

  toString () {
    return this.version
  }

  compare (other) {
    debug('SemVer.compare', this.version, this.options, other)
    if (!(other instanceof SemVer)) {
      if (typeof other === 'string' && other === this.version) {
        return 0
      }
      other = new SemVer(other, this.options)
    }

    if (other.version === this.version) {
      return 0
    }

    return this.compareMain(other) || this.comparePre(other)
  }

  compareMain (other) {
    if (!(other instanceof SemVer)) {
      other = new SemVer(other, this.options)
    }

    if (this.major < other.major) {
      return -1
    }
    if (this.major > other.major) {
      return 1
    }
    if (this.minor < other.minor) {
      return -1
    }
    if (this.minor > other.minor) {
      return 1
    }
    if (this.patch < other.patch) {
      return -1
    }
    if (this.patch > other.patch) {
      return 1
    }
    return 0
  }

  comparePre (other) {
    if (!(other instanceof SemVer)) {
      other = new SemVer(other, this.options)
    }

    // NOT having a prerelease is > having one
    if (this.prerelease.length && !other.prerelease.length) {
      return -1
    } else if (!this.prerelease.length && other.prerelease.length) {
      return 1
    } else if (!this.prerelease.length && !other.prerelease.length) {
      return 0
    }

    let i = 0
    do {
      const a = this.prerelease[i]
      const b = other.prerelease[i]
      debug('prerelease compare', i, a, b)
      if (a === undefined && b === undefined) {
        return 0
      } else if (b === undefined) {
        return 1
      } else if (a === undefined) {
        return -1
      } else if (a === b) {
        continue
      } else {
        return compareIdentifiers(a, b)
      }
    } while (++i)
  }

  compareBuild (other) {
    if (!(other instanceof SemVer)) {
      other = new SemVer(other, this.options)
    }

    let i = 0
    do {
      const a = this.build[i]
      const b = other.build[i]
      debug('build compare', i, a, b)
      if (a === undefined && b === undefined) {
        return 0
      } else if (b === undefined) {
        return 1
      } else if (a === undefined) {
        return -1
      } else if (a === b) {
        continue
      } else {
        return compareIdentifiers(a, b)
      }
    } while (++i)
  }

  // preminor will bump the version up to the next minor release, and immediately
  // down to pre-release. premajor and prepatch work the same way.
  inc (release, identifier, identifierBase) {
    if (release.startsWith('pre')) {
      if (!identifier && identifierBase === false) {
        throw new Error('invalid increment argument: identifier is empty')
      }
      // Avoid an invalid semver results
      if (identifier) {
        const match = `-${identifier}`.match(this.options.loose ? re[t.PRERELEASELOOSE] : re[t.PRERELEASE])
        if (!match || match[1] !== identifier) {
          throw new Error(`invalid identifier: ${identifier}`)
        }
      }
    }

    switch (release) {
      case 'premajor':
        this.prerelease.length = 0
        this.patch = 0
        this.minor = 0
        this.major++
        this.inc('pre', identifier, identifierBase)
        break
      case 'preminor':
        this.prerelease.length = 0
        this.patch = 0
        this.minor++
        this.inc('pre', identifier, identifierBase)
        break
      case 'prepatch':
        // If this is already a prerelease, it will bump to the next version
        // drop any prereleases that might already exist, since they are not
        // relevant at this point.
        this.prerelease.length = 0
        this.inc('patch', identifier, identifierBase)
        this.inc('pre', identifier, identifierBase)
        break
      // If the input is a non-prerelease version, this acts the same as
      // prepatch.
      case 'prerelease':
        if (this.prerelease.length === 0) {
          this.inc('patch', identifier, identifierBase)
        }
        this.inc('pre', identifier, identifierBase)
        break
      case 'release':
        if (this.prerelease.length === 0) {
          throw new Error(`version ${this.raw} is not a prerelease`)
        }
        this.prerelease.length = 0
        break

      case 'major':
        // If this is a pre-major version, bump up to the same major version.
        // Otherwise increment major.
        // 1.0.0-5 bumps to 1.0.0
        // 1.1.0 bumps to 2.0.0
        if (
          this.minor !== 0 ||
          this.patch !== 0 ||
          this.prerelease.length === 0
        ) {
          this.major++
        }
        this.minor = 0
        this.patch = 0
        this.prerelease = []
        break
      case 'minor':
        // If this is a pre-minor version, bump up to the same minor version.
        // Otherwise increment minor.
        // 1.2.0-5 bumps to 1.2.0
        // 1.2.1 bumps to 1.3.0
        if (this.patch !== 0 || this.prerelease.length === 0) {
          this.minor++
        }
        this.patch = 0
        this.prerelease = []
        break
      case 'patch':
        // If this is not a pre-release version, it will increment the patch.
        // If it is a pre-release it will bump up to the same patch version.
        // 1.2.0-5 patches to 1.2.0
        // 1.2.0 patches to 1.2.1
        if (this.prerelease.length === 0) {
          this.patch++
        }
        this.prerelease = []
        break
      // This probably shouldn't be used publicly.
      // 1.0.0 'pre' would become 1.0.0-0 which is the wrong direction.
      case 'pre': {
        const base = Number(identifierBase) ? 1 : 0

        if (this.prerelease.length === 0) {
          this.prerelease = [base]
        } else {
          let i = this.prerelease.length
          while (--i >= 0) {
            if (typeof this.prerelease[i] === 'number') {
              this.prerelease[i]++
              i = -2
            }
          }
          if (i === -1) {
            // didn't increment anything
            if (identifier === this.prerelease.join('.') && identifierBase === false) {
              throw new Error('invalid increment argument: identifier already exists')
            }
            this.prerelease.push(base)
          }
        }
        if (identifier) {
          // 1.2.0-beta.1 bumps to 1.2.0-beta.2,
          // 1.2.0-beta.fooblz or 1.2.0-beta bumps to 1.2.0-beta.0
          let prerelease = [identifier, base]
          if (identifierBase === false) {
            prerelease = [identifier]
          }
          if (isPrereleaseIdentifier(this.prerelease, identifier)) {
            const prereleaseBase = this.prerelease[identifier.split('.').length]
            if (isNaN(prereleaseBase)) {
              this.prerelease = prerelease
            }
          } else {
            this.prerelease = prerelease
          }
        }
        break
      }
      default:
        throw new Error(`invalid increment argument: ${release}`)
    }
    this.raw = this.format()
    if (this.build.length) {
      this.raw += `+${this.build.join('.')}`
    }
    return this
  }
}

module.exports = SemVer


/***/ }),

/***/ 837:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(203)
const compare = (a, b, loose) =>
  new SemVer(a, loose).compare(new SemVer(b, loose))

module.exports = compare


/***/ }),

/***/ 1105:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(203)
const parse = (version, options, throwErrors = false) => {
  if (version instanceof SemVer) {
    return version
  }
  try {
    return new SemVer(version, options)
  } catch (er) {
    if (!throwErrors) {
      return null
    }
    throw er
  }
}

module.exports = parse


/***/ }),

/***/ 6716:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const parse = __nccwpck_require__(1105)
const valid = (version, options) => {
  const v = parse(version, options)
  return v ? v.version : null
}
module.exports = valid


/***/ }),

/***/ 6045:
/***/ ((module) => {



// Note: this is the semver.org version of the spec that it implements
// Not necessarily the package version of this code.
const SEMVER_SPEC_VERSION = '2.0.0'

const MAX_LENGTH = 256
const MAX_SAFE_INTEGER = Number.MAX_SAFE_INTEGER ||
/* istanbul ignore next */ 9007199254740991

// Max safe segment length for coercion.
const MAX_SAFE_COMPONENT_LENGTH = 16

// Max safe length for a build identifier. The max length minus 6 characters for
// the shortest version with a build 0.0.0+BUILD.
const MAX_SAFE_BUILD_LENGTH = MAX_LENGTH - 6

// ECMAScript whitespace and line terminators matched by \s.
const WHITESPACE_CHARACTERS = [
  '\t',
  '\n',
  '\v',
  '\f',
  '\r',
  ' ',
  '\u00a0',
  '\u1680',
  '\u2000',
  '\u2001',
  '\u2002',
  '\u2003',
  '\u2004',
  '\u2005',
  '\u2006',
  '\u2007',
  '\u2008',
  '\u2009',
  '\u200a',
  '\u2028',
  '\u2029',
  '\u202f',
  '\u205f',
  '\u3000',
  '\ufeff',
]

const RELEASE_TYPES = [
  'major',
  'premajor',
  'minor',
  'preminor',
  'patch',
  'prepatch',
  'prerelease',
]

module.exports = {
  MAX_LENGTH,
  MAX_SAFE_COMPONENT_LENGTH,
  MAX_SAFE_BUILD_LENGTH,
  MAX_SAFE_INTEGER,
  WHITESPACE_CHARACTERS,
  RELEASE_TYPES,
  SEMVER_SPEC_VERSION,
  FLAG_INCLUDE_PRERELEASE: 0b001,
  FLAG_LOOSE: 0b010,
}


/***/ }),

/***/ 4039:
/***/ ((module) => {



const debug = (
  typeof process === 'object' &&
  process.env &&
  process.env.NODE_DEBUG &&
  /\bsemver\b/i.test(process.env.NODE_DEBUG)
) ? (...args) => console.error('SEMVER', ...args)
  : () => {}

module.exports = debug


/***/ }),

/***/ 4180:
/***/ ((module) => {



const numeric = /^[0-9]+$/
const compareIdentifiers = (a, b) => {
  if (typeof a === 'number' && typeof b === 'number') {
    return a === b ? 0 : a < b ? -1 : 1
  }

  const anum = numeric.test(a)
  const bnum = numeric.test(b)

  if (anum && bnum) {
    a = +a
    b = +b
  }

  return a === b ? 0
    : (anum && !bnum) ? -1
    : (bnum && !anum) ? 1
    : a < b ? -1
    : 1
}

const rcompareIdentifiers = (a, b) => compareIdentifiers(b, a)

module.exports = {
  compareIdentifiers,
  rcompareIdentifiers,
}


/***/ }),

/***/ 5684:
/***/ ((module) => {



// parse out just the options we care about
const looseOption = Object.freeze({ loose: true })
const emptyOpts = Object.freeze({ })
const parseOptions = options => {
  if (!options) {
    return emptyOpts
  }

  if (typeof options !== 'object') {
    return looseOption
  }

  return options
}
module.exports = parseOptions


/***/ }),

/***/ 1295:
/***/ ((module, exports, __nccwpck_require__) => {



const {
  MAX_SAFE_COMPONENT_LENGTH,
  MAX_SAFE_BUILD_LENGTH,
  MAX_LENGTH,
} = __nccwpck_require__(6045)
const debug = __nccwpck_require__(4039)
exports = module.exports = {}

// The actual regexps go on exports.re
const re = exports.re = []
const safeRe = exports.safeRe = []
const src = exports.src = []
const safeSrc = exports.safeSrc = []
const t = exports.t = {}
let R = 0

const LETTERDASHNUMBER = '[a-zA-Z0-9-]'

// Replace some greedy regex tokens to prevent regex dos issues. These regex are
// used internally via the safeRe object since all inputs in this library get
// normalized first to trim and collapse all extra whitespace. The original
// regexes are exported for userland consumption and lower level usage. A
// future breaking change could export the safer regex only with a note that
// all input should have extra whitespace removed.
const safeRegexReplacements = [
  ['\\s', 1],
  ['\\d', MAX_LENGTH],
  [LETTERDASHNUMBER, MAX_SAFE_BUILD_LENGTH],
]

const makeSafeRegex = (value) => {
  for (const [token, max] of safeRegexReplacements) {
    value = value
      .split(`${token}*`).join(`${token}{0,${max}}`)
      .split(`${token}+`).join(`${token}{1,${max}}`)
  }
  return value
}

const createToken = (name, value, isGlobal) => {
  const safe = makeSafeRegex(value)
  const index = R++
  debug(name, index, value)
  t[name] = index
  src[index] = value
  safeSrc[index] = safe
  re[index] = new RegExp(value, isGlobal ? 'g' : undefined)
  safeRe[index] = new RegExp(safe, isGlobal ? 'g' : undefined)
}

// The following Regular Expressions can be used for tokenizing,
// validating, and parsing SemVer version strings.

// ## Numeric Identifier
// A single `0`, or a non-zero digit followed by zero or more digits.

createToken('NUMERICIDENTIFIER', '0|[1-9]\\d*')
createToken('NUMERICIDENTIFIERLOOSE', '\\d+')

// ## Non-numeric Identifier
// Zero or more digits, followed by a letter or hyphen, and then zero or
// more letters, digits, or hyphens.

createToken('NONNUMERICIDENTIFIER', `\\d*[a-zA-Z-]${LETTERDASHNUMBER}*`)

// ## Main Version
// Three dot-separated numeric identifiers.

createToken('MAINVERSION', `(${src[t.NUMERICIDENTIFIER]})\\.` +
                   `(${src[t.NUMERICIDENTIFIER]})\\.` +
                   `(${src[t.NUMERICIDENTIFIER]})`)

createToken('MAINVERSIONLOOSE', `(${src[t.NUMERICIDENTIFIERLOOSE]})\\.` +
                        `(${src[t.NUMERICIDENTIFIERLOOSE]})\\.` +
                        `(${src[t.NUMERICIDENTIFIERLOOSE]})`)

// ## Pre-release Version Identifier
// A numeric identifier, or a non-numeric identifier.
// Non-numeric identifiers include numeric identifiers but can be longer.
// Therefore non-numeric identifiers must go first.

createToken('PRERELEASEIDENTIFIER', `(?:${src[t.NONNUMERICIDENTIFIER]
}|${src[t.NUMERICIDENTIFIER]})`)

createToken('PRERELEASEIDENTIFIERLOOSE', `(?:${src[t.NONNUMERICIDENTIFIER]
}|${src[t.NUMERICIDENTIFIERLOOSE]})`)

// ## Pre-release Version
// Hyphen, followed by one or more dot-separated pre-release version
// identifiers.

createToken('PRERELEASE', `(?:-(${src[t.PRERELEASEIDENTIFIER]
}(?:\\.${src[t.PRERELEASEIDENTIFIER]})*))`)

createToken('PRERELEASELOOSE', `(?:-?(${src[t.PRERELEASEIDENTIFIERLOOSE]
}(?:\\.${src[t.PRERELEASEIDENTIFIERLOOSE]})*))`)

// ## Build Metadata Identifier
// Any combination of digits, letters, or hyphens.

createToken('BUILDIDENTIFIER', `${LETTERDASHNUMBER}+`)

// ## Build Metadata
// Plus sign, followed by one or more period-separated build metadata
// identifiers.

createToken('BUILD', `(?:\\+(${src[t.BUILDIDENTIFIER]
}(?:\\.${src[t.BUILDIDENTIFIER]})*))`)

// ## Full Version String
// A main version, followed optionally by a pre-release version and
// build metadata.

// Note that the only major, minor, patch, and pre-release sections of
// the version string are capturing groups.  The build metadata is not a
// capturing group, because it should not ever be used in version
// comparison.

createToken('FULLPLAIN', `v?${src[t.MAINVERSION]
}${src[t.PRERELEASE]}?${
  src[t.BUILD]}?`)

createToken('FULL', `^${src[t.FULLPLAIN]}$`)

// like full, but allows v1.2.3 and =1.2.3, which people do sometimes.
// also, 1.0.0alpha1 (prerelease without the hyphen) which is pretty
// common in the npm registry.
createToken('LOOSEPLAIN', `[v=\\s]*${src[t.MAINVERSIONLOOSE]
}${src[t.PRERELEASELOOSE]}?${
  src[t.BUILD]}?`)

createToken('LOOSE', `^${src[t.LOOSEPLAIN]}$`)

createToken('GTLT', '((?:<|>)?=?)')

// Something like "2.*" or "1.2.x".
// Note that "x.x" is a valid xRange identifier, meaning "any version"
// Only the first item is strictly required.
createToken('XRANGEIDENTIFIERLOOSE', `${src[t.NUMERICIDENTIFIERLOOSE]}|x|X|\\*`)
createToken('XRANGEIDENTIFIER', `${src[t.NUMERICIDENTIFIER]}|x|X|\\*`)

createToken('XRANGEPLAIN', `[v=\\s]*(${src[t.XRANGEIDENTIFIER]})` +
                   `(?:\\.(${src[t.XRANGEIDENTIFIER]})` +
                   `(?:\\.(${src[t.XRANGEIDENTIFIER]})` +
                   `(?:${src[t.PRERELEASE]})?${
                     src[t.BUILD]}?` +
                   `)?)?`)

createToken('XRANGEPLAINLOOSE', `[v=\\s]*(${src[t.XRANGEIDENTIFIERLOOSE]})` +
                        `(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})` +
                        `(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})` +
                        `(?:${src[t.PRERELEASELOOSE]})?${
                          src[t.BUILD]}?` +
                        `)?)?`)

createToken('XRANGE', `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAIN]}$`)
createToken('XRANGELOOSE', `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAINLOOSE]}$`)

// Coercion.
// Extract anything that could conceivably be a part of a valid semver
createToken('COERCEPLAIN', `${'(^|[^\\d])' +
              '(\\d{1,'}${MAX_SAFE_COMPONENT_LENGTH}})` +
              `(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?` +
              `(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?`)
createToken('COERCE', `${src[t.COERCEPLAIN]}(?:$|[^\\d])`)
createToken('COERCEFULL', src[t.COERCEPLAIN] +
              `(?:${src[t.PRERELEASE]})?` +
              `(?:${src[t.BUILD]})?` +
              `(?:$|[^\\d])`)
createToken('COERCERTL', src[t.COERCE], true)
createToken('COERCERTLFULL', src[t.COERCEFULL], true)

// Tilde ranges.
// Meaning is "reasonably at or greater than"
createToken('LONETILDE', '(?:~>?)')

createToken('TILDETRIM', `(\\s*)${src[t.LONETILDE]}\\s+`, true)
exports.tildeTrimReplace = '$1~'

createToken('TILDE', `^${src[t.LONETILDE]}${src[t.XRANGEPLAIN]}$`)
createToken('TILDELOOSE', `^${src[t.LONETILDE]}${src[t.XRANGEPLAINLOOSE]}$`)

// Caret ranges.
// Meaning is "at least and backwards compatible with"
createToken('LONECARET', '(?:\\^)')

createToken('CARETTRIM', `(\\s*)${src[t.LONECARET]}\\s+`, true)
exports.caretTrimReplace = '$1^'

createToken('CARET', `^${src[t.LONECARET]}${src[t.XRANGEPLAIN]}$`)
createToken('CARETLOOSE', `^${src[t.LONECARET]}${src[t.XRANGEPLAINLOOSE]}$`)

// A simple gt/lt/eq thing, or just "" to indicate "any version"
createToken('COMPARATORLOOSE', `^${src[t.GTLT]}\\s*(${src[t.LOOSEPLAIN]})$|^$`)
createToken('COMPARATOR', `^${src[t.GTLT]}\\s*(${src[t.FULLPLAIN]})$|^$`)

// An expression to strip any whitespace between the gtlt and the thing
// it modifies, so that `> 1.2.3` ==> `>1.2.3`
createToken('COMPARATORTRIM', `(\\s*)${src[t.GTLT]
}\\s*(${src[t.LOOSEPLAIN]}|${src[t.XRANGEPLAIN]})`, true)
exports.comparatorTrimReplace = '$1$2$3'

// Something like `1.2.3 - 1.2.4`
// Note that these all use the loose form, because they'll be
// checked against either the strict or loose comparator form
// later.
createToken('HYPHENRANGE', `^\\s*(${src[t.XRANGEPLAIN]})` +
                   `\\s+-\\s+` +
                   `(${src[t.XRANGEPLAIN]})` +
                   `\\s*$`)

createToken('HYPHENRANGELOOSE', `^\\s*(${src[t.XRANGEPLAINLOOSE]})` +
                        `\\s+-\\s+` +
                        `(${src[t.XRANGEPLAINLOOSE]})` +
                        `\\s*$`)

// Star ranges basically just allow anything at all.
createToken('STAR', '(<|>)?=?\\s*\\*')
// >=0.0.0 is like a star
createToken('GTE0', '^\\s*>=\\s*0\\.0\\.0\\s*$')
createToken('GTE0PRE', '^\\s*>=\\s*0\\.0\\.0-0\\s*$')


/***/ }),

/***/ 3052:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const { EventEmitter } = __nccwpck_require__(7532)
const FIFO = __nccwpck_require__(4219)
const TextDecoder = __nccwpck_require__(5454)

const StreamError = __nccwpck_require__(393)

// if we do a future major, expect queue microtask to be there always, for now a bit defensive
const qmt =
  typeof queueMicrotask === 'undefined' ? (fn) => global.process.nextTick(fn) : queueMicrotask

// 29 bits used total (4 from shared, 14 from read, and 11 from write)
const MAX = (1 << 29) - 1

// Shared state
const OPENING = 0b0001
const PREDESTROYING = 0b0010
const DESTROYING = 0b0100
const DESTROYED = 0b1000

const NOT_OPENING = MAX ^ OPENING
const NOT_PREDESTROYING = MAX ^ PREDESTROYING

// Read state (4 bit offset from shared state)
const READ_ACTIVE = 0b00000000000001 << 4
const READ_UPDATING = 0b00000000000010 << 4
const READ_PRIMARY = 0b00000000000100 << 4
const READ_QUEUED = 0b00000000001000 << 4
const READ_RESUMED = 0b00000000010000 << 4
const READ_PIPE_DRAINED = 0b00000000100000 << 4
const READ_ENDING = 0b00000001000000 << 4
const READ_EMIT_DATA = 0b00000010000000 << 4
const READ_EMIT_READABLE = 0b00000100000000 << 4
const READ_EMITTED_READABLE = 0b00001000000000 << 4
const READ_DONE = 0b00010000000000 << 4
const READ_NEXT_TICK = 0b00100000000000 << 4
const READ_NEEDS_PUSH = 0b01000000000000 << 4
const READ_READ_AHEAD = 0b10000000000000 << 4

// Combined read state
const READ_FLOWING = READ_RESUMED | READ_PIPE_DRAINED
const READ_ACTIVE_AND_NEEDS_PUSH = READ_ACTIVE | READ_NEEDS_PUSH
const READ_PRIMARY_AND_ACTIVE = READ_PRIMARY | READ_ACTIVE
const READ_EMIT_READABLE_AND_QUEUED = READ_EMIT_READABLE | READ_QUEUED
const READ_RESUMED_READ_AHEAD = READ_RESUMED | READ_READ_AHEAD

const READ_NOT_ACTIVE = MAX ^ READ_ACTIVE
const READ_NON_PRIMARY = MAX ^ READ_PRIMARY
const READ_NON_PRIMARY_AND_PUSHED = MAX ^ (READ_PRIMARY | READ_NEEDS_PUSH)
const READ_PUSHED = MAX ^ READ_NEEDS_PUSH
const READ_PAUSED = MAX ^ READ_RESUMED
const READ_NOT_QUEUED = MAX ^ (READ_QUEUED | READ_EMITTED_READABLE)
const READ_NOT_ENDING = MAX ^ READ_ENDING
const READ_PIPE_NOT_DRAINED = MAX ^ READ_FLOWING
const READ_NOT_NEXT_TICK = MAX ^ READ_NEXT_TICK
const READ_NOT_UPDATING = MAX ^ READ_UPDATING
const READ_NO_READ_AHEAD = MAX ^ READ_READ_AHEAD
const READ_PAUSED_NO_READ_AHEAD = MAX ^ READ_RESUMED_READ_AHEAD

// Write state (18 bit offset, 4 bit offset from shared state and 14 from read state)
const WRITE_ACTIVE = 0b00000000001 << 18
const WRITE_UPDATING = 0b00000000010 << 18
const WRITE_PRIMARY = 0b00000000100 << 18
const WRITE_QUEUED = 0b00000001000 << 18
const WRITE_UNDRAINED = 0b00000010000 << 18
const WRITE_DONE = 0b00000100000 << 18
const WRITE_EMIT_DRAIN = 0b00001000000 << 18
const WRITE_NEXT_TICK = 0b00010000000 << 18
const WRITE_WRITING = 0b00100000000 << 18
const WRITE_FINISHING = 0b01000000000 << 18
const WRITE_CORKED = 0b10000000000 << 18

const WRITE_NOT_ACTIVE = MAX ^ (WRITE_ACTIVE | WRITE_WRITING)
const WRITE_NON_PRIMARY = MAX ^ WRITE_PRIMARY
const WRITE_NOT_FINISHING = MAX ^ (WRITE_ACTIVE | WRITE_FINISHING)
const WRITE_DRAINED = MAX ^ WRITE_UNDRAINED
const WRITE_NOT_QUEUED = MAX ^ WRITE_QUEUED
const WRITE_NOT_NEXT_TICK = MAX ^ WRITE_NEXT_TICK
const WRITE_NOT_UPDATING = MAX ^ WRITE_UPDATING
const WRITE_NOT_CORKED = MAX ^ WRITE_CORKED

// Combined shared state
const ACTIVE = READ_ACTIVE | WRITE_ACTIVE
const NOT_ACTIVE = MAX ^ ACTIVE
const DONE = READ_DONE | WRITE_DONE
const DESTROY_STATUS = DESTROYING | DESTROYED | PREDESTROYING
const OPEN_STATUS = DESTROY_STATUS | OPENING
const AUTO_DESTROY = DESTROY_STATUS | DONE
const NON_PRIMARY = WRITE_NON_PRIMARY & READ_NON_PRIMARY
const ACTIVE_OR_TICKING = WRITE_NEXT_TICK | READ_NEXT_TICK
const TICKING = ACTIVE_OR_TICKING & NOT_ACTIVE
const IS_OPENING = OPEN_STATUS | TICKING

// Combined shared state and read state
const READ_PRIMARY_STATUS = OPEN_STATUS | READ_ENDING | READ_DONE
const READ_STATUS = OPEN_STATUS | READ_DONE | READ_QUEUED
const READ_ENDING_STATUS = OPEN_STATUS | READ_ENDING | READ_QUEUED
const READ_READABLE_STATUS = OPEN_STATUS | READ_EMIT_READABLE | READ_QUEUED | READ_EMITTED_READABLE
const SHOULD_NOT_READ =
  OPEN_STATUS | READ_ACTIVE | READ_ENDING | READ_DONE | READ_NEEDS_PUSH | READ_READ_AHEAD
const READ_BACKPRESSURE_STATUS = DESTROY_STATUS | READ_ENDING | READ_DONE
const READ_UPDATE_SYNC_STATUS = READ_UPDATING | OPEN_STATUS | READ_NEXT_TICK | READ_PRIMARY
const READ_NEXT_TICK_OR_OPENING = READ_NEXT_TICK | OPENING

// Combined write state
const WRITE_PRIMARY_STATUS = OPEN_STATUS | WRITE_FINISHING | WRITE_DONE
const WRITE_QUEUED_AND_UNDRAINED = WRITE_QUEUED | WRITE_UNDRAINED
const WRITE_QUEUED_AND_ACTIVE = WRITE_QUEUED | WRITE_ACTIVE
const WRITE_DRAIN_STATUS = WRITE_QUEUED | WRITE_UNDRAINED | OPEN_STATUS | WRITE_ACTIVE
const WRITE_STATUS = OPEN_STATUS | WRITE_ACTIVE | WRITE_QUEUED | WRITE_CORKED
const WRITE_PRIMARY_AND_ACTIVE = WRITE_PRIMARY | WRITE_ACTIVE
const WRITE_ACTIVE_AND_WRITING = WRITE_ACTIVE | WRITE_WRITING
const WRITE_FINISHING_STATUS = OPEN_STATUS | WRITE_FINISHING | WRITE_QUEUED_AND_ACTIVE | WRITE_DONE
const WRITE_BACKPRESSURE_STATUS = WRITE_UNDRAINED | DESTROY_STATUS | WRITE_FINISHING | WRITE_DONE
const WRITE_UPDATE_SYNC_STATUS = WRITE_UPDATING | OPEN_STATUS | WRITE_NEXT_TICK | WRITE_PRIMARY
const WRITE_DROP_DATA = WRITE_FINISHING | WRITE_DONE | DESTROY_STATUS

const asyncIterator = Symbol.asyncIterator || Symbol('asyncIterator')

class WritableState {
  constructor(
    stream,
    { highWaterMark = 16384, map = null, mapWritable, byteLength, byteLengthWritable } = {}
  ) {
    this.stream = stream
    this.queue = new FIFO()
    this.highWaterMark = highWaterMark
    this.buffered = 0
    this.error = null
    this.pipeline = null
    this.drains = null // if we add more seldomly used helpers we might them into a subobject so its a single ptr
    this.byteLength = byteLengthWritable || byteLength || defaultByteLength
    this.map = mapWritable || map
    this.afterWrite = afterWrite.bind(this)
    this.afterUpdateNextTick = updateWriteNT.bind(this)
  }

  get ending() {
    return (this.stream._duplexState & WRITE_FINISHING) !== 0
  }

  get ended() {
    return (this.stream._duplexState & WRITE_DONE) !== 0
  }

  push(data) {
    if ((this.stream._duplexState & WRITE_DROP_DATA) !== 0) return false
    if (this.map !== null) data = this.map(data)

    this.buffered += this.byteLength(data)
    this.queue.push(data)

    if (this.buffered < this.highWaterMark) {
      this.stream._duplexState |= WRITE_QUEUED
      return true
    }

    this.stream._duplexState |= WRITE_QUEUED_AND_UNDRAINED
    return false
  }

  shift() {
    const data = this.queue.shift()

    this.buffered -= this.byteLength(data)
    if (this.buffered === 0) this.stream._duplexState &= WRITE_NOT_QUEUED

    return data
  }

  end(data) {
    if (typeof data === 'function') {
      this.stream.once('finish', data)
    } else if (data !== undefined && data !== null) {
      this.push(data)
    }

    this.stream._duplexState = (this.stream._duplexState | WRITE_FINISHING) & WRITE_NON_PRIMARY
  }

  autoBatch(data, cb) {
    const buffer = []
    const stream = this.stream

    buffer.push(data)
    while ((stream._duplexState & WRITE_STATUS) === WRITE_QUEUED_AND_ACTIVE) {
      buffer.push(stream._writableState.shift())
    }

    if ((stream._duplexState & OPEN_STATUS) !== 0) return cb(null)
    stream._writev(buffer, cb)
  }

  update() {
    const stream = this.stream

    stream._duplexState |= WRITE_UPDATING

    do {
      while ((stream._duplexState & WRITE_STATUS) === WRITE_QUEUED) {
        const data = this.shift()
        stream._duplexState |= WRITE_ACTIVE_AND_WRITING
        stream._write(data, this.afterWrite)
      }

      if ((stream._duplexState & WRITE_PRIMARY_AND_ACTIVE) === 0) this.updateNonPrimary()
    } while (this.continueUpdate() === true)

    stream._duplexState &= WRITE_NOT_UPDATING
  }

  updateNonPrimary() {
    const stream = this.stream

    if ((stream._duplexState & WRITE_FINISHING_STATUS) === WRITE_FINISHING) {
      stream._duplexState = stream._duplexState | WRITE_ACTIVE
      stream._final(afterFinal.bind(this))
      return
    }

    if ((stream._duplexState & DESTROY_STATUS) === DESTROYING) {
      if ((stream._duplexState & ACTIVE_OR_TICKING) === 0) {
        stream._duplexState |= ACTIVE
        stream._destroy(afterDestroy.bind(this))
      }
      return
    }

    if ((stream._duplexState & IS_OPENING) === OPENING) {
      stream._duplexState = (stream._duplexState | ACTIVE) & NOT_OPENING
      stream._open(afterOpen.bind(this))
    }
  }

  continueUpdate() {
    if ((this.stream._duplexState & WRITE_NEXT_TICK) === 0) return false
    this.stream._duplexState &= WRITE_NOT_NEXT_TICK
    return true
  }

  updateCallback() {
    if ((this.stream._duplexState & WRITE_UPDATE_SYNC_STATUS) === WRITE_PRIMARY) {
      this.update()
    } else {
      this.updateNextTick()
    }
  }

  updateNextTick() {
    if ((this.stream._duplexState & WRITE_NEXT_TICK) !== 0) return
    this.stream._duplexState |= WRITE_NEXT_TICK
    if ((this.stream._duplexState & WRITE_UPDATING) === 0) qmt(this.afterUpdateNextTick)
  }
}

class ReadableState {
  constructor(
    stream,
    { highWaterMark = 16384, map = null, mapReadable, byteLength, byteLengthReadable } = {}
  ) {
    this.stream = stream
    this.queue = new FIFO()
    this.highWaterMark = highWaterMark === 0 ? 1 : highWaterMark
    this.buffered = 0
    this.readAhead = highWaterMark > 0
    this.error = null
    this.pipeline = null
    this.byteLength = byteLengthReadable || byteLength || defaultByteLength
    this.map = mapReadable || map
    this.pipeTo = null
    this.afterRead = afterRead.bind(this)
    this.afterUpdateNextTick = updateReadNT.bind(this)
  }

  get ending() {
    return (this.stream._duplexState & READ_ENDING) !== 0
  }

  get ended() {
    return (this.stream._duplexState & READ_DONE) !== 0
  }

  pipe(pipeTo, cb) {
    if (this.pipeTo !== null) throw StreamError.BAD_ARGUMENT('Can only pipe to one destination')
    if (typeof cb !== 'function') cb = null

    this.stream._duplexState |= READ_PIPE_DRAINED
    this.pipeTo = pipeTo
    this.pipeline = new Pipeline(this.stream, pipeTo, cb)

    if (cb) this.stream.on('error', noop) // We already error handle this so supress crashes

    if (isStreamx(pipeTo)) {
      pipeTo._writableState.pipeline = this.pipeline
      if (cb) pipeTo.on('error', noop) // We already error handle this so supress crashes
      pipeTo.on('finish', this.pipeline.finished.bind(this.pipeline)) // TODO: just call finished from pipeTo itself
    } else {
      const onerror = this.pipeline.done.bind(this.pipeline, pipeTo)
      const onclose = this.pipeline.done.bind(this.pipeline, pipeTo, null) // onclose has a weird bool arg
      pipeTo.on('error', onerror)
      pipeTo.on('close', onclose)
      pipeTo.on('finish', this.pipeline.finished.bind(this.pipeline))
    }

    pipeTo.on('drain', afterDrain.bind(this))
    this.stream.emit('piping', pipeTo)
    pipeTo.emit('pipe', this.stream)
  }

  push(data) {
    const stream = this.stream

    if (data === null) {
      this.highWaterMark = 0
      stream._duplexState = (stream._duplexState | READ_ENDING) & READ_NON_PRIMARY_AND_PUSHED
      return false
    }

    if (this.map !== null) {
      data = this.map(data)
      if (data === null) {
        stream._duplexState &= READ_PUSHED
        return this.buffered < this.highWaterMark
      }
    }

    this.buffered += this.byteLength(data)
    this.queue.push(data)

    stream._duplexState = (stream._duplexState | READ_QUEUED) & READ_PUSHED

    return this.buffered < this.highWaterMark
  }

  shift() {
    const data = this.queue.shift()

    this.buffered -= this.byteLength(data)
    if (this.buffered === 0) {
      this.stream._duplexState &= READ_NOT_QUEUED
    }

    return data
  }

  unshift(data) {
    const pending = [this.map !== null ? this.map(data) : data]
    while (this.buffered > 0) pending.push(this.shift())

    for (let i = 0; i < pending.length - 1; i++) {
      const data = pending[i]
      this.buffered += this.byteLength(data)
      this.queue.push(data)
    }

    this.push(pending[pending.length - 1])
  }

  read() {
    const stream = this.stream

    if ((stream._duplexState & READ_STATUS) === READ_QUEUED) {
      const data = this.shift()

      if (this.pipeTo !== null && this.pipeTo.write(data) === false) {
        stream._duplexState &= READ_PIPE_NOT_DRAINED
      }

      if ((stream._duplexState & READ_EMIT_DATA) !== 0) {
        stream.emit('data', data)
      }

      return data
    }

    if (this.readAhead === false) {
      stream._duplexState |= READ_READ_AHEAD
      this.updateNextTick()
    }

    return null
  }

  drain() {
    const stream = this.stream

    while (
      (stream._duplexState & READ_STATUS) === READ_QUEUED &&
      (stream._duplexState & READ_FLOWING) !== 0
    ) {
      const data = this.shift()

      if (this.pipeTo !== null && this.pipeTo.write(data) === false) {
        stream._duplexState &= READ_PIPE_NOT_DRAINED
      }

      if ((stream._duplexState & READ_EMIT_DATA) !== 0) {
        stream.emit('data', data)
      }
    }
  }

  update() {
    const stream = this.stream

    stream._duplexState |= READ_UPDATING

    do {
      this.drain()

      while (
        this.buffered < this.highWaterMark &&
        (stream._duplexState & SHOULD_NOT_READ) === READ_READ_AHEAD
      ) {
        stream._duplexState |= READ_ACTIVE_AND_NEEDS_PUSH
        stream._read(this.afterRead)
        this.drain()
      }

      if ((stream._duplexState & READ_READABLE_STATUS) === READ_EMIT_READABLE_AND_QUEUED) {
        stream._duplexState |= READ_EMITTED_READABLE
        stream.emit('readable')
      }

      if ((stream._duplexState & READ_PRIMARY_AND_ACTIVE) === 0) {
        this.updateNonPrimary()
      }
    } while (this.continueUpdate() === true)

    stream._duplexState &= READ_NOT_UPDATING
  }

  updateNonPrimary() {
    const stream = this.stream

    if ((stream._duplexState & READ_ENDING_STATUS) === READ_ENDING) {
      stream._duplexState = (stream._duplexState | READ_DONE) & READ_NOT_ENDING
      stream.emit('end')

      if ((stream._duplexState & AUTO_DESTROY) === DONE) {
        stream._duplexState |= DESTROYING
      }

      if (this.pipeTo !== null) {
        this.pipeTo.end()
      }
    }

    if ((stream._duplexState & DESTROY_STATUS) === DESTROYING) {
      if ((stream._duplexState & ACTIVE_OR_TICKING) === 0) {
        stream._duplexState |= ACTIVE
        stream._destroy(afterDestroy.bind(this))
      }
      return
    }

    if ((stream._duplexState & IS_OPENING) === OPENING) {
      stream._duplexState = (stream._duplexState | ACTIVE) & NOT_OPENING
      stream._open(afterOpen.bind(this))
    }
  }

  continueUpdate() {
    if ((this.stream._duplexState & READ_NEXT_TICK) === 0) return false
    this.stream._duplexState &= READ_NOT_NEXT_TICK
    return true
  }

  updateCallback() {
    if ((this.stream._duplexState & READ_UPDATE_SYNC_STATUS) === READ_PRIMARY) {
      this.update()
    } else {
      this.updateNextTick()
    }
  }

  updateNextTickIfOpen() {
    if ((this.stream._duplexState & READ_NEXT_TICK_OR_OPENING) !== 0) return
    this.stream._duplexState |= READ_NEXT_TICK
    if ((this.stream._duplexState & READ_UPDATING) === 0) qmt(this.afterUpdateNextTick)
  }

  updateNextTick() {
    if ((this.stream._duplexState & READ_NEXT_TICK) !== 0) return
    this.stream._duplexState |= READ_NEXT_TICK
    if ((this.stream._duplexState & READ_UPDATING) === 0) qmt(this.afterUpdateNextTick)
  }
}

class TransformState {
  constructor(stream) {
    this.data = null
    this.afterTransform = afterTransform.bind(stream)
    this.afterFinal = null
  }
}

class Pipeline {
  constructor(src, dst, cb) {
    this.from = src
    this.to = dst
    this.afterPipe = cb
    this.error = null
    this.pipeToFinished = false
  }

  finished() {
    this.pipeToFinished = true
  }

  done(stream, err) {
    if (err) this.error = err

    if (stream === this.to) {
      this.to = null

      if (this.from !== null) {
        if ((this.from._duplexState & READ_DONE) === 0 || !this.pipeToFinished) {
          this.from.destroy(this.error || StreamError.PREMATURE_CLOSE('Writable stream closed'))
        }
        return
      }
    }

    if (stream === this.from) {
      this.from = null

      if (this.to !== null) {
        if ((stream._duplexState & READ_DONE) === 0) {
          this.to.destroy(this.error || StreamError.PREMATURE_CLOSE('Readable stream closed'))
        }
        return
      }
    }

    if (this.afterPipe !== null) this.afterPipe(this.error)
    this.to = this.from = this.afterPipe = null
  }
}

function afterDrain() {
  this.stream._duplexState |= READ_PIPE_DRAINED
  this.updateCallback()
}

function afterFinal(err) {
  const stream = this.stream
  if (err) stream.destroy(err)

  if ((stream._duplexState & DESTROY_STATUS) === 0) {
    stream._duplexState |= WRITE_DONE
    stream.emit('finish')
  }

  if ((stream._duplexState & AUTO_DESTROY) === DONE) {
    stream._duplexState |= DESTROYING
  }

  stream._duplexState &= WRITE_NOT_FINISHING

  // no need to wait the extra tick here, so we short circuit that
  if ((stream._duplexState & WRITE_UPDATING) === 0) {
    this.update()
  } else {
    this.updateNextTick()
  }
}

function afterDestroy(err) {
  const stream = this.stream

  if (!err && !StreamError.isStreamDestroyed(this.error)) err = this.error
  if (err) stream.emit('error', err)

  stream._duplexState |= DESTROYED
  stream.emit('close')

  const rs = stream._readableState
  const ws = stream._writableState

  if (rs !== null && rs.pipeline !== null) {
    rs.pipeline.done(stream, err)
  }

  if (ws !== null) {
    while (ws.drains !== null && ws.drains.length > 0) {
      ws.drains.shift().resolve(false)
    }

    if (ws.pipeline !== null) {
      ws.pipeline.done(stream, err)
    }
  }
}

function afterWrite(err) {
  const stream = this.stream

  if (err) stream.destroy(err)
  stream._duplexState &= WRITE_NOT_ACTIVE

  if (this.drains !== null) tickDrains(this.drains)

  if ((stream._duplexState & WRITE_DRAIN_STATUS) === WRITE_UNDRAINED) {
    stream._duplexState &= WRITE_DRAINED

    if ((stream._duplexState & WRITE_EMIT_DRAIN) === WRITE_EMIT_DRAIN) {
      stream.emit('drain')
    }
  }

  this.updateCallback()
}

function afterRead(err) {
  if (err) this.stream.destroy(err)
  this.stream._duplexState &= READ_NOT_ACTIVE

  if (this.readAhead === false && (this.stream._duplexState & READ_RESUMED) === 0) {
    this.stream._duplexState &= READ_NO_READ_AHEAD
  }

  this.updateCallback()
}

function updateReadNT() {
  if ((this.stream._duplexState & READ_UPDATING) === 0) {
    this.stream._duplexState &= READ_NOT_NEXT_TICK
    this.update()
  }
}

function updateWriteNT() {
  if ((this.stream._duplexState & WRITE_UPDATING) === 0) {
    this.stream._duplexState &= WRITE_NOT_NEXT_TICK
    this.update()
  }
}

function tickDrains(drains) {
  for (let i = 0; i < drains.length; i++) {
    // drains.writes are monotonic, so if one is 0 its always the first one
    if (--drains[i].writes === 0) {
      drains.shift().resolve(true)
      i--
    }
  }
}

function afterOpen(err) {
  const stream = this.stream

  if (err) stream.destroy(err)

  if ((stream._duplexState & DESTROYING) === 0) {
    if ((stream._duplexState & READ_PRIMARY_STATUS) === 0) {
      stream._duplexState |= READ_PRIMARY
    }

    if ((stream._duplexState & WRITE_PRIMARY_STATUS) === 0) {
      stream._duplexState |= WRITE_PRIMARY
    }

    stream.emit('open')
  }

  stream._duplexState &= NOT_ACTIVE

  if (stream._writableState !== null) {
    stream._writableState.updateCallback()
  }

  if (stream._readableState !== null) {
    stream._readableState.updateCallback()
  }
}

function afterTransform(err, data) {
  if (data !== undefined && data !== null) this.push(data)
  this._writableState.afterWrite(err)
}

function newListener(name) {
  if (this._readableState !== null) {
    if (name === 'data') {
      this._duplexState |= READ_EMIT_DATA | READ_RESUMED_READ_AHEAD
      this._readableState.updateNextTick()
    }
    if (name === 'readable') {
      this._duplexState |= READ_EMIT_READABLE
      this._readableState.updateNextTick()
    }
  }

  if (this._writableState !== null) {
    if (name === 'drain') {
      this._duplexState |= WRITE_EMIT_DRAIN
      this._writableState.updateNextTick()
    }
  }
}

class Stream extends EventEmitter {
  constructor(opts) {
    super()

    this._duplexState = 0
    this._readableState = null
    this._writableState = null

    if (opts) {
      if (opts.open) this._open = opts.open
      if (opts.destroy) this._destroy = opts.destroy
      if (opts.predestroy) this._predestroy = opts.predestroy
      if (opts.signal) opts.signal.addEventListener('abort', abort.bind(this))
    }

    this.on('newListener', newListener)
  }

  _open(cb) {
    cb(null)
  }

  _destroy(cb) {
    cb(null)
  }

  _predestroy() {
    // does nothing
  }

  get readable() {
    return this._readableState !== null ? true : undefined
  }

  get writable() {
    return this._writableState !== null ? true : undefined
  }

  get destroyed() {
    return (this._duplexState & DESTROYED) !== 0
  }

  get destroying() {
    return (this._duplexState & DESTROY_STATUS) !== 0
  }

  destroy(err) {
    if ((this._duplexState & DESTROY_STATUS) === 0) {
      if (!err) err = StreamError.STREAM_DESTROYED()
      this._duplexState = (this._duplexState | DESTROYING) & NON_PRIMARY

      if (this._readableState !== null) {
        this._readableState.highWaterMark = 0
        this._readableState.error = err
      }

      if (this._writableState !== null) {
        this._writableState.highWaterMark = 0
        this._writableState.error = err
      }

      this._duplexState |= PREDESTROYING
      this._predestroy()
      this._duplexState &= NOT_PREDESTROYING

      if (this._readableState !== null) {
        this._readableState.updateNextTick()
      }

      if (this._writableState !== null) {
        this._writableState.updateNextTick()
      }
    }
  }
}

class Readable extends Stream {
  constructor(opts) {
    super(opts)

    this._duplexState |= OPENING | WRITE_DONE | READ_READ_AHEAD
    this._readableState = new ReadableState(this, opts)

    if (opts) {
      if (this._readableState.readAhead === false) this._duplexState &= READ_NO_READ_AHEAD
      if (opts.read) this._read = opts.read
      if (opts.eagerOpen) this._readableState.updateNextTick()
      if (opts.encoding) this.setEncoding(opts.encoding)
    }
  }

  static deferred(fn, opts) {
    const out = new PassThrough(opts)

    fn()
      .then((src) => {
        if (src === null) return out.end()
        if (out.destroying) return
        pipeline(src, out, noop)
      })
      .catch((err) => out.destroy(err))

    return out
  }

  setEncoding(encoding) {
    const dec = new TextDecoder(encoding)
    const map = this._readableState.map || echo
    this._readableState.map = mapOrSkip
    return this

    function mapOrSkip(data) {
      const next = dec.push(data)
      return next === '' && (data.byteLength !== 0 || dec.remaining > 0) ? null : map(next)
    }
  }

  _read(cb) {
    cb(null)
  }

  pipe(dest, cb) {
    this._readableState.updateNextTick()
    this._readableState.pipe(dest, cb)
    return dest
  }

  read() {
    this._readableState.updateNextTick()
    return this._readableState.read()
  }

  push(data) {
    this._readableState.updateNextTickIfOpen()
    return this._readableState.push(data)
  }

  unshift(data) {
    this._readableState.updateNextTickIfOpen()
    return this._readableState.unshift(data)
  }

  resume() {
    this._duplexState |= READ_RESUMED_READ_AHEAD
    this._readableState.updateNextTick()
    return this
  }

  pause() {
    this._duplexState &=
      this._readableState.readAhead === false ? READ_PAUSED_NO_READ_AHEAD : READ_PAUSED
    return this
  }

  static _fromAsyncIterator(ite, opts) {
    let destroy

    const rs = new Readable({
      ...opts,
      read(cb) {
        ite.next().then(push).then(cb.bind(null, null)).catch(cb)
      },
      predestroy() {
        destroy = ite.return()
      },
      destroy(cb) {
        if (!destroy) return cb(null)
        destroy.then(cb.bind(null, null)).catch(cb)
      }
    })

    return rs

    function push(data) {
      if (data.done) rs.push(null)
      else rs.push(data.value)
    }
  }

  static from(data, opts) {
    if (isReadStreamx(data)) return data
    if (data[asyncIterator]) return this._fromAsyncIterator(data[asyncIterator](), opts)
    if (!Array.isArray(data)) data = data === undefined ? [] : [data]

    let i = 0
    return new Readable({
      ...opts,
      read(cb) {
        this.push(i === data.length ? null : data[i++])
        cb(null)
      }
    })
  }

  static isBackpressured(rs) {
    return (
      (rs._duplexState & READ_BACKPRESSURE_STATUS) !== 0 ||
      rs._readableState.buffered >= rs._readableState.highWaterMark
    )
  }

  static isPaused(rs) {
    return (rs._duplexState & READ_RESUMED) === 0
  }

  [asyncIterator]() {
    const stream = this

    let error = null
    let promiseResolve = null
    let promiseReject = null

    this.on('error', (err) => {
      error = err
    })
    this.on('readable', onreadable)
    this.on('close', onclose)

    return {
      [asyncIterator]() {
        return this
      },
      next() {
        return new Promise(function (resolve, reject) {
          promiseResolve = resolve
          promiseReject = reject
          const data = stream.read()
          if (data !== null) ondata(data)
          else if ((stream._duplexState & DESTROYED) !== 0) ondata(null)
        })
      },
      return() {
        return destroy(null)
      },
      throw(err) {
        return destroy(err)
      }
    }

    function onreadable() {
      if (promiseResolve !== null) ondata(stream.read())
    }

    function onclose() {
      if (promiseResolve !== null) ondata(null)
    }

    function ondata(data) {
      if (promiseReject === null) return
      if (error) {
        promiseReject(error)
      } else if (data === null && (stream._duplexState & READ_DONE) === 0) {
        promiseReject(StreamError.STREAM_DESTROYED())
      } else {
        promiseResolve({ value: data, done: data === null })
      }
      promiseReject = promiseResolve = null
    }

    function destroy(err) {
      stream.destroy(err)
      return new Promise((resolve, reject) => {
        if (stream._duplexState & DESTROYED) return resolve({ value: undefined, done: true })
        stream.once('close', function () {
          if (err) reject(err)
          else resolve({ value: undefined, done: true })
        })
      })
    }
  }
}

class Writable extends Stream {
  constructor(opts) {
    super(opts)

    this._duplexState |= OPENING | READ_DONE
    this._writableState = new WritableState(this, opts)

    if (opts) {
      if (opts.writev) this._writev = opts.writev
      if (opts.write) this._write = opts.write
      if (opts.final) this._final = opts.final
      if (opts.eagerOpen) this._writableState.updateNextTick()
    }
  }

  cork() {
    this._duplexState |= WRITE_CORKED
  }

  uncork() {
    this._duplexState &= WRITE_NOT_CORKED
    this._writableState.updateNextTick()
  }

  _writev(batch, cb) {
    cb(null)
  }

  _write(data, cb) {
    this._writableState.autoBatch(data, cb)
  }

  _final(cb) {
    cb(null)
  }

  static isBackpressured(ws) {
    return (ws._duplexState & WRITE_BACKPRESSURE_STATUS) !== 0
  }

  static drained(ws) {
    if (ws.destroyed) return Promise.resolve(false)

    const state = ws._writableState
    const pending = isWritev(ws) ? Math.min(1, state.queue.length) : state.queue.length
    const writes = pending + (ws._duplexState & WRITE_WRITING ? 1 : 0)
    if (writes === 0) return Promise.resolve(true)

    if (state.drains === null) state.drains = []
    return new Promise((resolve) => {
      state.drains.push({ writes, resolve })
    })
  }

  write(data) {
    this._writableState.updateNextTick()
    return this._writableState.push(data)
  }

  end(data) {
    this._writableState.updateNextTick()
    this._writableState.end(data)
    return this
  }
}

class Duplex extends Readable {
  // and Writable
  constructor(opts) {
    super(opts)

    this._duplexState = OPENING | (this._duplexState & READ_READ_AHEAD)
    this._writableState = new WritableState(this, opts)

    if (opts) {
      if (opts.writev) this._writev = opts.writev
      if (opts.write) this._write = opts.write
      if (opts.final) this._final = opts.final
    }
  }

  cork() {
    this._duplexState |= WRITE_CORKED
  }

  uncork() {
    this._duplexState &= WRITE_NOT_CORKED
    this._writableState.updateNextTick()
  }

  _writev(batch, cb) {
    cb(null)
  }

  _write(data, cb) {
    this._writableState.autoBatch(data, cb)
  }

  _final(cb) {
    cb(null)
  }

  write(data) {
    this._writableState.updateNextTick()
    return this._writableState.push(data)
  }

  end(data) {
    this._writableState.updateNextTick()
    this._writableState.end(data)
    return this
  }
}

class Transform extends Duplex {
  constructor(opts) {
    super(opts)
    this._transformState = new TransformState(this)

    if (opts) {
      if (opts.transform) this._transform = opts.transform
      if (opts.flush) this._flush = opts.flush
    }
  }

  _write(data, cb) {
    if (this._readableState.buffered >= this._readableState.highWaterMark) {
      this._transformState.data = data
    } else {
      this._transform(data, this._transformState.afterTransform)
    }
  }

  _read(cb) {
    if (this._transformState.data !== null) {
      const data = this._transformState.data
      this._transformState.data = null
      cb(null)
      this._transform(data, this._transformState.afterTransform)
    } else {
      cb(null)
    }
  }

  destroy(err) {
    super.destroy(err)
    if (this._transformState.data !== null) {
      this._transformState.data = null
      this._transformState.afterTransform()
    }
  }

  _transform(data, cb) {
    cb(null, data)
  }

  _flush(cb) {
    cb(null)
  }

  _final(cb) {
    this._transformState.afterFinal = cb
    this._flush(transformAfterFlush.bind(this))
  }
}

class PassThrough extends Transform {}

function transformAfterFlush(err, data) {
  const cb = this._transformState.afterFinal
  if (err) return cb(err)

  if (data !== null && data !== undefined) this.push(data)
  this.push(null)
  cb(null)
}

function pipelinePromise(...streams) {
  return new Promise((resolve, reject) => {
    return pipeline(...streams, (err) => {
      if (err) return reject(err)
      resolve()
    })
  })
}

function pipeline(stream, ...streams) {
  const all = Array.isArray(stream) ? [...stream, ...streams] : [stream, ...streams]
  const done = all.length && typeof all[all.length - 1] === 'function' ? all.pop() : null

  if (all.length < 2) throw StreamError.BAD_ARGUMENT('Pipeline requires at least 2 streams')

  let src = all[0]
  let dest = null
  let error = null

  for (let i = 1; i < all.length; i++) {
    dest = all[i]

    if (isStreamx(src)) {
      src.pipe(dest, onerror)
    } else {
      errorHandle(src, true, i > 1, onerror)
      src.pipe(dest)
    }

    src = dest
  }

  if (done) {
    let fin = false

    const autoDestroy =
      isStreamx(dest) || !!(dest._writableState && dest._writableState.autoDestroy)

    dest.on('error', (err) => {
      if (error === null) error = err
    })

    dest.on('finish', () => {
      fin = true
      if (!autoDestroy) done(error)
    })

    if (autoDestroy) {
      dest.on('close', () => done(error || (fin ? null : StreamError.PREMATURE_CLOSE())))
    }
  }

  return dest

  function errorHandle(s, rd, wr, onerror) {
    s.on('error', onerror)
    s.on('close', onclose)

    function onclose() {
      if (rd && s._readableState && !s._readableState.ended) {
        return onerror(StreamError.PREMATURE_CLOSE())
      }
      if (wr && s._writableState && !s._writableState.ended) {
        return onerror(StreamError.PREMATURE_CLOSE())
      }
    }
  }

  function onerror(err) {
    if (!err || error) return
    error = err

    for (const s of all) {
      s.destroy(err)
    }
  }
}

function echo(s) {
  return s
}

function isStream(stream) {
  return !!stream._readableState || !!stream._writableState
}

function isStreamx(stream) {
  return typeof stream._duplexState === 'number' && isStream(stream)
}

function isEnding(stream) {
  return !!stream._readableState && stream._readableState.ending
}

function isEnded(stream) {
  return !!stream._readableState && stream._readableState.ended
}

function isFinishing(stream) {
  return !!stream._writableState && stream._writableState.ending
}

function isFinished(stream) {
  return !!stream._writableState && stream._writableState.ended
}

function getStreamError(stream, opts = {}) {
  const err =
    (stream._readableState && stream._readableState.error) ||
    (stream._writableState && stream._writableState.error)

  // avoid implicit errors by default
  return !opts.all && StreamError.isStreamDestroyed(err) ? null : err
}

function isReadStreamx(stream) {
  return isStreamx(stream) && stream.readable
}

function isDisturbed(stream) {
  return (
    (stream._duplexState & OPENING) !== OPENING ||
    (stream._duplexState & DESTROYING) === DESTROYING ||
    (stream._duplexState & ACTIVE_OR_TICKING) !== 0
  )
}

function isTypedArray(data) {
  return typeof data === 'object' && data !== null && typeof data.byteLength === 'number'
}

function defaultByteLength(data) {
  return isTypedArray(data) ? data.byteLength : 1024
}

function noop() {}

function abort() {
  this.destroy(StreamError.ABORTED())
}

function isWritev(s) {
  return s._writev !== Writable.prototype._writev && s._writev !== Duplex.prototype._writev
}

module.exports = {
  pipeline,
  pipelinePromise,
  isStream,
  isStreamx,
  isEnding,
  isEnded,
  isFinishing,
  isFinished,
  isDisturbed,
  getStreamError,
  Stream,
  Writable,
  Readable,
  Duplex,
  Transform,
  // Export PassThrough for compatibility with Node.js core's stream module
  PassThrough
}


/***/ }),

/***/ 393:
/***/ ((module) => {

module.exports = class StreamError extends Error {
  constructor(msg, code, fn = StreamError) {
    super(msg)

    this.code = code

    if (Error.captureStackTrace) {
      Error.captureStackTrace(this, fn)
    }
  }

  static isStreamDestroyed(err) {
    return err && err.code === 'STREAM_DESTROYED'
  }

  static isPrematureClose(err) {
    return err && err.code === 'PREMATURE_CLOSE'
  }

  static isAborted(err) {
    return err && err.code === 'ABORTED'
  }

  static isBadArgument(err) {
    return err && err.code === 'BAD_ARGUMENT'
  }

  get name() {
    return 'StreamError'
  }

  static STREAM_DESTROYED() {
    return new StreamError('Stream was destroyed', 'STREAM_DESTROYED', StreamError.STREAM_DESTROYED)
  }

  static PREMATURE_CLOSE(msg = 'Premature close') {
    return new StreamError(msg, 'PREMATURE_CLOSE', StreamError.PREMATURE_CLOSE)
  }

  static ABORTED() {
    return new StreamError('Stream aborted', 'ABORTED', StreamError.ABORTED)
  }

  static BAD_ARGUMENT(msg = 'Bad argument') {
    return new StreamError(msg, 'BAD_ARGUMENT', StreamError.BAD_ARGUMENT)
  }
}


/***/ }),

/***/ 8519:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const constants = { // just for envs without fs
  S_IFMT: 61440,
  S_IFDIR: 16384,
  S_IFCHR: 8192,
  S_IFBLK: 24576,
  S_IFIFO: 4096,
  S_IFLNK: 40960
}

try {
  module.exports = (__nccwpck_require__(9896).constants) || constants
} catch {
  module.exports = constants
}


/***/ }),

/***/ 2099:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const { Writable, Readable, getStreamError } = __nccwpck_require__(3052)
const FIFO = __nccwpck_require__(4219)
const b4a = __nccwpck_require__(9553)
const headers = __nccwpck_require__(6972)

const EMPTY = b4a.alloc(0)
const MAX_HEADER_SIZE = 4 * 1024 * 1024 // arbitrary big number

class BufferList {
  constructor () {
    this.buffered = 0
    this.shifted = 0
    this.queue = new FIFO()

    this._offset = 0
  }

  push (buffer) {
    this.buffered += buffer.byteLength
    this.queue.push(buffer)
  }

  shiftFirst (size) {
    return this.buffered === 0 ? null : this._next(size)
  }

  shift (size) {
    if (size > this.buffered) return null
    if (size === 0) return EMPTY

    let chunk = this._next(size)

    if (size === chunk.byteLength) return chunk // likely case

    const chunks = [chunk]

    while ((size -= chunk.byteLength) > 0) {
      chunk = this._next(size)
      chunks.push(chunk)
    }

    return b4a.concat(chunks)
  }

  _next (size) {
    const buf = this.queue.peek()
    const rem = buf.byteLength - this._offset

    if (size >= rem) {
      const sub = this._offset ? buf.subarray(this._offset, buf.byteLength) : buf
      this.queue.shift()
      this._offset = 0
      this.buffered -= rem
      this.shifted += rem
      return sub
    }

    this.buffered -= size
    this.shifted += size

    return buf.subarray(this._offset, (this._offset += size))
  }
}

class Source extends Readable {
  constructor (self, header, offset) {
    super()

    this.header = header
    this.offset = offset

    this._parent = self
  }

  _read (cb) {
    if (this.header.size === 0) {
      this.push(null)
    }
    if (this._parent._stream === this) {
      this._parent._update()
    }
    cb(null)
  }

  _predestroy () {
    this._parent.destroy(getStreamError(this))
  }

  _detach () {
    if (this._parent._stream === this) {
      this._parent._stream = null
      this._parent._missing = overflow(this.header.size)
      this._parent._update()
    }
  }

  _destroy (cb) {
    this._detach()
    cb(null)
  }
}

class Extract extends Writable {
  constructor (opts) {
    super(opts)

    if (!opts) opts = {}

    this._buffer = new BufferList()
    this._offset = 0
    this._header = null
    this._stream = null
    this._missing = 0
    this._longHeader = false
    this._callback = noop
    this._locked = false
    this._finished = false
    this._pax = null
    this._paxGlobal = null
    this._gnuLongPath = null
    this._gnuLongLinkPath = null
    this._filenameEncoding = opts.filenameEncoding || 'utf-8'
    this._allowUnknownFormat = !!opts.allowUnknownFormat
    this._unlockBound = this._unlock.bind(this)
  }

  _unlock (err) {
    this._locked = false

    if (err) {
      this.destroy(err)
      this._continueWrite(err)
      return
    }

    this._update()
  }

  _consumeHeader () {
    if (this._locked) return false

    this._offset = this._buffer.shifted

    try {
      this._header = headers.decode(this._buffer.shift(512), this._filenameEncoding, this._allowUnknownFormat)
    } catch (err) {
      this._continueWrite(err)
      return false
    }

    if (!this._header) return true

    this._header.byteOffset = this._buffer.shifted

    switch (this._header.type) {
      case 'gnu-long-path':
      case 'gnu-long-link-path':
      case 'pax-global-header':
      case 'pax-header':
        this._longHeader = true
        this._missing = this._header.size
        if (this._missing > MAX_HEADER_SIZE) {
          this._continueWrite(new Error('Header exceeds max size'))
          return false
        }
        return true
    }

    this._locked = true
    this._applyLongHeaders()

    if (!(this._header.size >= 0)) {
      this._continueWrite(new Error('Invalid header'))
      return false
    }

    if (this._header.size === 0 || this._header.type === 'directory') {
      this.emit('entry', this._header, this._createStream(), this._unlockBound)
      return true
    }

    this._stream = this._createStream()
    this._missing = this._header.size

    this.emit('entry', this._header, this._stream, this._unlockBound)
    return true
  }

  _applyLongHeaders () {
    if (this._gnuLongPath) {
      this._header.name = this._gnuLongPath
      this._gnuLongPath = null
    }

    if (this._gnuLongLinkPath) {
      this._header.linkname = this._gnuLongLinkPath
      this._gnuLongLinkPath = null
    }

    if (this._pax) {
      if (this._pax.path) this._header.name = this._pax.path
      if (this._pax.linkpath) this._header.linkname = this._pax.linkpath
      if (this._pax.size) this._header.size = parseInt(this._pax.size, 10)
      this._header.pax = this._pax
      this._pax = null
    }
  }

  _decodeLongHeader (buf) {
    switch (this._header.type) {
      case 'gnu-long-path':
        this._gnuLongPath = headers.decodeLongPath(buf, this._filenameEncoding)
        break
      case 'gnu-long-link-path':
        this._gnuLongLinkPath = headers.decodeLongPath(buf, this._filenameEncoding)
        break
      case 'pax-global-header':
        this._paxGlobal = headers.decodePax(buf)
        break
      case 'pax-header':
        this._pax = this._paxGlobal === null
          ? headers.decodePax(buf)
          : Object.assign({}, this._paxGlobal, headers.decodePax(buf))
        break
    }
  }

  _consumeLongHeader () {
    this._longHeader = false
    this._missing = overflow(this._header.size)

    const buf = this._buffer.shift(this._header.size)

    try {
      this._decodeLongHeader(buf)
    } catch (err) {
      this._continueWrite(err)
      return false
    }

    return true
  }

  _consumeStream () {
    const buf = this._buffer.shiftFirst(this._missing)
    if (buf === null) return false

    this._missing -= buf.byteLength
    const drained = this._stream.push(buf)

    if (this._missing === 0) {
      this._stream.push(null)
      if (drained) this._stream._detach()
      return drained && this._locked === false
    }

    return drained
  }

  _createStream () {
    return new Source(this, this._header, this._offset)
  }

  _update () {
    while (this._buffer.buffered > 0 && !this.destroying) {
      if (this._missing > 0) {
        if (this._stream !== null) {
          if (this._consumeStream() === false) return
          continue
        }

        if (this._longHeader === true) {
          if (this._missing > this._buffer.buffered) break
          if (this._consumeLongHeader() === false) return false
          continue
        }

        const ignore = this._buffer.shiftFirst(this._missing)
        if (ignore !== null) this._missing -= ignore.byteLength
        continue
      }

      if (this._buffer.buffered < 512) break
      if (this._stream !== null || this._consumeHeader() === false) return
    }

    this._continueWrite(null)
  }

  _continueWrite (err) {
    const cb = this._callback
    this._callback = noop
    cb(err)
  }

  _write (data, cb) {
    this._callback = cb
    this._buffer.push(data)
    this._update()
  }

  _final (cb) {
    this._finished = this._missing === 0 && this._buffer.buffered === 0
    cb(this._finished ? null : new Error('Unexpected end of data'))
  }

  _predestroy () {
    this._continueWrite(null)
  }

  _destroy (cb) {
    if (this._stream) this._stream.destroy(getStreamError(this))
    cb(null)
  }

  [Symbol.asyncIterator] () {
    let error = null

    let promiseResolve = null
    let promiseReject = null

    let entryStream = null
    let entryCallback = null

    const extract = this

    this.on('entry', onentry)
    this.on('error', (err) => { error = err })
    this.on('close', onclose)

    return {
      [Symbol.asyncIterator] () {
        return this
      },
      next () {
        return new Promise(onnext)
      },
      return () {
        return destroy(null)
      },
      throw (err) {
        return destroy(err)
      }
    }

    function consumeCallback (err) {
      if (!entryCallback) return
      const cb = entryCallback
      entryCallback = null
      cb(err)
    }

    function onnext (resolve, reject) {
      if (error) {
        return reject(error)
      }

      if (entryStream) {
        resolve({ value: entryStream, done: false })
        entryStream = null
        return
      }

      promiseResolve = resolve
      promiseReject = reject

      consumeCallback(null)

      if (extract._finished && promiseResolve) {
        promiseResolve({ value: undefined, done: true })
        promiseResolve = promiseReject = null
      }
    }

    function onentry (header, stream, callback) {
      entryCallback = callback
      stream.on('error', noop) // no way around this due to tick sillyness

      if (promiseResolve) {
        promiseResolve({ value: stream, done: false })
        promiseResolve = promiseReject = null
      } else {
        entryStream = stream
      }
    }

    function onclose () {
      consumeCallback(error)
      if (!promiseResolve) return
      if (error) promiseReject(error)
      else promiseResolve({ value: undefined, done: true })
      promiseResolve = promiseReject = null
    }

    function destroy (err) {
      extract.destroy(err)
      consumeCallback(err)
      return new Promise((resolve, reject) => {
        if (extract.destroyed) return resolve({ value: undefined, done: true })
        extract.once('close', function () {
          if (err) reject(err)
          else resolve({ value: undefined, done: true })
        })
      })
    }
  }
}

module.exports = function extract (opts) {
  return new Extract(opts)
}

function noop () {}

function overflow (size) {
  size &= 511
  return size && 512 - size
}


/***/ }),

/***/ 6972:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

const b4a = __nccwpck_require__(9553)

const ZEROS = '0000000000000000000'
const SEVENS = '7777777777777777777'
const ZERO_OFFSET = '0'.charCodeAt(0)
const USTAR_MAGIC = b4a.from([0x75, 0x73, 0x74, 0x61, 0x72, 0x00]) // ustar\x00
const USTAR_VER = b4a.from([ZERO_OFFSET, ZERO_OFFSET])
const GNU_MAGIC = b4a.from([0x75, 0x73, 0x74, 0x61, 0x72, 0x20]) // ustar\x20
const GNU_VER = b4a.from([0x20, 0x00])
const MASK = 0o7777
const MAGIC_OFFSET = 257
const VERSION_OFFSET = 263

exports.decodeLongPath = function decodeLongPath (buf, encoding) {
  return decodeStr(buf, 0, buf.length, encoding)
}

exports.encodePax = function encodePax (opts) { // TODO: encode more stuff in pax
  let result = ''
  if (opts.name) result += addLength(' path=' + opts.name + '\n')
  if (opts.linkname) result += addLength(' linkpath=' + opts.linkname + '\n')
  const pax = opts.pax
  if (pax) {
    for (const key in pax) {
      result += addLength(' ' + key + '=' + pax[key] + '\n')
    }
  }
  return b4a.from(result)
}

exports.decodePax = function decodePax (buf) {
  const result = {}

  while (buf.length) {
    let i = 0
    while (i < buf.length && buf[i] !== 32) i++
    const len = parseInt(b4a.toString(buf.subarray(0, i)), 10)
    if (!len) return result

    const b = b4a.toString(buf.subarray(i + 1, len - 1))
    const keyIndex = b.indexOf('=')
    if (keyIndex === -1) return result
    result[b.slice(0, keyIndex)] = b.slice(keyIndex + 1)

    buf = buf.subarray(len)
  }

  return result
}

exports.encode = function encode (opts) {
  const buf = b4a.alloc(512)
  let name = opts.name
  let prefix = ''

  if (opts.typeflag === 5 && name[name.length - 1] !== '/') name += '/'
  if (b4a.byteLength(name) !== name.length) return null // utf-8

  while (b4a.byteLength(name) > 100) {
    const i = name.indexOf('/')
    if (i === -1) return null
    prefix += prefix ? '/' + name.slice(0, i) : name.slice(0, i)
    name = name.slice(i + 1)
  }

  if (b4a.byteLength(name) > 100 || b4a.byteLength(prefix) > 155) return null
  if (opts.linkname && b4a.byteLength(opts.linkname) > 100) return null

  b4a.write(buf, name)
  b4a.write(buf, encodeOct(opts.mode & MASK, 6), 100)
  b4a.write(buf, encodeOct(opts.uid, 6), 108)
  b4a.write(buf, encodeOct(opts.gid, 6), 116)
  encodeSize(opts.size, buf, 124)
  b4a.write(buf, encodeOct((opts.mtime.getTime() / 1000) | 0, 11), 136)

  buf[156] = ZERO_OFFSET + toTypeflag(opts.type)

  if (opts.linkname) b4a.write(buf, opts.linkname, 157)

  b4a.copy(USTAR_MAGIC, buf, MAGIC_OFFSET)
  b4a.copy(USTAR_VER, buf, VERSION_OFFSET)
  if (opts.uname) b4a.write(buf, opts.uname, 265)
  if (opts.gname) b4a.write(buf, opts.gname, 297)
  b4a.write(buf, encodeOct(opts.devmajor || 0, 6), 329)
  b4a.write(buf, encodeOct(opts.devminor || 0, 6), 337)

  if (prefix) b4a.write(buf, prefix, 345)

  b4a.write(buf, encodeOct(cksum(buf), 6), 148)

  return buf
}

exports.decode = function decode (buf, filenameEncoding, allowUnknownFormat) {
  let typeflag = buf[156] === 0 ? 0 : buf[156] - ZERO_OFFSET

  let name = decodeStr(buf, 0, 100, filenameEncoding)
  const mode = decodeOct(buf, 100, 8)
  const uid = decodeOct(buf, 108, 8)
  const gid = decodeOct(buf, 116, 8)
  const size = decodeOct(buf, 124, 12)
  const mtime = decodeOct(buf, 136, 12)
  const type = toType(typeflag)
  const linkname = buf[157] === 0 ? null : decodeStr(buf, 157, 100, filenameEncoding)
  const uname = decodeStr(buf, 265, 32)
  const gname = decodeStr(buf, 297, 32)
  const devmajor = decodeOct(buf, 329, 8)
  const devminor = decodeOct(buf, 337, 8)

  const c = cksum(buf)

  // checksum is still initial value if header was null.
  if (c === 8 * 32) return null

  // valid checksum
  if (c !== decodeOct(buf, 148, 8)) throw new Error('Invalid tar header. Maybe the tar is corrupted or it needs to be gunzipped?')

  if (isUSTAR(buf)) {
    // ustar (posix) format.
    // prepend prefix, if present.
    if (buf[345]) name = decodeStr(buf, 345, 155, filenameEncoding) + '/' + name
  } else if (isGNU(buf)) {
    // 'gnu'/'oldgnu' format. Similar to ustar, but has support for incremental and
    // multi-volume tarballs.
  } else {
    if (!allowUnknownFormat) {
      throw new Error('Invalid tar header: unknown format.')
    }
  }

  // to support old tar versions that use trailing / to indicate dirs
  if (typeflag === 0 && name && name[name.length - 1] === '/') typeflag = 5

  return {
    name,
    mode,
    uid,
    gid,
    size,
    byteOffset: 0,
    mtime: new Date(1000 * mtime),
    type,
    linkname,
    uname,
    gname,
    devmajor,
    devminor,
    pax: null
  }
}

function isUSTAR (buf) {
  return b4a.equals(USTAR_MAGIC, buf.subarray(MAGIC_OFFSET, MAGIC_OFFSET + 6))
}

function isGNU (buf) {
  return b4a.equals(GNU_MAGIC, buf.subarray(MAGIC_OFFSET, MAGIC_OFFSET + 6)) &&
    b4a.equals(GNU_VER, buf.subarray(VERSION_OFFSET, VERSION_OFFSET + 2))
}

function clamp (index, len, defaultValue) {
  if (typeof index !== 'number') return defaultValue
  index = ~~index // Coerce to integer.
  if (index >= len) return len
  if (index >= 0) return index
  index += len
  if (index >= 0) return index
  return 0
}

function toType (flag) {
  switch (flag) {
    case 0:
      return 'file'
    case 1:
      return 'link'
    case 2:
      return 'symlink'
    case 3:
      return 'character-device'
    case 4:
      return 'block-device'
    case 5:
      return 'directory'
    case 6:
      return 'fifo'
    case 7:
      return 'contiguous-file'
    case 72:
      return 'pax-header'
    case 55:
      return 'pax-global-header'
    case 27:
      return 'gnu-long-link-path'
    case 28:
    case 30:
      return 'gnu-long-path'
  }

  return null
}

function toTypeflag (flag) {
  switch (flag) {
    case 'file':
      return 0
    case 'link':
      return 1
    case 'symlink':
      return 2
    case 'character-device':
      return 3
    case 'block-device':
      return 4
    case 'directory':
      return 5
    case 'fifo':
      return 6
    case 'contiguous-file':
      return 7
    case 'pax-header':
      return 72
  }

  return 0
}

function indexOf (block, num, offset, end) {
  for (; offset < end; offset++) {
    if (block[offset] === num) return offset
  }
  return end
}

function cksum (block) {
  let sum = 8 * 32
  for (let i = 0; i < 148; i++) sum += block[i]
  for (let j = 156; j < 512; j++) sum += block[j]
  return sum
}

function encodeOct (val, n) {
  val = val.toString(8)
  if (val.length > n) return SEVENS.slice(0, n) + ' '
  return ZEROS.slice(0, n - val.length) + val + ' '
}

function encodeSizeBin (num, buf, off) {
  buf[off] = 0x80
  for (let i = 11; i > 0; i--) {
    buf[off + i] = num & 0xff
    num = Math.floor(num / 0x100)
  }
}

function encodeSize (num, buf, off) {
  if (num.toString(8).length > 11) {
    encodeSizeBin(num, buf, off)
  } else {
    b4a.write(buf, encodeOct(num, 11), off)
  }
}

/* Copied from the node-tar repo and modified to meet
 * tar-stream coding standard.
 *
 * Source: https://github.com/npm/node-tar/blob/51b6627a1f357d2eb433e7378e5f05e83b7aa6cd/lib/header.js#L349
 */
function parse256 (buf) {
  // first byte MUST be either 80 or FF
  // 80 for positive, FF for 2's comp
  let positive
  if (buf[0] === 0x80) positive = true
  else if (buf[0] === 0xFF) positive = false
  else return null

  // build up a base-256 tuple from the least sig to the highest
  const tuple = []
  let i
  for (i = buf.length - 1; i > 0; i--) {
    const byte = buf[i]
    if (positive) tuple.push(byte)
    else tuple.push(0xFF - byte)
  }

  let sum = 0
  const l = tuple.length
  for (i = 0; i < l; i++) {
    sum += tuple[i] * Math.pow(256, i)
  }

  return positive ? sum : -1 * sum
}

function decodeOct (val, offset, length) {
  val = val.subarray(offset, offset + length)
  offset = 0

  // If prefixed with 0x80 then parse as a base-256 integer
  if (val[offset] & 0x80) {
    return parse256(val)
  } else {
    // Older versions of tar can prefix with spaces
    while (offset < val.length && val[offset] === 32) offset++
    const end = clamp(indexOf(val, 32, offset, val.length), val.length, val.length)
    while (offset < end && val[offset] === 0) offset++
    if (end === offset) return 0
    return parseInt(b4a.toString(val.subarray(offset, end)), 8)
  }
}

function decodeStr (val, offset, length, encoding) {
  return b4a.toString(val.subarray(offset, indexOf(val, 0, offset, offset + length)), encoding)
}

function addLength (str) {
  const len = b4a.byteLength(str)
  let digits = Math.floor(Math.log(len) / Math.log(10)) + 1
  if (len + digits >= Math.pow(10, digits)) digits++

  return (len + digits) + str
}


/***/ }),

/***/ 8006:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

exports.extract = __nccwpck_require__(2099)
exports.pack = __nccwpck_require__(3805)


/***/ }),

/***/ 3805:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const { Readable, Writable, getStreamError } = __nccwpck_require__(3052)
const b4a = __nccwpck_require__(9553)

const constants = __nccwpck_require__(8519)
const headers = __nccwpck_require__(6972)

const DMODE = 0o755
const FMODE = 0o644

const END_OF_TAR = b4a.alloc(1024)

class Sink extends Writable {
  constructor (pack, header, callback) {
    super({ mapWritable, eagerOpen: true })

    this.written = 0
    this.header = header

    this._callback = callback
    this._linkname = null
    this._isLinkname = header.type === 'symlink' && !header.linkname
    this._isVoid = header.type !== 'file' && header.type !== 'contiguous-file'
    this._finished = false
    this._pack = pack
    this._openCallback = null

    if (this._pack._stream === null) this._pack._stream = this
    else this._pack._pending.push(this)
  }

  _open (cb) {
    this._openCallback = cb
    if (this._pack._stream === this) this._continueOpen()
  }

  _continuePack (err) {
    if (this._callback === null) return

    const callback = this._callback
    this._callback = null

    callback(err)
  }

  _continueOpen () {
    if (this._pack._stream === null) this._pack._stream = this

    const cb = this._openCallback
    this._openCallback = null
    if (cb === null) return

    if (this._pack.destroying) return cb(new Error('pack stream destroyed'))
    if (this._pack._finalized) return cb(new Error('pack stream is already finalized'))

    this._pack._stream = this

    if (!this._isLinkname) {
      this._pack._encode(this.header)
    }

    if (this._isVoid) {
      this._finish()
      this._continuePack(null)
    }

    cb(null)
  }

  _write (data, cb) {
    if (this._isLinkname) {
      this._linkname = this._linkname ? b4a.concat([this._linkname, data]) : data
      return cb(null)
    }

    if (this._isVoid) {
      if (data.byteLength > 0) {
        return cb(new Error('No body allowed for this entry'))
      }
      return cb()
    }

    this.written += data.byteLength
    if (this._pack.push(data)) return cb()
    this._pack._drain = cb
  }

  _finish () {
    if (this._finished) return
    this._finished = true

    if (this._isLinkname) {
      this.header.linkname = this._linkname ? b4a.toString(this._linkname, 'utf-8') : ''
      this._pack._encode(this.header)
    }

    overflow(this._pack, this.header.size)

    this._pack._done(this)
  }

  _final (cb) {
    if (this.written !== this.header.size) { // corrupting tar
      return cb(new Error('Size mismatch'))
    }

    this._finish()
    cb(null)
  }

  _getError () {
    return getStreamError(this) || new Error('tar entry destroyed')
  }

  _predestroy () {
    this._pack.destroy(this._getError())
  }

  _destroy (cb) {
    this._pack._done(this)

    this._continuePack(this._finished ? null : this._getError())

    cb()
  }
}

class Pack extends Readable {
  constructor (opts) {
    super(opts)
    this._drain = noop
    this._finalized = false
    this._finalizing = false
    this._pending = []
    this._stream = null
  }

  entry (header, buffer, callback) {
    if (this._finalized || this.destroying) throw new Error('already finalized or destroyed')

    if (typeof buffer === 'function') {
      callback = buffer
      buffer = null
    }

    if (!callback) callback = noop

    if (!header.size || header.type === 'symlink') header.size = 0
    if (!header.type) header.type = modeToType(header.mode)
    if (!header.mode) header.mode = header.type === 'directory' ? DMODE : FMODE
    if (!header.uid) header.uid = 0
    if (!header.gid) header.gid = 0
    if (!header.mtime) header.mtime = new Date()

    if (typeof buffer === 'string') buffer = b4a.from(buffer)

    const sink = new Sink(this, header, callback)

    if (b4a.isBuffer(buffer)) {
      header.size = buffer.byteLength
      sink.write(buffer)
      sink.end()
      return sink
    }

    if (sink._isVoid) {
      return sink
    }

    return sink
  }

  finalize () {
    if (this._stream || this._pending.length > 0) {
      this._finalizing = true
      return
    }

    if (this._finalized) return
    this._finalized = true

    this.push(END_OF_TAR)
    this.push(null)
  }

  _done (stream) {
    if (stream !== this._stream) return

    this._stream = null

    if (this._finalizing) this.finalize()
    if (this._pending.length) this._pending.shift()._continueOpen()
  }

  _encode (header) {
    if (!header.pax) {
      const buf = headers.encode(header)
      if (buf) {
        this.push(buf)
        return
      }
    }
    this._encodePax(header)
  }

  _encodePax (header) {
    const paxHeader = headers.encodePax({
      name: header.name,
      linkname: header.linkname,
      pax: header.pax
    })

    const newHeader = {
      name: 'PaxHeader',
      mode: header.mode,
      uid: header.uid,
      gid: header.gid,
      size: paxHeader.byteLength,
      mtime: header.mtime,
      type: 'pax-header',
      linkname: header.linkname && 'PaxHeader',
      uname: header.uname,
      gname: header.gname,
      devmajor: header.devmajor,
      devminor: header.devminor
    }

    this.push(headers.encode(newHeader))
    this.push(paxHeader)
    overflow(this, paxHeader.byteLength)

    newHeader.size = header.size
    newHeader.type = header.type
    this.push(headers.encode(newHeader))
  }

  _doDrain () {
    const drain = this._drain
    this._drain = noop
    drain()
  }

  _predestroy () {
    const err = getStreamError(this)

    if (this._stream) this._stream.destroy(err)

    while (this._pending.length) {
      const stream = this._pending.shift()
      stream.destroy(err)
      stream._continueOpen()
    }

    this._doDrain()
  }

  _read (cb) {
    this._doDrain()
    cb()
  }
}

module.exports = function pack (opts) {
  return new Pack(opts)
}

function modeToType (mode) {
  switch (mode & constants.S_IFMT) {
    case constants.S_IFBLK: return 'block-device'
    case constants.S_IFCHR: return 'character-device'
    case constants.S_IFDIR: return 'directory'
    case constants.S_IFIFO: return 'fifo'
    case constants.S_IFLNK: return 'symlink'
  }

  return 'file'
}

function noop () {}

function overflow (self, size) {
  size &= 511
  if (size) self.push(END_OF_TAR.subarray(0, 512 - size))
}

function mapWritable (buf) {
  return b4a.isBuffer(buf) ? buf : b4a.from(buf)
}


/***/ }),

/***/ 5454:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const PassThroughDecoder = __nccwpck_require__(7656)
const UTF8Decoder = __nccwpck_require__(6974)

module.exports = class TextDecoder {
  constructor(encoding = 'utf8') {
    this.encoding = normalizeEncoding(encoding)

    switch (this.encoding) {
      case 'utf8':
        this.decoder = new UTF8Decoder()
        break
      case 'utf16le':
      case 'base64':
        throw new Error('Unsupported encoding: ' + this.encoding)
      default:
        this.decoder = new PassThroughDecoder(this.encoding)
    }
  }

  get remaining() {
    return this.decoder.remaining
  }

  push(data) {
    if (typeof data === 'string') return data
    return this.decoder.decode(data)
  }

  // For Node.js compatibility
  write(data) {
    return this.push(data)
  }

  end(data) {
    let result = ''
    if (data) result = this.push(data)
    result += this.decoder.flush()
    return result
  }
}

function normalizeEncoding(encoding) {
  encoding = encoding.toLowerCase()

  switch (encoding) {
    case 'utf8':
    case 'utf-8':
      return 'utf8'
    case 'ucs2':
    case 'ucs-2':
    case 'utf16le':
    case 'utf-16le':
      return 'utf16le'
    case 'latin1':
    case 'binary':
      return 'latin1'
    case 'base64':
    case 'ascii':
    case 'hex':
      return encoding
    default:
      throw new Error('Unknown encoding: ' + encoding)
  }
}


/***/ }),

/***/ 7656:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const b4a = __nccwpck_require__(9553)

module.exports = class PassThroughDecoder {
  constructor(encoding) {
    this.encoding = encoding
  }

  get remaining() {
    return 0
  }

  decode(data) {
    return b4a.toString(data, this.encoding)
  }

  flush() {
    return ''
  }
}


/***/ }),

/***/ 6974:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const b4a = __nccwpck_require__(9553)

/**
 * https://encoding.spec.whatwg.org/#utf-8-decoder
 */
module.exports = class UTF8Decoder {
  constructor() {
    this._reset()
  }

  get remaining() {
    return this.bytesSeen
  }

  decode(data) {
    if (data.byteLength === 0) return ''

    if (this.bytesNeeded === 0 && trailingIncomplete(data, 0) === 0) {
      this.bytesSeen = trailingBytesSeen(data)
      return b4a.toString(data, 'utf8')
    }

    let result = ''
    let start = 0

    if (this.bytesNeeded > 0) {
      while (start < data.byteLength) {
        const byte = data[start]

        if (byte < this.lowerBoundary || byte > this.upperBoundary) {
          result += '\ufffd'
          this._reset()
          break
        }

        this.lowerBoundary = 0x80
        this.upperBoundary = 0xbf
        this.codePoint = (this.codePoint << 6) | (byte & 0x3f)
        this.bytesSeen++
        start++

        if (this.bytesSeen === this.bytesNeeded) {
          result += String.fromCodePoint(this.codePoint)
          this._reset()
          break
        }
      }

      if (this.bytesNeeded > 0) return result
    }

    const trailing = trailingIncomplete(data, start)
    const end = data.byteLength - trailing

    if (end > start) result += b4a.toString(data, 'utf8', start, end)

    for (let i = end; i < data.byteLength; i++) {
      const byte = data[i]

      if (this.bytesNeeded === 0) {
        if (byte <= 0x7f) {
          this.bytesSeen = 0
          result += String.fromCharCode(byte)
        } else if (byte >= 0xc2 && byte <= 0xdf) {
          this.bytesNeeded = 2
          this.bytesSeen = 1
          this.codePoint = byte & 0x1f
        } else if (byte >= 0xe0 && byte <= 0xef) {
          if (byte === 0xe0) this.lowerBoundary = 0xa0
          else if (byte === 0xed) this.upperBoundary = 0x9f
          this.bytesNeeded = 3
          this.bytesSeen = 1
          this.codePoint = byte & 0xf
        } else if (byte >= 0xf0 && byte <= 0xf4) {
          if (byte === 0xf0) this.lowerBoundary = 0x90
          else if (byte === 0xf4) this.upperBoundary = 0x8f
          this.bytesNeeded = 4
          this.bytesSeen = 1
          this.codePoint = byte & 0x7
        } else {
          this.bytesSeen = 1
          result += '\ufffd'
        }

        continue
      }

      if (byte < this.lowerBoundary || byte > this.upperBoundary) {
        result += '\ufffd'
        i--
        this._reset()

        continue
      }

      this.lowerBoundary = 0x80
      this.upperBoundary = 0xbf

      this.codePoint = (this.codePoint << 6) | (byte & 0x3f)
      this.bytesSeen++

      if (this.bytesSeen === this.bytesNeeded) {
        result += String.fromCodePoint(this.codePoint)
        this._reset()
      }
    }

    return result
  }

  flush() {
    const result = this.bytesNeeded > 0 ? '\ufffd' : ''
    this._reset()
    return result
  }

  _reset() {
    this.codePoint = 0
    this.bytesNeeded = 0
    this.bytesSeen = 0
    this.lowerBoundary = 0x80
    this.upperBoundary = 0xbf
  }
}

function trailingIncomplete(data, start) {
  const len = data.byteLength
  if (len <= start) return 0

  const limit = Math.max(start, len - 4)

  let i = len - 1
  while (i > limit && (data[i] & 0xc0) === 0x80) i--

  if (i < start) return 0

  const byte = data[i]

  let needed
  if (byte <= 0x7f) return 0
  if (byte >= 0xc2 && byte <= 0xdf) needed = 2
  else if (byte >= 0xe0 && byte <= 0xef) needed = 3
  else if (byte >= 0xf0 && byte <= 0xf4) needed = 4
  else return 0

  const available = len - i
  return available < needed ? available : 0
}

function trailingBytesSeen(data) {
  const len = data.byteLength
  if (len === 0) return 0

  const last = data[len - 1]

  if (last <= 0x7f) return 0
  if ((last & 0xc0) !== 0x80) return 1

  const limit = Math.max(0, len - 4)

  let i = len - 2
  while (i >= limit && (data[i] & 0xc0) === 0x80) i--

  if (i < 0) return 1

  const first = data[i]

  let needed
  if (first >= 0xc2 && first <= 0xdf) needed = 2
  else if (first >= 0xe0 && first <= 0xef) needed = 3
  else if (first >= 0xf0 && first <= 0xf4) needed = 4
  else return 1

  if (len - i !== needed) return 1

  if (needed >= 3) {
    const second = data[i + 1]
    if (first === 0xe0 && second < 0xa0) return 1
    if (first === 0xed && second > 0x9f) return 1
    if (first === 0xf0 && second < 0x90) return 1
    if (first === 0xf4 && second > 0x8f) return 1
  }

  return 0
}


/***/ }),

/***/ 8039:
/***/ (function(module, exports) {

var __spreadArray = (this && this.__spreadArray) || function (to, from, pack) {
    if (pack || arguments.length === 2) for (var i = 0, l = from.length, ar; i < l; i++) {
        if (ar || !(i in from)) {
            if (!ar) ar = Array.prototype.slice.call(from, 0, i);
            ar[i] = from[i];
        }
    }
    return to.concat(ar || Array.prototype.slice.call(from));
};
(function (factory) {
    if ( true && typeof module.exports === "object") {
        var v = factory(__WEBPACK_EXTERNAL_createRequire(import.meta.url), exports);
        if (v !== undefined) module.exports = v;
    }
    else if (typeof define === "function" && define.amd) {
        define(["require", "exports"], factory);
    }
})(function (require, exports) {
    /* --------------------------------------------------------------------------------------------
     * Copyright (c) Microsoft Corporation. All rights reserved.
     * Licensed under the MIT License. See License.txt in the project root for license information.
     * ------------------------------------------------------------------------------------------ */
    'use strict';
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.TextDocument = void 0;
    var FullTextDocument = /** @class */ (function () {
        function FullTextDocument(uri, languageId, version, content) {
            this._uri = uri;
            this._languageId = languageId;
            this._version = version;
            this._content = content;
            this._lineOffsets = undefined;
        }
        Object.defineProperty(FullTextDocument.prototype, "uri", {
            get: function () {
                return this._uri;
            },
            enumerable: false,
            configurable: true
        });
        Object.defineProperty(FullTextDocument.prototype, "languageId", {
            get: function () {
                return this._languageId;
            },
            enumerable: false,
            configurable: true
        });
        Object.defineProperty(FullTextDocument.prototype, "version", {
            get: function () {
                return this._version;
            },
            enumerable: false,
            configurable: true
        });
        FullTextDocument.prototype.getText = function (range) {
            if (range) {
                var start = this.offsetAt(range.start);
                var end = this.offsetAt(range.end);
                return this._content.substring(start, end);
            }
            return this._content;
        };
        FullTextDocument.prototype.update = function (changes, version) {
            for (var _i = 0, changes_1 = changes; _i < changes_1.length; _i++) {
                var change = changes_1[_i];
                if (FullTextDocument.isIncremental(change)) {
                    // makes sure start is before end
                    var range = getWellformedRange(change.range);
                    // update content
                    var startOffset = this.offsetAt(range.start);
                    var endOffset = this.offsetAt(range.end);
                    this._content = this._content.substring(0, startOffset) + change.text + this._content.substring(endOffset, this._content.length);
                    var insertedEndOffset = startOffset + change.text.length;
                    var crlfAtStart = this._content.charCodeAt(startOffset - 1) === 13 /* CharCode.CarriageReturn */ && this._content.charCodeAt(startOffset) === 10 /* CharCode.LineFeed */;
                    var crlfAtEnd = this._content.charCodeAt(insertedEndOffset - 1) === 13 /* CharCode.CarriageReturn */ && this._content.charCodeAt(insertedEndOffset) === 10 /* CharCode.LineFeed */;
                    if (crlfAtStart || crlfAtEnd) {
                        // A CRLF pair across an edit boundary is not included in the inserted text's line offsets.
                        this._lineOffsets = undefined;
                        continue;
                    }
                    // update the offsets
                    var startLine = Math.max(range.start.line, 0);
                    var endLine = Math.max(range.end.line, 0);
                    var lineOffsets = this._lineOffsets;
                    var addedLineOffsets = computeLineOffsets(change.text, false, startOffset);
                    if (endLine - startLine === addedLineOffsets.length) {
                        for (var i = 0, len = addedLineOffsets.length; i < len; i++) {
                            lineOffsets[i + startLine + 1] = addedLineOffsets[i];
                        }
                    }
                    else {
                        if (addedLineOffsets.length < 10000) {
                            lineOffsets.splice.apply(lineOffsets, __spreadArray([startLine + 1, endLine - startLine], addedLineOffsets, false));
                        }
                        else { // avoid too many arguments for splice
                            this._lineOffsets = lineOffsets = lineOffsets.slice(0, startLine + 1).concat(addedLineOffsets, lineOffsets.slice(endLine + 1));
                        }
                    }
                    var diff = change.text.length - (endOffset - startOffset);
                    if (diff !== 0) {
                        for (var i = startLine + 1 + addedLineOffsets.length, len = lineOffsets.length; i < len; i++) {
                            lineOffsets[i] = lineOffsets[i] + diff;
                        }
                    }
                }
                else if (FullTextDocument.isFull(change)) {
                    this._content = change.text;
                    this._lineOffsets = undefined;
                }
                else {
                    throw new Error('Unknown change event received');
                }
            }
            this._version = version;
        };
        FullTextDocument.prototype.getLineOffsets = function () {
            if (this._lineOffsets === undefined) {
                this._lineOffsets = computeLineOffsets(this._content, true);
            }
            return this._lineOffsets;
        };
        FullTextDocument.prototype.positionAt = function (offset) {
            offset = Math.max(Math.min(offset, this._content.length), 0);
            var lineOffsets = this.getLineOffsets();
            var low = 0, high = lineOffsets.length;
            if (high === 0) {
                return { line: 0, character: offset };
            }
            while (low < high) {
                var mid = Math.floor((low + high) / 2);
                if (lineOffsets[mid] > offset) {
                    high = mid;
                }
                else {
                    low = mid + 1;
                }
            }
            // low is the least x for which the line offset is larger than the current offset
            // or array.length if no line offset is larger than the current offset
            var line = low - 1;
            offset = this.ensureBeforeEOL(offset, lineOffsets[line]);
            return { line: line, character: offset - lineOffsets[line] };
        };
        FullTextDocument.prototype.offsetAt = function (position) {
            var lineOffsets = this.getLineOffsets();
            if (position.line >= lineOffsets.length) {
                return this._content.length;
            }
            else if (position.line < 0) {
                return 0;
            }
            var lineOffset = lineOffsets[position.line];
            if (position.character <= 0) {
                return lineOffset;
            }
            var nextLineOffset = (position.line + 1 < lineOffsets.length) ? lineOffsets[position.line + 1] : this._content.length;
            var offset = Math.min(lineOffset + position.character, nextLineOffset);
            return this.ensureBeforeEOL(offset, lineOffset);
        };
        FullTextDocument.prototype.getLineRange = function (line) {
            var lineOffsets = this.getLineOffsets();
            if (line >= lineOffsets.length) {
                var lastLine = lineOffsets.length - 1;
                return { start: { line: lastLine, character: 0 }, end: { line: lastLine, character: this._content.length - lineOffsets[lastLine] } };
            }
            else if (line < 0) {
                return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
            }
            var startOffset = lineOffsets[line];
            var nextLineOffset = (line + 1 < lineOffsets.length) ? lineOffsets[line + 1] : this._content.length;
            var endOffset = this.ensureBeforeEOL(nextLineOffset, startOffset);
            return { start: { line: line, character: 0 }, end: { line: line, character: endOffset - startOffset } };
        };
        FullTextDocument.prototype.getEOLCharacters = function (line) {
            var lineOffsets = this.getLineOffsets();
            if (line >= lineOffsets.length) {
                return '';
            }
            else if (line < 0) {
                return '';
            }
            var nextLineOffset = (line + 1 < lineOffsets.length) ? lineOffsets[line + 1] : this._content.length;
            var eolOffset = this.ensureBeforeEOL(nextLineOffset, lineOffsets[line]);
            return this._content.substring(eolOffset, nextLineOffset);
        };
        FullTextDocument.prototype.ensureBeforeEOL = function (offset, lineOffset) {
            while (offset > lineOffset && isEOL(this._content.charCodeAt(offset - 1))) {
                offset--;
            }
            return offset;
        };
        Object.defineProperty(FullTextDocument.prototype, "lineCount", {
            get: function () {
                return this.getLineOffsets().length;
            },
            enumerable: false,
            configurable: true
        });
        FullTextDocument.isIncremental = function (event) {
            var candidate = event;
            return candidate !== undefined && candidate !== null &&
                typeof candidate.text === 'string' && candidate.range !== undefined &&
                (candidate.rangeLength === undefined || typeof candidate.rangeLength === 'number');
        };
        FullTextDocument.isFull = function (event) {
            var candidate = event;
            return candidate !== undefined && candidate !== null &&
                typeof candidate.text === 'string' && candidate.range === undefined && candidate.rangeLength === undefined;
        };
        return FullTextDocument;
    }());
    var TextDocument;
    (function (TextDocument) {
        /**
         * Creates a new text document.
         *
         * @param uri The document's uri.
         * @param languageId  The document's language Id.
         * @param version The document's initial version number.
         * @param content The document's content.
         */
        function create(uri, languageId, version, content) {
            return new FullTextDocument(uri, languageId, version, content);
        }
        TextDocument.create = create;
        /**
         * Updates a TextDocument by modifying its content.
         *
         * @param document the document to update. Only documents created by TextDocument.create are valid inputs.
         * @param changes the changes to apply to the document.
         * @param version the changes version for the document.
         * @returns The updated TextDocument. Note: That's the same document instance passed in as first parameter.
         *
         */
        function update(document, changes, version) {
            if (document instanceof FullTextDocument) {
                document.update(changes, version);
                return document;
            }
            else {
                throw new Error('TextDocument.update: document must be created by TextDocument.create');
            }
        }
        TextDocument.update = update;
        function applyEdits(document, edits) {
            var text = document.getText();
            var sortedEdits = mergeSort(edits.map(getWellformedEdit), function (a, b) {
                var diff = a.range.start.line - b.range.start.line;
                if (diff === 0) {
                    return a.range.start.character - b.range.start.character;
                }
                return diff;
            });
            var lastModifiedOffset = 0;
            var spans = [];
            for (var _i = 0, sortedEdits_1 = sortedEdits; _i < sortedEdits_1.length; _i++) {
                var e = sortedEdits_1[_i];
                var startOffset = document.offsetAt(e.range.start);
                if (startOffset < lastModifiedOffset) {
                    throw new Error('Overlapping edit');
                }
                else if (startOffset > lastModifiedOffset) {
                    spans.push(text.substring(lastModifiedOffset, startOffset));
                }
                if (e.newText.length) {
                    spans.push(e.newText);
                }
                lastModifiedOffset = document.offsetAt(e.range.end);
            }
            spans.push(text.substr(lastModifiedOffset));
            return spans.join('');
        }
        TextDocument.applyEdits = applyEdits;
    })(TextDocument || (exports.TextDocument = TextDocument = {}));
    function mergeSort(data, compare) {
        if (data.length <= 1) {
            // sorted
            return data;
        }
        var p = (data.length / 2) | 0;
        var left = data.slice(0, p);
        var right = data.slice(p);
        mergeSort(left, compare);
        mergeSort(right, compare);
        var leftIdx = 0;
        var rightIdx = 0;
        var i = 0;
        while (leftIdx < left.length && rightIdx < right.length) {
            var ret = compare(left[leftIdx], right[rightIdx]);
            if (ret <= 0) {
                // smaller_equal -> take left to preserve order
                data[i++] = left[leftIdx++];
            }
            else {
                // greater -> take right
                data[i++] = right[rightIdx++];
            }
        }
        while (leftIdx < left.length) {
            data[i++] = left[leftIdx++];
        }
        while (rightIdx < right.length) {
            data[i++] = right[rightIdx++];
        }
        return data;
    }
    function computeLineOffsets(text, isAtLineStart, textOffset) {
        if (textOffset === void 0) { textOffset = 0; }
        var result = isAtLineStart ? [textOffset] : [];
        for (var i = 0; i < text.length; i++) {
            var ch = text.charCodeAt(i);
            if (isEOL(ch)) {
                if (ch === 13 /* CharCode.CarriageReturn */ && i + 1 < text.length && text.charCodeAt(i + 1) === 10 /* CharCode.LineFeed */) {
                    i++;
                }
                result.push(textOffset + i + 1);
            }
        }
        return result;
    }
    function isEOL(char) {
        return char === 13 /* CharCode.CarriageReturn */ || char === 10 /* CharCode.LineFeed */;
    }
    function getWellformedRange(range) {
        var start = range.start;
        var end = range.end;
        if (start.line > end.line || (start.line === end.line && start.character > end.character)) {
            return { start: end, end: start };
        }
        return range;
    }
    function getWellformedEdit(textEdit) {
        var range = getWellformedRange(textEdit.range);
        if (range !== textEdit.range) {
            return { newText: textEdit.newText, range: range };
        }
        return textEdit;
    }
});


/***/ }),

/***/ 7300:
/***/ ((module, exports) => {

(function (factory) {
    if ( true && typeof module.exports === "object") {
        var v = factory(__WEBPACK_EXTERNAL_createRequire(import.meta.url), exports);
        if (v !== undefined) module.exports = v;
    }
    else if (typeof define === "function" && define.amd) {
        define(["require", "exports"], factory);
    }
})(function () {
    /* --------------------------------------------------------------------------------------------
     * Copyright (c) Microsoft Corporation. All rights reserved.
     * Licensed under the MIT License. See License.txt in the project root for license information.
     * ------------------------------------------------------------------------------------------ */
    'use strict';
    Object.defineProperty(exports, "__esModule", ({ value: true }));
    exports.TextDocument = exports.EOL = exports.WorkspaceFolder = exports.InlineCompletionContext = exports.SelectedCompletionInfo = exports.InlineCompletionTriggerKind = exports.InlineCompletionList = exports.InlineCompletionItem = exports.StringValue = exports.InlayHint = exports.InlayHintLabelPart = exports.InlayHintKind = exports.InlineValueContext = exports.InlineValueEvaluatableExpression = exports.InlineValueVariableLookup = exports.InlineValueText = exports.SemanticTokens = exports.SemanticTokenModifiers = exports.SemanticTokenTypes = exports.SelectionRange = exports.DocumentLink = exports.FormattingOptions = exports.CodeLens = exports.CodeAction = exports.CodeActionTag = exports.CodeActionContext = exports.CodeActionTriggerKind = exports.CodeActionKind = exports.DocumentSymbol = exports.WorkspaceSymbol = exports.SymbolInformation = exports.SymbolTag = exports.SymbolKind = exports.DocumentHighlight = exports.DocumentHighlightKind = exports.SignatureInformation = exports.ParameterInformation = exports.Hover = exports.MarkedString = exports.CompletionList = exports.CompletionItem = exports.CompletionItemLabelDetails = exports.ApplyKind = exports.InsertTextMode = exports.InsertReplaceEdit = exports.CompletionItemTag = exports.InsertTextFormat = exports.CompletionItemKind = exports.MarkupContent = exports.MarkupKind = exports.TextDocumentItem = exports.LanguageKind = exports.OptionalVersionedTextDocumentIdentifier = exports.VersionedTextDocumentIdentifier = exports.TextDocumentIdentifier = exports.WorkspaceChange = exports.SnippetTextEdit = exports.WorkspaceEdit = exports.DeleteFile = exports.RenameFile = exports.CreateFile = exports.TextDocumentEdit = exports.AnnotatedTextEdit = exports.ChangeAnnotationIdentifier = exports.ChangeAnnotation = exports.TextEdit = exports.Command = exports.Diagnostic = exports.CodeDescription = exports.DiagnosticTag = exports.DiagnosticSeverity = exports.DiagnosticRelatedInformation = exports.FoldingRange = exports.FoldingRangeKind = exports.ColorPresentation = exports.ColorInformation = exports.Color = exports.LocationLink = exports.Location = exports.Range = exports.Position = exports.uinteger = exports.integer = exports.URI = exports.DocumentUri = void 0;
    var DocumentUri;
    (function (DocumentUri) {
        function is(value) {
            return typeof value === 'string';
        }
        DocumentUri.is = is;
    })(DocumentUri || (exports.DocumentUri = DocumentUri = {}));
    var URI;
    (function (URI) {
        function is(value) {
            return typeof value === 'string';
        }
        URI.is = is;
    })(URI || (exports.URI = URI = {}));
    var integer;
    (function (integer) {
        integer.MIN_VALUE = -2147483648;
        integer.MAX_VALUE = 2147483647;
        function is(value) {
            return typeof value === 'number' && integer.MIN_VALUE <= value && value <= integer.MAX_VALUE;
        }
        integer.is = is;
    })(integer || (exports.integer = integer = {}));
    var uinteger;
    (function (uinteger) {
        uinteger.MIN_VALUE = 0;
        uinteger.MAX_VALUE = 2147483647;
        function is(value) {
            return typeof value === 'number' && uinteger.MIN_VALUE <= value && value <= uinteger.MAX_VALUE;
        }
        uinteger.is = is;
    })(uinteger || (exports.uinteger = uinteger = {}));
    /**
     * The Position namespace provides helper functions to work with
     * {@link Position} literals.
     */
    var Position;
    (function (Position) {
        /**
         * Creates a new Position literal from the given line and character.
         * @param line The position's line.
         * @param character The position's character.
         */
        function create(line, character) {
            if (line === Number.MAX_VALUE) {
                line = uinteger.MAX_VALUE;
            }
            if (character === Number.MAX_VALUE) {
                character = uinteger.MAX_VALUE;
            }
            return { line: line, character: character };
        }
        Position.create = create;
        /**
         * Checks whether the given literal conforms to the {@link Position} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Is.uinteger(candidate.line) && Is.uinteger(candidate.character);
        }
        Position.is = is;
    })(Position || (exports.Position = Position = {}));
    /**
     * The Range namespace provides helper functions to work with
     * {@link Range} literals.
     */
    var Range;
    (function (Range) {
        function create(one, two, three, four) {
            if (Is.uinteger(one) && Is.uinteger(two) && Is.uinteger(three) && Is.uinteger(four)) {
                return { start: Position.create(one, two), end: Position.create(three, four) };
            }
            else if (Position.is(one) && Position.is(two)) {
                return { start: one, end: two };
            }
            else {
                throw new Error("Range#create called with invalid arguments[".concat(one, ", ").concat(two, ", ").concat(three, ", ").concat(four, "]"));
            }
        }
        Range.create = create;
        /**
         * Checks whether the given literal conforms to the {@link Range} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Position.is(candidate.start) && Position.is(candidate.end);
        }
        Range.is = is;
    })(Range || (exports.Range = Range = {}));
    /**
     * The Location namespace provides helper functions to work with
     * {@link Location} literals.
     */
    var Location;
    (function (Location) {
        /**
         * Creates a Location literal.
         * @param uri The location's uri.
         * @param range The location's range.
         */
        function create(uri, range) {
            return { uri: uri, range: range };
        }
        Location.create = create;
        /**
         * Checks whether the given literal conforms to the {@link Location} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Range.is(candidate.range) && (Is.string(candidate.uri) || Is.undefined(candidate.uri));
        }
        Location.is = is;
    })(Location || (exports.Location = Location = {}));
    /**
     * The LocationLink namespace provides helper functions to work with
     * {@link LocationLink} literals.
     */
    var LocationLink;
    (function (LocationLink) {
        /**
         * Creates a LocationLink literal.
         * @param targetUri The definition's uri.
         * @param targetRange The full range of the definition.
         * @param targetSelectionRange The span of the symbol definition at the target.
         * @param originSelectionRange The span of the symbol being defined in the originating source file.
         */
        function create(targetUri, targetRange, targetSelectionRange, originSelectionRange) {
            return { targetUri: targetUri, targetRange: targetRange, targetSelectionRange: targetSelectionRange, originSelectionRange: originSelectionRange };
        }
        LocationLink.create = create;
        /**
         * Checks whether the given literal conforms to the {@link LocationLink} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Range.is(candidate.targetRange) && Is.string(candidate.targetUri)
                && Range.is(candidate.targetSelectionRange)
                && (Range.is(candidate.originSelectionRange) || Is.undefined(candidate.originSelectionRange));
        }
        LocationLink.is = is;
    })(LocationLink || (exports.LocationLink = LocationLink = {}));
    /**
     * The Color namespace provides helper functions to work with
     * {@link Color} literals.
     */
    var Color;
    (function (Color) {
        /**
         * Creates a new Color literal.
         */
        function create(red, green, blue, alpha) {
            return {
                red: red,
                green: green,
                blue: blue,
                alpha: alpha,
            };
        }
        Color.create = create;
        /**
         * Checks whether the given literal conforms to the {@link Color} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Is.numberRange(candidate.red, 0, 1)
                && Is.numberRange(candidate.green, 0, 1)
                && Is.numberRange(candidate.blue, 0, 1)
                && Is.numberRange(candidate.alpha, 0, 1);
        }
        Color.is = is;
    })(Color || (exports.Color = Color = {}));
    /**
     * The ColorInformation namespace provides helper functions to work with
     * {@link ColorInformation} literals.
     */
    var ColorInformation;
    (function (ColorInformation) {
        /**
         * Creates a new ColorInformation literal.
         */
        function create(range, color) {
            return {
                range: range,
                color: color,
            };
        }
        ColorInformation.create = create;
        /**
         * Checks whether the given literal conforms to the {@link ColorInformation} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Range.is(candidate.range) && Color.is(candidate.color);
        }
        ColorInformation.is = is;
    })(ColorInformation || (exports.ColorInformation = ColorInformation = {}));
    /**
     * The Color namespace provides helper functions to work with
     * {@link ColorPresentation} literals.
     */
    var ColorPresentation;
    (function (ColorPresentation) {
        /**
         * Creates a new ColorInformation literal.
         */
        function create(label, textEdit, additionalTextEdits) {
            return {
                label: label,
                textEdit: textEdit,
                additionalTextEdits: additionalTextEdits,
            };
        }
        ColorPresentation.create = create;
        /**
         * Checks whether the given literal conforms to the {@link ColorInformation} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Is.string(candidate.label)
                && (Is.undefined(candidate.textEdit) || TextEdit.is(candidate.textEdit))
                && (Is.undefined(candidate.additionalTextEdits) || Is.typedArray(candidate.additionalTextEdits, TextEdit.is));
        }
        ColorPresentation.is = is;
    })(ColorPresentation || (exports.ColorPresentation = ColorPresentation = {}));
    /**
     * A set of predefined range kinds.
     */
    var FoldingRangeKind;
    (function (FoldingRangeKind) {
        /**
         * Folding range for a comment
         */
        FoldingRangeKind.Comment = 'comment';
        /**
         * Folding range for an import or include
         */
        FoldingRangeKind.Imports = 'imports';
        /**
         * Folding range for a region (e.g. `#region`)
         */
        FoldingRangeKind.Region = 'region';
    })(FoldingRangeKind || (exports.FoldingRangeKind = FoldingRangeKind = {}));
    /**
     * The folding range namespace provides helper functions to work with
     * {@link FoldingRange} literals.
     */
    var FoldingRange;
    (function (FoldingRange) {
        /**
         * Creates a new FoldingRange literal.
         */
        function create(startLine, endLine, startCharacter, endCharacter, kind, collapsedText) {
            var result = {
                startLine: startLine,
                endLine: endLine
            };
            if (Is.defined(startCharacter)) {
                result.startCharacter = startCharacter;
            }
            if (Is.defined(endCharacter)) {
                result.endCharacter = endCharacter;
            }
            if (Is.defined(kind)) {
                result.kind = kind;
            }
            if (Is.defined(collapsedText)) {
                result.collapsedText = collapsedText;
            }
            return result;
        }
        FoldingRange.create = create;
        /**
         * Checks whether the given literal conforms to the {@link FoldingRange} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Is.uinteger(candidate.startLine) && Is.uinteger(candidate.endLine)
                && (Is.undefined(candidate.startCharacter) || Is.uinteger(candidate.startCharacter))
                && (Is.undefined(candidate.endCharacter) || Is.uinteger(candidate.endCharacter))
                && (Is.undefined(candidate.kind) || Is.string(candidate.kind));
        }
        FoldingRange.is = is;
    })(FoldingRange || (exports.FoldingRange = FoldingRange = {}));
    /**
     * The DiagnosticRelatedInformation namespace provides helper functions to work with
     * {@link DiagnosticRelatedInformation} literals.
     */
    var DiagnosticRelatedInformation;
    (function (DiagnosticRelatedInformation) {
        /**
         * Creates a new DiagnosticRelatedInformation literal.
         */
        function create(location, message) {
            return {
                location: location,
                message: message
            };
        }
        DiagnosticRelatedInformation.create = create;
        /**
         * Checks whether the given literal conforms to the {@link DiagnosticRelatedInformation} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Location.is(candidate.location) && Is.string(candidate.message);
        }
        DiagnosticRelatedInformation.is = is;
    })(DiagnosticRelatedInformation || (exports.DiagnosticRelatedInformation = DiagnosticRelatedInformation = {}));
    /**
     * The diagnostic's severity.
     */
    var DiagnosticSeverity;
    (function (DiagnosticSeverity) {
        /**
         * Reports an error.
         */
        DiagnosticSeverity.Error = 1;
        /**
         * Reports a warning.
         */
        DiagnosticSeverity.Warning = 2;
        /**
         * Reports an information.
         */
        DiagnosticSeverity.Information = 3;
        /**
         * Reports a hint.
         */
        DiagnosticSeverity.Hint = 4;
    })(DiagnosticSeverity || (exports.DiagnosticSeverity = DiagnosticSeverity = {}));
    /**
     * The diagnostic tags.
     *
     * @since 3.15.0
     */
    var DiagnosticTag;
    (function (DiagnosticTag) {
        /**
         * Unused or unnecessary code.
         *
         * Clients are allowed to render diagnostics with this tag faded out instead of having
         * an error squiggle.
         */
        DiagnosticTag.Unnecessary = 1;
        /**
         * Deprecated or obsolete code.
         *
         * Clients are allowed to rendered diagnostics with this tag strike through.
         */
        DiagnosticTag.Deprecated = 2;
    })(DiagnosticTag || (exports.DiagnosticTag = DiagnosticTag = {}));
    /**
     * The CodeDescription namespace provides functions to deal with descriptions for diagnostic codes.
     *
     * @since 3.16.0
     */
    var CodeDescription;
    (function (CodeDescription) {
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Is.string(candidate.href);
        }
        CodeDescription.is = is;
    })(CodeDescription || (exports.CodeDescription = CodeDescription = {}));
    /**
     * The Diagnostic namespace provides helper functions to work with
     * {@link Diagnostic} literals.
     */
    var Diagnostic;
    (function (Diagnostic) {
        /**
         * Creates a new Diagnostic literal.
         */
        function create(range, message, severity, code, source, relatedInformation) {
            var result = { range: range, message: message };
            if (Is.defined(severity)) {
                result.severity = severity;
            }
            if (Is.defined(code)) {
                result.code = code;
            }
            if (Is.defined(source)) {
                result.source = source;
            }
            if (Is.defined(relatedInformation)) {
                result.relatedInformation = relatedInformation;
            }
            return result;
        }
        Diagnostic.create = create;
        /**
         * Checks whether the given literal conforms to the {@link Diagnostic} interface.
         */
        function is(value) {
            var _a;
            var candidate = value;
            return Is.defined(candidate)
                && Range.is(candidate.range)
                && (Is.string(candidate.message) || MarkupContent.is(candidate.message))
                && (Is.number(candidate.severity) || Is.undefined(candidate.severity))
                && (Is.integer(candidate.code) || Is.string(candidate.code) || Is.undefined(candidate.code))
                && (Is.undefined(candidate.codeDescription) || (Is.string((_a = candidate.codeDescription) === null || _a === void 0 ? void 0 : _a.href)))
                && (Is.string(candidate.source) || Is.undefined(candidate.source))
                && (Is.undefined(candidate.relatedInformation) || Is.typedArray(candidate.relatedInformation, DiagnosticRelatedInformation.is));
        }
        Diagnostic.is = is;
        /**
         * Checks whether the given diagnostic's message conforms to the 3.17.0
         * version of the protocol where the message is a string.
         *
         * @param value the diagnostic
         * @returns true if the diagnostic's message is a string, false otherwise.
         */
        function is3_17(value) {
            return Is.string(value.message);
        }
        Diagnostic.is3_17 = is3_17;
        /**
         * Gets the message string of a diagnostic. If the message is already a
         * string, it is returned as is. If the message is a MarkupContent,
         * the value of the MarkupContent is returned. Otherwise an error is thrown.
         *
         * @param diagnostic the diagnostic to get the message string from.
         * @returns the message string of the given diagnostic.
         */
        function getMessageString(diagnostic) {
            if (Is.string(diagnostic.message)) {
                return diagnostic.message;
            }
            else if (MarkupContent.is(diagnostic.message)) {
                return diagnostic.message.value;
            }
            else {
                throw new Error("Unknown message type ".concat(typeof diagnostic.message));
            }
        }
        Diagnostic.getMessageString = getMessageString;
    })(Diagnostic || (exports.Diagnostic = Diagnostic = {}));
    /**
     * The Command namespace provides helper functions to work with
     * {@link Command} literals.
     */
    var Command;
    (function (Command) {
        /**
         * Creates a new Command literal.
         */
        function create(title, command) {
            var args = [];
            for (var _i = 2; _i < arguments.length; _i++) {
                args[_i - 2] = arguments[_i];
            }
            var result = { title: title, command: command };
            if (Is.defined(args) && args.length > 0) {
                result.arguments = args;
            }
            return result;
        }
        Command.create = create;
        /**
         * Checks whether the given literal conforms to the {@link Command} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.string(candidate.title) && (candidate.tooltip === undefined || Is.string(candidate.tooltip)) && Is.string(candidate.command);
        }
        Command.is = is;
    })(Command || (exports.Command = Command = {}));
    /**
     * The TextEdit namespace provides helper function to create replace,
     * insert and delete edits more easily.
     */
    var TextEdit;
    (function (TextEdit) {
        /**
         * Creates a replace text edit.
         * @param range The range of text to be replaced.
         * @param newText The new text.
         */
        function replace(range, newText) {
            return { range: range, newText: newText };
        }
        TextEdit.replace = replace;
        /**
         * Creates an insert text edit.
         * @param position The position to insert the text at.
         * @param newText The text to be inserted.
         */
        function insert(position, newText) {
            return { range: { start: position, end: position }, newText: newText };
        }
        TextEdit.insert = insert;
        /**
         * Creates a delete text edit.
         * @param range The range of text to be deleted.
         */
        function del(range) {
            return { range: range, newText: '' };
        }
        TextEdit.del = del;
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate)
                && Is.string(candidate.newText)
                && Range.is(candidate.range);
        }
        TextEdit.is = is;
    })(TextEdit || (exports.TextEdit = TextEdit = {}));
    var ChangeAnnotation;
    (function (ChangeAnnotation) {
        function create(label, needsConfirmation, description) {
            var result = { label: label };
            if (needsConfirmation !== undefined) {
                result.needsConfirmation = needsConfirmation;
            }
            if (description !== undefined) {
                result.description = description;
            }
            return result;
        }
        ChangeAnnotation.create = create;
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Is.string(candidate.label) &&
                (Is.boolean(candidate.needsConfirmation) || candidate.needsConfirmation === undefined) &&
                (Is.string(candidate.description) || candidate.description === undefined);
        }
        ChangeAnnotation.is = is;
    })(ChangeAnnotation || (exports.ChangeAnnotation = ChangeAnnotation = {}));
    var ChangeAnnotationIdentifier;
    (function (ChangeAnnotationIdentifier) {
        function is(value) {
            var candidate = value;
            return Is.string(candidate);
        }
        ChangeAnnotationIdentifier.is = is;
    })(ChangeAnnotationIdentifier || (exports.ChangeAnnotationIdentifier = ChangeAnnotationIdentifier = {}));
    var AnnotatedTextEdit;
    (function (AnnotatedTextEdit) {
        /**
         * Creates an annotated replace text edit.
         *
         * @param range The range of text to be replaced.
         * @param newText The new text.
         * @param annotation The annotation.
         */
        function replace(range, newText, annotation) {
            return { range: range, newText: newText, annotationId: annotation };
        }
        AnnotatedTextEdit.replace = replace;
        /**
         * Creates an annotated insert text edit.
         *
         * @param position The position to insert the text at.
         * @param newText The text to be inserted.
         * @param annotation The annotation.
         */
        function insert(position, newText, annotation) {
            return { range: { start: position, end: position }, newText: newText, annotationId: annotation };
        }
        AnnotatedTextEdit.insert = insert;
        /**
         * Creates an annotated delete text edit.
         *
         * @param range The range of text to be deleted.
         * @param annotation The annotation.
         */
        function del(range, annotation) {
            return { range: range, newText: '', annotationId: annotation };
        }
        AnnotatedTextEdit.del = del;
        function is(value) {
            var candidate = value;
            return TextEdit.is(candidate) && (ChangeAnnotation.is(candidate.annotationId) || ChangeAnnotationIdentifier.is(candidate.annotationId));
        }
        AnnotatedTextEdit.is = is;
    })(AnnotatedTextEdit || (exports.AnnotatedTextEdit = AnnotatedTextEdit = {}));
    /**
     * The TextDocumentEdit namespace provides helper function to create
     * an edit that manipulates a text document.
     */
    var TextDocumentEdit;
    (function (TextDocumentEdit) {
        /**
         * Creates a new `TextDocumentEdit`
         */
        function create(textDocument, edits) {
            return { textDocument: textDocument, edits: edits };
        }
        TextDocumentEdit.create = create;
        function is(value) {
            var candidate = value;
            return Is.defined(candidate)
                && OptionalVersionedTextDocumentIdentifier.is(candidate.textDocument)
                && Array.isArray(candidate.edits);
        }
        TextDocumentEdit.is = is;
    })(TextDocumentEdit || (exports.TextDocumentEdit = TextDocumentEdit = {}));
    var CreateFile;
    (function (CreateFile) {
        function create(uri, options, annotation) {
            var result = {
                kind: 'create',
                uri: uri
            };
            if (options !== undefined && (options.overwrite !== undefined || options.ignoreIfExists !== undefined)) {
                result.options = options;
            }
            if (annotation !== undefined) {
                result.annotationId = annotation;
            }
            return result;
        }
        CreateFile.create = create;
        function is(value) {
            var candidate = value;
            return candidate && candidate.kind === 'create' && Is.string(candidate.uri) && (candidate.options === undefined ||
                ((candidate.options.overwrite === undefined || Is.boolean(candidate.options.overwrite)) && (candidate.options.ignoreIfExists === undefined || Is.boolean(candidate.options.ignoreIfExists)))) && (candidate.annotationId === undefined || ChangeAnnotationIdentifier.is(candidate.annotationId));
        }
        CreateFile.is = is;
    })(CreateFile || (exports.CreateFile = CreateFile = {}));
    var RenameFile;
    (function (RenameFile) {
        function create(oldUri, newUri, options, annotation) {
            var result = {
                kind: 'rename',
                oldUri: oldUri,
                newUri: newUri
            };
            if (options !== undefined && (options.overwrite !== undefined || options.ignoreIfExists !== undefined)) {
                result.options = options;
            }
            if (annotation !== undefined) {
                result.annotationId = annotation;
            }
            return result;
        }
        RenameFile.create = create;
        function is(value) {
            var candidate = value;
            return candidate && candidate.kind === 'rename' && Is.string(candidate.oldUri) && Is.string(candidate.newUri) && (candidate.options === undefined ||
                ((candidate.options.overwrite === undefined || Is.boolean(candidate.options.overwrite)) && (candidate.options.ignoreIfExists === undefined || Is.boolean(candidate.options.ignoreIfExists)))) && (candidate.annotationId === undefined || ChangeAnnotationIdentifier.is(candidate.annotationId));
        }
        RenameFile.is = is;
    })(RenameFile || (exports.RenameFile = RenameFile = {}));
    var DeleteFile;
    (function (DeleteFile) {
        function create(uri, options, annotation) {
            var result = {
                kind: 'delete',
                uri: uri
            };
            if (options !== undefined && (options.recursive !== undefined || options.ignoreIfNotExists !== undefined)) {
                result.options = options;
            }
            if (annotation !== undefined) {
                result.annotationId = annotation;
            }
            return result;
        }
        DeleteFile.create = create;
        function is(value) {
            var candidate = value;
            return candidate && candidate.kind === 'delete' && Is.string(candidate.uri) && (candidate.options === undefined ||
                ((candidate.options.recursive === undefined || Is.boolean(candidate.options.recursive)) && (candidate.options.ignoreIfNotExists === undefined || Is.boolean(candidate.options.ignoreIfNotExists)))) && (candidate.annotationId === undefined || ChangeAnnotationIdentifier.is(candidate.annotationId));
        }
        DeleteFile.is = is;
    })(DeleteFile || (exports.DeleteFile = DeleteFile = {}));
    var WorkspaceEdit;
    (function (WorkspaceEdit) {
        function is(value) {
            var candidate = value;
            return candidate &&
                (candidate.changes !== undefined || candidate.documentChanges !== undefined) &&
                (candidate.documentChanges === undefined || candidate.documentChanges.every(function (change) {
                    if (Is.string(change.kind)) {
                        return CreateFile.is(change) || RenameFile.is(change) || DeleteFile.is(change);
                    }
                    else {
                        return TextDocumentEdit.is(change);
                    }
                }));
        }
        WorkspaceEdit.is = is;
    })(WorkspaceEdit || (exports.WorkspaceEdit = WorkspaceEdit = {}));
    var TextEditChangeImpl = /** @class */ (function () {
        function TextEditChangeImpl(edits, changeAnnotations) {
            this.edits = edits;
            this.changeAnnotations = changeAnnotations;
        }
        TextEditChangeImpl.prototype.insert = function (position, newText, annotation) {
            var edit;
            var id;
            if (annotation === undefined) {
                edit = TextEdit.insert(position, newText);
            }
            else if (ChangeAnnotationIdentifier.is(annotation)) {
                id = annotation;
                edit = AnnotatedTextEdit.insert(position, newText, annotation);
            }
            else {
                this.assertChangeAnnotations(this.changeAnnotations);
                id = this.changeAnnotations.manage(annotation);
                edit = AnnotatedTextEdit.insert(position, newText, id);
            }
            this.edits.push(edit);
            if (id !== undefined) {
                return id;
            }
        };
        TextEditChangeImpl.prototype.replace = function (range, newText, annotation) {
            var edit;
            var id;
            if (annotation === undefined) {
                edit = TextEdit.replace(range, newText);
            }
            else if (ChangeAnnotationIdentifier.is(annotation)) {
                id = annotation;
                edit = AnnotatedTextEdit.replace(range, newText, annotation);
            }
            else {
                this.assertChangeAnnotations(this.changeAnnotations);
                id = this.changeAnnotations.manage(annotation);
                edit = AnnotatedTextEdit.replace(range, newText, id);
            }
            this.edits.push(edit);
            if (id !== undefined) {
                return id;
            }
        };
        TextEditChangeImpl.prototype.delete = function (range, annotation) {
            var edit;
            var id;
            if (annotation === undefined) {
                edit = TextEdit.del(range);
            }
            else if (ChangeAnnotationIdentifier.is(annotation)) {
                id = annotation;
                edit = AnnotatedTextEdit.del(range, annotation);
            }
            else {
                this.assertChangeAnnotations(this.changeAnnotations);
                id = this.changeAnnotations.manage(annotation);
                edit = AnnotatedTextEdit.del(range, id);
            }
            this.edits.push(edit);
            if (id !== undefined) {
                return id;
            }
        };
        TextEditChangeImpl.prototype.add = function (edit) {
            this.edits.push(edit);
        };
        TextEditChangeImpl.prototype.all = function () {
            return this.edits;
        };
        TextEditChangeImpl.prototype.clear = function () {
            this.edits.splice(0, this.edits.length);
        };
        TextEditChangeImpl.prototype.assertChangeAnnotations = function (value) {
            if (value === undefined) {
                throw new Error("Text edit change is not configured to manage change annotations.");
            }
        };
        return TextEditChangeImpl;
    }());
    var SnippetTextEdit;
    (function (SnippetTextEdit) {
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate)
                && Range.is(candidate.range)
                && StringValue.isSnippet(candidate.snippet)
                && (candidate.annotationId === undefined ||
                    (ChangeAnnotation.is(candidate.annotationId) || ChangeAnnotationIdentifier.is(candidate.annotationId)));
        }
        SnippetTextEdit.is = is;
    })(SnippetTextEdit || (exports.SnippetTextEdit = SnippetTextEdit = {}));
    /**
     * A helper class
     */
    var ChangeAnnotations = /** @class */ (function () {
        function ChangeAnnotations(annotations) {
            this._annotations = annotations === undefined ? Object.create(null) : annotations;
            this._counter = 0;
            this._size = 0;
        }
        ChangeAnnotations.prototype.all = function () {
            return this._annotations;
        };
        Object.defineProperty(ChangeAnnotations.prototype, "size", {
            get: function () {
                return this._size;
            },
            enumerable: false,
            configurable: true
        });
        ChangeAnnotations.prototype.manage = function (idOrAnnotation, annotation) {
            var id;
            if (ChangeAnnotationIdentifier.is(idOrAnnotation)) {
                id = idOrAnnotation;
            }
            else {
                id = this.nextId();
                annotation = idOrAnnotation;
            }
            if (this._annotations[id] !== undefined) {
                throw new Error("Id ".concat(id, " is already in use."));
            }
            if (annotation === undefined) {
                throw new Error("No annotation provided for id ".concat(id));
            }
            this._annotations[id] = annotation;
            this._size++;
            return id;
        };
        ChangeAnnotations.prototype.nextId = function () {
            this._counter++;
            return this._counter.toString();
        };
        return ChangeAnnotations;
    }());
    /**
     * A workspace change helps constructing changes to a workspace.
     */
    var WorkspaceChange = /** @class */ (function () {
        function WorkspaceChange(workspaceEdit) {
            var _this = this;
            this._textEditChanges = Object.create(null);
            if (workspaceEdit !== undefined) {
                this._workspaceEdit = workspaceEdit;
                if (workspaceEdit.documentChanges) {
                    this._changeAnnotations = new ChangeAnnotations(workspaceEdit.changeAnnotations);
                    workspaceEdit.changeAnnotations = this._changeAnnotations.all();
                    workspaceEdit.documentChanges.forEach(function (change) {
                        if (TextDocumentEdit.is(change)) {
                            var textEditChange = new TextEditChangeImpl(change.edits, _this._changeAnnotations);
                            _this._textEditChanges[change.textDocument.uri] = textEditChange;
                        }
                    });
                }
                else if (workspaceEdit.changes) {
                    Object.keys(workspaceEdit.changes).forEach(function (key) {
                        var textEditChange = new TextEditChangeImpl(workspaceEdit.changes[key]);
                        _this._textEditChanges[key] = textEditChange;
                    });
                }
            }
            else {
                this._workspaceEdit = {};
            }
        }
        Object.defineProperty(WorkspaceChange.prototype, "edit", {
            /**
             * Returns the underlying {@link WorkspaceEdit} literal
             * use to be returned from a workspace edit operation like rename.
             */
            get: function () {
                this.initDocumentChanges();
                if (this._changeAnnotations !== undefined) {
                    if (this._changeAnnotations.size === 0) {
                        this._workspaceEdit.changeAnnotations = undefined;
                    }
                    else {
                        this._workspaceEdit.changeAnnotations = this._changeAnnotations.all();
                    }
                }
                return this._workspaceEdit;
            },
            enumerable: false,
            configurable: true
        });
        WorkspaceChange.prototype.getTextEditChange = function (key) {
            if (OptionalVersionedTextDocumentIdentifier.is(key)) {
                this.initDocumentChanges();
                if (this._workspaceEdit.documentChanges === undefined) {
                    throw new Error('Workspace edit is not configured for document changes.');
                }
                var textDocument = { uri: key.uri, version: key.version };
                var result = this._textEditChanges[textDocument.uri];
                if (!result) {
                    var edits = [];
                    var textDocumentEdit = {
                        textDocument: textDocument,
                        edits: edits
                    };
                    this._workspaceEdit.documentChanges.push(textDocumentEdit);
                    result = new TextEditChangeImpl(edits, this._changeAnnotations);
                    this._textEditChanges[textDocument.uri] = result;
                }
                return result;
            }
            else {
                this.initChanges();
                if (this._workspaceEdit.changes === undefined) {
                    throw new Error('Workspace edit is not configured for normal text edit changes.');
                }
                var result = this._textEditChanges[key];
                if (!result) {
                    var edits = [];
                    this._workspaceEdit.changes[key] = edits;
                    result = new TextEditChangeImpl(edits);
                    this._textEditChanges[key] = result;
                }
                return result;
            }
        };
        WorkspaceChange.prototype.initDocumentChanges = function () {
            if (this._workspaceEdit.documentChanges === undefined && this._workspaceEdit.changes === undefined) {
                this._changeAnnotations = new ChangeAnnotations();
                this._workspaceEdit.documentChanges = [];
                this._workspaceEdit.changeAnnotations = this._changeAnnotations.all();
            }
        };
        WorkspaceChange.prototype.initChanges = function () {
            if (this._workspaceEdit.documentChanges === undefined && this._workspaceEdit.changes === undefined) {
                this._workspaceEdit.changes = Object.create(null);
            }
        };
        WorkspaceChange.prototype.createFile = function (uri, optionsOrAnnotation, options) {
            this.initDocumentChanges();
            if (this._workspaceEdit.documentChanges === undefined) {
                throw new Error('Workspace edit is not configured for document changes.');
            }
            var annotation;
            if (ChangeAnnotation.is(optionsOrAnnotation) || ChangeAnnotationIdentifier.is(optionsOrAnnotation)) {
                annotation = optionsOrAnnotation;
            }
            else {
                options = optionsOrAnnotation;
            }
            var operation;
            var id;
            if (annotation === undefined) {
                operation = CreateFile.create(uri, options);
            }
            else {
                id = ChangeAnnotationIdentifier.is(annotation) ? annotation : this._changeAnnotations.manage(annotation);
                operation = CreateFile.create(uri, options, id);
            }
            this._workspaceEdit.documentChanges.push(operation);
            if (id !== undefined) {
                return id;
            }
        };
        WorkspaceChange.prototype.renameFile = function (oldUri, newUri, optionsOrAnnotation, options) {
            this.initDocumentChanges();
            if (this._workspaceEdit.documentChanges === undefined) {
                throw new Error('Workspace edit is not configured for document changes.');
            }
            var annotation;
            if (ChangeAnnotation.is(optionsOrAnnotation) || ChangeAnnotationIdentifier.is(optionsOrAnnotation)) {
                annotation = optionsOrAnnotation;
            }
            else {
                options = optionsOrAnnotation;
            }
            var operation;
            var id;
            if (annotation === undefined) {
                operation = RenameFile.create(oldUri, newUri, options);
            }
            else {
                id = ChangeAnnotationIdentifier.is(annotation) ? annotation : this._changeAnnotations.manage(annotation);
                operation = RenameFile.create(oldUri, newUri, options, id);
            }
            this._workspaceEdit.documentChanges.push(operation);
            if (id !== undefined) {
                return id;
            }
        };
        WorkspaceChange.prototype.deleteFile = function (uri, optionsOrAnnotation, options) {
            this.initDocumentChanges();
            if (this._workspaceEdit.documentChanges === undefined) {
                throw new Error('Workspace edit is not configured for document changes.');
            }
            var annotation;
            if (ChangeAnnotation.is(optionsOrAnnotation) || ChangeAnnotationIdentifier.is(optionsOrAnnotation)) {
                annotation = optionsOrAnnotation;
            }
            else {
                options = optionsOrAnnotation;
            }
            var operation;
            var id;
            if (annotation === undefined) {
                operation = DeleteFile.create(uri, options);
            }
            else {
                id = ChangeAnnotationIdentifier.is(annotation) ? annotation : this._changeAnnotations.manage(annotation);
                operation = DeleteFile.create(uri, options, id);
            }
            this._workspaceEdit.documentChanges.push(operation);
            if (id !== undefined) {
                return id;
            }
        };
        return WorkspaceChange;
    }());
    exports.WorkspaceChange = WorkspaceChange;
    /**
     * The TextDocumentIdentifier namespace provides helper functions to work with
     * {@link TextDocumentIdentifier} literals.
     */
    var TextDocumentIdentifier;
    (function (TextDocumentIdentifier) {
        /**
         * Creates a new TextDocumentIdentifier literal.
         * @param uri The document's uri.
         */
        function create(uri) {
            return { uri: uri };
        }
        TextDocumentIdentifier.create = create;
        /**
         * Checks whether the given literal conforms to the {@link TextDocumentIdentifier} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.string(candidate.uri);
        }
        TextDocumentIdentifier.is = is;
    })(TextDocumentIdentifier || (exports.TextDocumentIdentifier = TextDocumentIdentifier = {}));
    /**
     * The VersionedTextDocumentIdentifier namespace provides helper functions to work with
     * {@link VersionedTextDocumentIdentifier} literals.
     */
    var VersionedTextDocumentIdentifier;
    (function (VersionedTextDocumentIdentifier) {
        /**
         * Creates a new VersionedTextDocumentIdentifier literal.
         * @param uri The document's uri.
         * @param version The document's version.
         */
        function create(uri, version) {
            return { uri: uri, version: version };
        }
        VersionedTextDocumentIdentifier.create = create;
        /**
         * Checks whether the given literal conforms to the {@link VersionedTextDocumentIdentifier} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.string(candidate.uri) && Is.integer(candidate.version);
        }
        VersionedTextDocumentIdentifier.is = is;
    })(VersionedTextDocumentIdentifier || (exports.VersionedTextDocumentIdentifier = VersionedTextDocumentIdentifier = {}));
    /**
     * The OptionalVersionedTextDocumentIdentifier namespace provides helper functions to work with
     * {@link OptionalVersionedTextDocumentIdentifier} literals.
     */
    var OptionalVersionedTextDocumentIdentifier;
    (function (OptionalVersionedTextDocumentIdentifier) {
        /**
         * Creates a new OptionalVersionedTextDocumentIdentifier literal.
         * @param uri The document's uri.
         * @param version The document's version.
         */
        function create(uri, version) {
            return { uri: uri, version: version };
        }
        OptionalVersionedTextDocumentIdentifier.create = create;
        /**
         * Checks whether the given literal conforms to the {@link OptionalVersionedTextDocumentIdentifier} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.string(candidate.uri) && (candidate.version === null || Is.integer(candidate.version));
        }
        OptionalVersionedTextDocumentIdentifier.is = is;
    })(OptionalVersionedTextDocumentIdentifier || (exports.OptionalVersionedTextDocumentIdentifier = OptionalVersionedTextDocumentIdentifier = {}));
    /**
     * Predefined Language kinds
     * @since 3.18.0
     */
    var LanguageKind;
    (function (LanguageKind) {
        LanguageKind.ABAP = 'abap';
        LanguageKind.WindowsBat = 'bat';
        LanguageKind.BibTeX = 'bibtex';
        LanguageKind.Clojure = 'clojure';
        LanguageKind.Coffeescript = 'coffeescript';
        LanguageKind.C = 'c';
        LanguageKind.CPP = 'cpp';
        LanguageKind.CSharp = 'csharp';
        LanguageKind.CSS = 'css';
        /**
         * @since 3.18.0
         */
        LanguageKind.D = 'd';
        /**
         * @since 3.18.0
         */
        LanguageKind.Delphi = 'pascal';
        LanguageKind.Diff = 'diff';
        LanguageKind.Dart = 'dart';
        LanguageKind.Dockerfile = 'dockerfile';
        LanguageKind.Elixir = 'elixir';
        LanguageKind.Erlang = 'erlang';
        LanguageKind.FSharp = 'fsharp';
        LanguageKind.GitCommit = 'git-commit';
        LanguageKind.GitRebase = 'git-rebase';
        LanguageKind.Go = 'go';
        LanguageKind.Groovy = 'groovy';
        LanguageKind.Handlebars = 'handlebars';
        LanguageKind.Haskell = 'haskell';
        LanguageKind.HTML = 'html';
        LanguageKind.Ini = 'ini';
        LanguageKind.Java = 'java';
        LanguageKind.JavaScript = 'javascript';
        LanguageKind.JavaScriptReact = 'javascriptreact';
        LanguageKind.JSON = 'json';
        LanguageKind.LaTeX = 'latex';
        LanguageKind.Less = 'less';
        LanguageKind.Lua = 'lua';
        LanguageKind.Makefile = 'makefile';
        LanguageKind.Markdown = 'markdown';
        LanguageKind.ObjectiveC = 'objective-c';
        LanguageKind.ObjectiveCPP = 'objective-cpp';
        /**
         * @since 3.18.0
         */
        LanguageKind.Pascal = 'pascal';
        LanguageKind.Perl = 'perl';
        LanguageKind.Perl6 = 'perl6';
        LanguageKind.PHP = 'php';
        LanguageKind.Plaintext = 'plaintext';
        LanguageKind.Powershell = 'powershell';
        LanguageKind.Pug = 'jade';
        LanguageKind.Python = 'python';
        LanguageKind.R = 'r';
        LanguageKind.Razor = 'razor';
        LanguageKind.Ruby = 'ruby';
        LanguageKind.Rust = 'rust';
        LanguageKind.SCSS = 'scss';
        LanguageKind.SASS = 'sass';
        LanguageKind.Scala = 'scala';
        LanguageKind.ShaderLab = 'shaderlab';
        LanguageKind.ShellScript = 'shellscript';
        LanguageKind.SQL = 'sql';
        LanguageKind.Swift = 'swift';
        LanguageKind.TypeScript = 'typescript';
        LanguageKind.TypeScriptReact = 'typescriptreact';
        LanguageKind.TeX = 'tex';
        LanguageKind.VisualBasic = 'vb';
        LanguageKind.XML = 'xml';
        LanguageKind.XSL = 'xsl';
        LanguageKind.YAML = 'yaml';
    })(LanguageKind || (exports.LanguageKind = LanguageKind = {}));
    /**
     * The TextDocumentItem namespace provides helper functions to work with
     * {@link TextDocumentItem} literals.
     */
    var TextDocumentItem;
    (function (TextDocumentItem) {
        /**
         * Creates a new TextDocumentItem literal.
         * @param uri The document's uri.
         * @param languageId The document's language identifier.
         * @param version The document's version number.
         * @param text The document's text.
         */
        function create(uri, languageId, version, text) {
            return { uri: uri, languageId: languageId, version: version, text: text };
        }
        TextDocumentItem.create = create;
        /**
         * Checks whether the given literal conforms to the {@link TextDocumentItem} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.string(candidate.uri) && Is.string(candidate.languageId) && Is.integer(candidate.version) && Is.string(candidate.text);
        }
        TextDocumentItem.is = is;
    })(TextDocumentItem || (exports.TextDocumentItem = TextDocumentItem = {}));
    /**
     * Describes the content type that a client supports in various
     * result literals like `Hover`, `ParameterInfo` or `CompletionItem`.
     *
     * Please note that `MarkupKinds` must not start with a `$`. This kinds
     * are reserved for internal usage.
     */
    var MarkupKind;
    (function (MarkupKind) {
        /**
         * Plain text is supported as a content format
         */
        MarkupKind.PlainText = 'plaintext';
        /**
         * Markdown is supported as a content format
         */
        MarkupKind.Markdown = 'markdown';
        /**
         * Checks whether the given value is a value of the {@link MarkupKind} type.
         */
        function is(value) {
            var candidate = value;
            return candidate === MarkupKind.PlainText || candidate === MarkupKind.Markdown;
        }
        MarkupKind.is = is;
    })(MarkupKind || (exports.MarkupKind = MarkupKind = {}));
    var MarkupContent;
    (function (MarkupContent) {
        /**
         * Checks whether the given value conforms to the {@link MarkupContent} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(value) && MarkupKind.is(candidate.kind) && Is.string(candidate.value);
        }
        MarkupContent.is = is;
    })(MarkupContent || (exports.MarkupContent = MarkupContent = {}));
    /**
     * The kind of a completion entry.
     */
    var CompletionItemKind;
    (function (CompletionItemKind) {
        CompletionItemKind.Text = 1;
        CompletionItemKind.Method = 2;
        CompletionItemKind.Function = 3;
        CompletionItemKind.Constructor = 4;
        CompletionItemKind.Field = 5;
        CompletionItemKind.Variable = 6;
        CompletionItemKind.Class = 7;
        CompletionItemKind.Interface = 8;
        CompletionItemKind.Module = 9;
        CompletionItemKind.Property = 10;
        CompletionItemKind.Unit = 11;
        CompletionItemKind.Value = 12;
        CompletionItemKind.Enum = 13;
        CompletionItemKind.Keyword = 14;
        CompletionItemKind.Snippet = 15;
        CompletionItemKind.Color = 16;
        CompletionItemKind.File = 17;
        CompletionItemKind.Reference = 18;
        CompletionItemKind.Folder = 19;
        CompletionItemKind.EnumMember = 20;
        CompletionItemKind.Constant = 21;
        CompletionItemKind.Struct = 22;
        CompletionItemKind.Event = 23;
        CompletionItemKind.Operator = 24;
        CompletionItemKind.TypeParameter = 25;
    })(CompletionItemKind || (exports.CompletionItemKind = CompletionItemKind = {}));
    /**
     * Defines whether the insert text in a completion item should be interpreted as
     * plain text or a snippet.
     */
    var InsertTextFormat;
    (function (InsertTextFormat) {
        /**
         * The primary text to be inserted is treated as a plain string.
         */
        InsertTextFormat.PlainText = 1;
        /**
         * The primary text to be inserted is treated as a snippet.
         *
         * A snippet can define tab stops and placeholders with `$1`, `$2`
         * and `${3:foo}`. `$0` defines the final tab stop, it defaults to
         * the end of the snippet. Placeholders with equal identifiers are linked,
         * that is typing in one will update others too.
         *
         * See also: https://microsoft.github.io/language-server-protocol/specifications/specification-current/#snippet_syntax
         */
        InsertTextFormat.Snippet = 2;
    })(InsertTextFormat || (exports.InsertTextFormat = InsertTextFormat = {}));
    /**
     * Completion item tags are extra annotations that tweak the rendering of a completion
     * item.
     *
     * @since 3.15.0
     */
    var CompletionItemTag;
    (function (CompletionItemTag) {
        /**
         * Render a completion as obsolete, usually using a strike-out.
         */
        CompletionItemTag.Deprecated = 1;
    })(CompletionItemTag || (exports.CompletionItemTag = CompletionItemTag = {}));
    /**
     * The InsertReplaceEdit namespace provides functions to deal with insert / replace edits.
     *
     * @since 3.16.0
     */
    var InsertReplaceEdit;
    (function (InsertReplaceEdit) {
        /**
         * Creates a new insert / replace edit
         */
        function create(newText, insert, replace) {
            return { newText: newText, insert: insert, replace: replace };
        }
        InsertReplaceEdit.create = create;
        /**
         * Checks whether the given literal conforms to the {@link InsertReplaceEdit} interface.
         */
        function is(value) {
            var candidate = value;
            return candidate && Is.string(candidate.newText) && Range.is(candidate.insert) && Range.is(candidate.replace);
        }
        InsertReplaceEdit.is = is;
    })(InsertReplaceEdit || (exports.InsertReplaceEdit = InsertReplaceEdit = {}));
    /**
     * How whitespace and indentation is handled during completion
     * item insertion.
     *
     * @since 3.16.0
     */
    var InsertTextMode;
    (function (InsertTextMode) {
        /**
         * The insertion or replace strings is taken as it is. If the
         * value is multi line the lines below the cursor will be
         * inserted using the indentation defined in the string value.
         * The client will not apply any kind of adjustments to the
         * string.
         */
        InsertTextMode.asIs = 1;
        /**
         * The editor adjusts leading whitespace of new lines so that
         * they match the indentation up to the cursor of the line for
         * which the item is accepted.
         *
         * Consider a line like this: <2tabs><cursor><3tabs>foo. Accepting a
         * multi line completion item is indented using 2 tabs and all
         * following lines inserted will be indented using 2 tabs as well.
         */
        InsertTextMode.adjustIndentation = 2;
    })(InsertTextMode || (exports.InsertTextMode = InsertTextMode = {}));
    /**
     * Defines how values from a set of defaults and an individual item will be
     * merged.
     *
     * @since 3.18.0
     */
    var ApplyKind;
    (function (ApplyKind) {
        /**
         * The value from the individual item (if provided and not `null`) will be
         * used instead of the default.
         */
        ApplyKind.Replace = 1;
        /**
         * The value from the item will be merged with the default.
         *
         * The specific rules for mergeing values are defined against each field
         * that supports merging.
         */
        ApplyKind.Merge = 2;
    })(ApplyKind || (exports.ApplyKind = ApplyKind = {}));
    var CompletionItemLabelDetails;
    (function (CompletionItemLabelDetails) {
        function is(value) {
            var candidate = value;
            return candidate && (Is.string(candidate.detail) || candidate.detail === undefined) &&
                (Is.string(candidate.description) || candidate.description === undefined);
        }
        CompletionItemLabelDetails.is = is;
    })(CompletionItemLabelDetails || (exports.CompletionItemLabelDetails = CompletionItemLabelDetails = {}));
    /**
     * The CompletionItem namespace provides functions to deal with
     * completion items.
     */
    var CompletionItem;
    (function (CompletionItem) {
        /**
         * Create a completion item and seed it with a label.
         * @param label The completion item's label
         */
        function create(label) {
            return { label: label };
        }
        CompletionItem.create = create;
    })(CompletionItem || (exports.CompletionItem = CompletionItem = {}));
    /**
     * The CompletionList namespace provides functions to deal with
     * completion lists.
     */
    var CompletionList;
    (function (CompletionList) {
        /**
         * Creates a new completion list.
         *
         * @param items The completion items.
         * @param isIncomplete The list is not complete.
         */
        function create(items, isIncomplete) {
            return { items: items ? items : [], isIncomplete: !!isIncomplete };
        }
        CompletionList.create = create;
    })(CompletionList || (exports.CompletionList = CompletionList = {}));
    var MarkedString;
    (function (MarkedString) {
        /**
         * Creates a marked string from plain text.
         *
         * @param plainText The plain text.
         */
        function fromPlainText(plainText) {
            return plainText.replace(/[\\`*_{}[\]()#+\-.!]/g, '\\$&'); // escape markdown syntax tokens: http://daringfireball.net/projects/markdown/syntax#backslash
        }
        MarkedString.fromPlainText = fromPlainText;
        /**
         * Checks whether the given value conforms to the {@link MarkedString} type.
         */
        function is(value) {
            var candidate = value;
            return Is.string(candidate) || (Is.objectLiteral(candidate) && Is.string(candidate.language) && Is.string(candidate.value));
        }
        MarkedString.is = is;
    })(MarkedString || (exports.MarkedString = MarkedString = {}));
    var Hover;
    (function (Hover) {
        /**
         * Checks whether the given value conforms to the {@link Hover} interface.
         */
        function is(value) {
            var candidate = value;
            return !!candidate && Is.objectLiteral(candidate) && (MarkupContent.is(candidate.contents) ||
                MarkedString.is(candidate.contents) ||
                Is.typedArray(candidate.contents, MarkedString.is)) && (value.range === undefined || Range.is(value.range));
        }
        Hover.is = is;
    })(Hover || (exports.Hover = Hover = {}));
    /**
     * The ParameterInformation namespace provides helper functions to work with
     * {@link ParameterInformation} literals.
     */
    var ParameterInformation;
    (function (ParameterInformation) {
        /**
         * Creates a new parameter information literal.
         *
         * @param label A label string.
         * @param documentation A doc string.
         */
        function create(label, documentation) {
            return documentation ? { label: label, documentation: documentation } : { label: label };
        }
        ParameterInformation.create = create;
    })(ParameterInformation || (exports.ParameterInformation = ParameterInformation = {}));
    /**
     * The SignatureInformation namespace provides helper functions to work with
     * {@link SignatureInformation} literals.
     */
    var SignatureInformation;
    (function (SignatureInformation) {
        function create(label, documentation) {
            var parameters = [];
            for (var _i = 2; _i < arguments.length; _i++) {
                parameters[_i - 2] = arguments[_i];
            }
            var result = { label: label };
            if (Is.defined(documentation)) {
                result.documentation = documentation;
            }
            if (Is.defined(parameters)) {
                result.parameters = parameters;
            }
            else {
                result.parameters = [];
            }
            return result;
        }
        SignatureInformation.create = create;
    })(SignatureInformation || (exports.SignatureInformation = SignatureInformation = {}));
    /**
     * A document highlight kind.
     */
    var DocumentHighlightKind;
    (function (DocumentHighlightKind) {
        /**
         * A textual occurrence.
         */
        DocumentHighlightKind.Text = 1;
        /**
         * Read-access of a symbol, like reading a variable.
         */
        DocumentHighlightKind.Read = 2;
        /**
         * Write-access of a symbol, like writing to a variable.
         */
        DocumentHighlightKind.Write = 3;
    })(DocumentHighlightKind || (exports.DocumentHighlightKind = DocumentHighlightKind = {}));
    /**
     * DocumentHighlight namespace to provide helper functions to work with
     * {@link DocumentHighlight} literals.
     */
    var DocumentHighlight;
    (function (DocumentHighlight) {
        /**
         * Create a DocumentHighlight object.
         * @param range The range the highlight applies to.
         * @param kind The highlight kind
         */
        function create(range, kind) {
            var result = { range: range };
            if (Is.number(kind)) {
                result.kind = kind;
            }
            return result;
        }
        DocumentHighlight.create = create;
    })(DocumentHighlight || (exports.DocumentHighlight = DocumentHighlight = {}));
    /**
     * A symbol kind.
     */
    var SymbolKind;
    (function (SymbolKind) {
        SymbolKind.File = 1;
        SymbolKind.Module = 2;
        SymbolKind.Namespace = 3;
        SymbolKind.Package = 4;
        SymbolKind.Class = 5;
        SymbolKind.Method = 6;
        SymbolKind.Property = 7;
        SymbolKind.Field = 8;
        SymbolKind.Constructor = 9;
        SymbolKind.Enum = 10;
        SymbolKind.Interface = 11;
        SymbolKind.Function = 12;
        SymbolKind.Variable = 13;
        SymbolKind.Constant = 14;
        SymbolKind.String = 15;
        SymbolKind.Number = 16;
        SymbolKind.Boolean = 17;
        SymbolKind.Array = 18;
        SymbolKind.Object = 19;
        SymbolKind.Key = 20;
        SymbolKind.Null = 21;
        SymbolKind.EnumMember = 22;
        SymbolKind.Struct = 23;
        SymbolKind.Event = 24;
        SymbolKind.Operator = 25;
        SymbolKind.TypeParameter = 26;
    })(SymbolKind || (exports.SymbolKind = SymbolKind = {}));
    /**
     * Symbol tags are extra annotations that tweak the rendering of a symbol.
     *
     * @since 3.16
     */
    var SymbolTag;
    (function (SymbolTag) {
        /**
         * Render a symbol as obsolete, usually using a strike-out.
         */
        SymbolTag.Deprecated = 1;
    })(SymbolTag || (exports.SymbolTag = SymbolTag = {}));
    var SymbolInformation;
    (function (SymbolInformation) {
        /**
         * Creates a new symbol information literal.
         *
         * @param name The name of the symbol.
         * @param kind The kind of the symbol.
         * @param range The range of the location of the symbol.
         * @param uri The resource of the location of symbol.
         * @param containerName The name of the symbol containing the symbol.
         */
        function create(name, kind, range, uri, containerName) {
            var result = {
                name: name,
                kind: kind,
                location: { uri: uri, range: range }
            };
            if (containerName) {
                result.containerName = containerName;
            }
            return result;
        }
        SymbolInformation.create = create;
    })(SymbolInformation || (exports.SymbolInformation = SymbolInformation = {}));
    var WorkspaceSymbol;
    (function (WorkspaceSymbol) {
        /**
         * Create a new workspace symbol.
         *
         * @param name The name of the symbol.
         * @param kind The kind of the symbol.
         * @param uri The resource of the location of the symbol.
         * @param range An options range of the location.
         * @returns A WorkspaceSymbol.
         */
        function create(name, kind, uri, range) {
            return range !== undefined
                ? { name: name, kind: kind, location: { uri: uri, range: range } }
                : { name: name, kind: kind, location: { uri: uri } };
        }
        WorkspaceSymbol.create = create;
    })(WorkspaceSymbol || (exports.WorkspaceSymbol = WorkspaceSymbol = {}));
    var DocumentSymbol;
    (function (DocumentSymbol) {
        /**
         * Creates a new symbol information literal.
         *
         * @param name The name of the symbol.
         * @param detail The detail of the symbol.
         * @param kind The kind of the symbol.
         * @param range The range of the symbol.
         * @param selectionRange The selectionRange of the symbol.
         * @param children Children of the symbol.
         */
        function create(name, detail, kind, range, selectionRange, children) {
            var result = {
                name: name,
                detail: detail,
                kind: kind,
                range: range,
                selectionRange: selectionRange
            };
            if (children !== undefined) {
                result.children = children;
            }
            return result;
        }
        DocumentSymbol.create = create;
        /**
         * Checks whether the given literal conforms to the {@link DocumentSymbol} interface.
         */
        function is(value) {
            var candidate = value;
            return candidate &&
                Is.string(candidate.name) && Is.number(candidate.kind) &&
                Range.is(candidate.range) && Range.is(candidate.selectionRange) &&
                (candidate.detail === undefined || Is.string(candidate.detail)) &&
                (candidate.deprecated === undefined || Is.boolean(candidate.deprecated)) &&
                (candidate.children === undefined || Array.isArray(candidate.children)) &&
                (candidate.tags === undefined || Array.isArray(candidate.tags));
        }
        DocumentSymbol.is = is;
    })(DocumentSymbol || (exports.DocumentSymbol = DocumentSymbol = {}));
    /**
     * A set of predefined code action kinds
     */
    var CodeActionKind;
    (function (CodeActionKind) {
        /**
         * Empty kind.
         */
        CodeActionKind.Empty = '';
        /**
         * Base kind for quickfix actions: 'quickfix'
         */
        CodeActionKind.QuickFix = 'quickfix';
        /**
         * Base kind for refactoring actions: 'refactor'
         */
        CodeActionKind.Refactor = 'refactor';
        /**
         * Base kind for refactoring extraction actions: 'refactor.extract'
         *
         * Example extract actions:
         *
         * - Extract method
         * - Extract function
         * - Extract variable
         * - Extract interface from class
         * - ...
         */
        CodeActionKind.RefactorExtract = 'refactor.extract';
        /**
         * Base kind for refactoring inline actions: 'refactor.inline'
         *
         * Example inline actions:
         *
         * - Inline function
         * - Inline variable
         * - Inline constant
         * - ...
         */
        CodeActionKind.RefactorInline = 'refactor.inline';
        /**
         * Base kind for refactoring move actions: `refactor.move`
         *
         * Example move actions:
         *
         * - Move a function to a new file
         * - Move a property between classes
         * - Move method to base class
         * - ...
         *
         * @since 3.18.0
         */
        CodeActionKind.RefactorMove = 'refactor.move';
        /**
         * Base kind for refactoring rewrite actions: 'refactor.rewrite'
         *
         * Example rewrite actions:
         *
         * - Convert JavaScript function to class
         * - Add or remove parameter
         * - Encapsulate field
         * - Make method static
         * - Move method to base class
         * - ...
         */
        CodeActionKind.RefactorRewrite = 'refactor.rewrite';
        /**
         * Base kind for source actions: `source`
         *
         * Source code actions apply to the entire file.
         */
        CodeActionKind.Source = 'source';
        /**
         * Base kind for an organize imports source action: `source.organizeImports`
         */
        CodeActionKind.SourceOrganizeImports = 'source.organizeImports';
        /**
         * Base kind for auto-fix source actions: `source.fixAll`.
         *
         * Fix all actions automatically fix errors that have a clear fix that do not require user input.
         * They should not suppress errors or perform unsafe fixes such as generating new types or classes.
         *
         * @since 3.15.0
         */
        CodeActionKind.SourceFixAll = 'source.fixAll';
        /**
         * Base kind for all code actions applying to the entire notebook's scope. CodeActionKinds using
         * this should always begin with `notebook.`
         *
         * @since 3.18.0
         */
        CodeActionKind.Notebook = 'notebook';
    })(CodeActionKind || (exports.CodeActionKind = CodeActionKind = {}));
    /**
     * The reason why code actions were requested.
     *
     * @since 3.17.0
     */
    var CodeActionTriggerKind;
    (function (CodeActionTriggerKind) {
        /**
         * Code actions were explicitly requested by the user or by an extension.
         */
        CodeActionTriggerKind.Invoked = 1;
        /**
         * Code actions were requested automatically.
         *
         * This typically happens when current selection in a file changes, but can
         * also be triggered when file content changes.
         */
        CodeActionTriggerKind.Automatic = 2;
    })(CodeActionTriggerKind || (exports.CodeActionTriggerKind = CodeActionTriggerKind = {}));
    /**
     * The CodeActionContext namespace provides helper functions to work with
     * {@link CodeActionContext} literals.
     */
    var CodeActionContext;
    (function (CodeActionContext) {
        /**
         * Creates a new CodeActionContext literal.
         */
        function create(diagnostics, only, triggerKind) {
            var result = { diagnostics: diagnostics };
            if (only !== undefined && only !== null) {
                result.only = only;
            }
            if (triggerKind !== undefined && triggerKind !== null) {
                result.triggerKind = triggerKind;
            }
            return result;
        }
        CodeActionContext.create = create;
        /**
         * Checks whether the given literal conforms to the {@link CodeActionContext} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.typedArray(candidate.diagnostics, Diagnostic.is)
                && (candidate.only === undefined || Is.typedArray(candidate.only, Is.string))
                && (candidate.triggerKind === undefined || candidate.triggerKind === CodeActionTriggerKind.Invoked || candidate.triggerKind === CodeActionTriggerKind.Automatic);
        }
        CodeActionContext.is = is;
    })(CodeActionContext || (exports.CodeActionContext = CodeActionContext = {}));
    /**
     * Code action tags are extra annotations that tweak the behavior of a code action.
     *
     * @since 3.18.0
     */
    var CodeActionTag;
    (function (CodeActionTag) {
        /**
         * Marks the code action as LLM-generated.
         */
        CodeActionTag.LLMGenerated = 1;
        /**
         * Checks whether the given literal conforms to the {@link CodeActionTag} interface.
         */
        function is(value) {
            return Is.defined(value) && value === CodeActionTag.LLMGenerated;
        }
        CodeActionTag.is = is;
    })(CodeActionTag || (exports.CodeActionTag = CodeActionTag = {}));
    var CodeAction;
    (function (CodeAction) {
        function create(title, kindOrCommandOrEdit, kind) {
            var result = { title: title };
            var checkKind = true;
            if (typeof kindOrCommandOrEdit === 'string') {
                checkKind = false;
                result.kind = kindOrCommandOrEdit;
            }
            else if (Command.is(kindOrCommandOrEdit)) {
                result.command = kindOrCommandOrEdit;
            }
            else {
                result.edit = kindOrCommandOrEdit;
            }
            if (checkKind && kind !== undefined) {
                result.kind = kind;
            }
            return result;
        }
        CodeAction.create = create;
        function is(value) {
            var candidate = value;
            return candidate && Is.string(candidate.title) &&
                (candidate.diagnostics === undefined || Is.typedArray(candidate.diagnostics, Diagnostic.is)) &&
                (candidate.kind === undefined || Is.string(candidate.kind)) &&
                (candidate.edit !== undefined || candidate.command !== undefined) &&
                (candidate.command === undefined || Command.is(candidate.command)) &&
                (candidate.isPreferred === undefined || Is.boolean(candidate.isPreferred)) &&
                (candidate.edit === undefined || WorkspaceEdit.is(candidate.edit)) &&
                (candidate.tags === undefined || Is.typedArray(candidate.tags, CodeActionTag.is));
        }
        CodeAction.is = is;
    })(CodeAction || (exports.CodeAction = CodeAction = {}));
    /**
     * The CodeLens namespace provides helper functions to work with
     * {@link CodeLens} literals.
     */
    var CodeLens;
    (function (CodeLens) {
        /**
         * Creates a new CodeLens literal.
         */
        function create(range, data) {
            var result = { range: range };
            if (Is.defined(data)) {
                result.data = data;
            }
            return result;
        }
        CodeLens.create = create;
        /**
         * Checks whether the given literal conforms to the {@link CodeLens} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Range.is(candidate.range) && (Is.undefined(candidate.command) || Command.is(candidate.command));
        }
        CodeLens.is = is;
    })(CodeLens || (exports.CodeLens = CodeLens = {}));
    /**
     * The FormattingOptions namespace provides helper functions to work with
     * {@link FormattingOptions} literals.
     */
    var FormattingOptions;
    (function (FormattingOptions) {
        /**
         * Creates a new FormattingOptions literal.
         */
        function create(tabSize, insertSpaces) {
            return { tabSize: tabSize, insertSpaces: insertSpaces };
        }
        FormattingOptions.create = create;
        /**
         * Checks whether the given literal conforms to the {@link FormattingOptions} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.uinteger(candidate.tabSize) && Is.boolean(candidate.insertSpaces);
        }
        FormattingOptions.is = is;
    })(FormattingOptions || (exports.FormattingOptions = FormattingOptions = {}));
    /**
     * The DocumentLink namespace provides helper functions to work with
     * {@link DocumentLink} literals.
     */
    var DocumentLink;
    (function (DocumentLink) {
        /**
         * Creates a new DocumentLink literal.
         */
        function create(range, target, data) {
            return { range: range, target: target, data: data };
        }
        DocumentLink.create = create;
        /**
         * Checks whether the given literal conforms to the {@link DocumentLink} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Range.is(candidate.range) && (Is.undefined(candidate.target) || Is.string(candidate.target));
        }
        DocumentLink.is = is;
    })(DocumentLink || (exports.DocumentLink = DocumentLink = {}));
    /**
     * The SelectionRange namespace provides helper function to work with
     * SelectionRange literals.
     */
    var SelectionRange;
    (function (SelectionRange) {
        /**
         * Creates a new SelectionRange
         * @param range the range.
         * @param parent an optional parent.
         */
        function create(range, parent) {
            return { range: range, parent: parent };
        }
        SelectionRange.create = create;
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Range.is(candidate.range) && (candidate.parent === undefined || SelectionRange.is(candidate.parent));
        }
        SelectionRange.is = is;
    })(SelectionRange || (exports.SelectionRange = SelectionRange = {}));
    /**
     * A set of predefined token types. This set is not fixed
     * an clients can specify additional token types via the
     * corresponding client capabilities.
     *
     * @since 3.16.0
     */
    var SemanticTokenTypes;
    (function (SemanticTokenTypes) {
        SemanticTokenTypes["namespace"] = "namespace";
        /**
         * Represents a generic type. Acts as a fallback for types which can't be mapped to
         * a specific type like class or enum.
         */
        SemanticTokenTypes["type"] = "type";
        SemanticTokenTypes["class"] = "class";
        SemanticTokenTypes["enum"] = "enum";
        SemanticTokenTypes["interface"] = "interface";
        SemanticTokenTypes["struct"] = "struct";
        SemanticTokenTypes["typeParameter"] = "typeParameter";
        SemanticTokenTypes["parameter"] = "parameter";
        SemanticTokenTypes["variable"] = "variable";
        SemanticTokenTypes["property"] = "property";
        SemanticTokenTypes["enumMember"] = "enumMember";
        SemanticTokenTypes["event"] = "event";
        SemanticTokenTypes["function"] = "function";
        SemanticTokenTypes["method"] = "method";
        SemanticTokenTypes["macro"] = "macro";
        SemanticTokenTypes["keyword"] = "keyword";
        SemanticTokenTypes["modifier"] = "modifier";
        SemanticTokenTypes["comment"] = "comment";
        SemanticTokenTypes["string"] = "string";
        SemanticTokenTypes["number"] = "number";
        SemanticTokenTypes["regexp"] = "regexp";
        SemanticTokenTypes["operator"] = "operator";
        /**
         * @since 3.17.0
         */
        SemanticTokenTypes["decorator"] = "decorator";
        /**
         * @since 3.18.0
         */
        SemanticTokenTypes["label"] = "label";
    })(SemanticTokenTypes || (exports.SemanticTokenTypes = SemanticTokenTypes = {}));
    /**
     * A set of predefined token modifiers. This set is not fixed
     * an clients can specify additional token types via the
     * corresponding client capabilities.
     *
     * @since 3.16.0
     */
    var SemanticTokenModifiers;
    (function (SemanticTokenModifiers) {
        SemanticTokenModifiers["declaration"] = "declaration";
        SemanticTokenModifiers["definition"] = "definition";
        SemanticTokenModifiers["readonly"] = "readonly";
        SemanticTokenModifiers["static"] = "static";
        SemanticTokenModifiers["deprecated"] = "deprecated";
        SemanticTokenModifiers["abstract"] = "abstract";
        SemanticTokenModifiers["async"] = "async";
        SemanticTokenModifiers["modification"] = "modification";
        SemanticTokenModifiers["documentation"] = "documentation";
        SemanticTokenModifiers["defaultLibrary"] = "defaultLibrary";
    })(SemanticTokenModifiers || (exports.SemanticTokenModifiers = SemanticTokenModifiers = {}));
    /**
     * @since 3.16.0
     */
    var SemanticTokens;
    (function (SemanticTokens) {
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && (candidate.resultId === undefined || typeof candidate.resultId === 'string') &&
                Array.isArray(candidate.data) && (candidate.data.length === 0 || typeof candidate.data[0] === 'number');
        }
        SemanticTokens.is = is;
    })(SemanticTokens || (exports.SemanticTokens = SemanticTokens = {}));
    /**
     * The InlineValueText namespace provides functions to deal with InlineValueTexts.
     *
     * @since 3.17.0
     */
    var InlineValueText;
    (function (InlineValueText) {
        /**
         * Creates a new InlineValueText literal.
         */
        function create(range, text) {
            return { range: range, text: text };
        }
        InlineValueText.create = create;
        function is(value) {
            var candidate = value;
            return candidate !== undefined && candidate !== null && Range.is(candidate.range) && Is.string(candidate.text);
        }
        InlineValueText.is = is;
    })(InlineValueText || (exports.InlineValueText = InlineValueText = {}));
    /**
     * The InlineValueVariableLookup namespace provides functions to
     * deal with InlineValueVariableLookups.
     *
     * @since 3.17.0
     */
    var InlineValueVariableLookup;
    (function (InlineValueVariableLookup) {
        /**
         * Creates a new InlineValueText literal.
         */
        function create(range, variableName, caseSensitiveLookup) {
            return { range: range, variableName: variableName, caseSensitiveLookup: caseSensitiveLookup };
        }
        InlineValueVariableLookup.create = create;
        function is(value) {
            var candidate = value;
            return candidate !== undefined && candidate !== null && Range.is(candidate.range) && Is.boolean(candidate.caseSensitiveLookup)
                && (Is.string(candidate.variableName) || candidate.variableName === undefined);
        }
        InlineValueVariableLookup.is = is;
    })(InlineValueVariableLookup || (exports.InlineValueVariableLookup = InlineValueVariableLookup = {}));
    /**
     * The InlineValueEvaluatableExpression namespace provides functions to deal with InlineValueEvaluatableExpression.
     *
     * @since 3.17.0
     */
    var InlineValueEvaluatableExpression;
    (function (InlineValueEvaluatableExpression) {
        /**
         * Creates a new InlineValueEvaluatableExpression literal.
         */
        function create(range, expression) {
            return { range: range, expression: expression };
        }
        InlineValueEvaluatableExpression.create = create;
        function is(value) {
            var candidate = value;
            return candidate !== undefined && candidate !== null && Range.is(candidate.range)
                && (Is.string(candidate.expression) || candidate.expression === undefined);
        }
        InlineValueEvaluatableExpression.is = is;
    })(InlineValueEvaluatableExpression || (exports.InlineValueEvaluatableExpression = InlineValueEvaluatableExpression = {}));
    /**
     * The InlineValueContext namespace provides helper functions to work with
     * {@link InlineValueContext} literals.
     *
     * @since 3.17.0
     */
    var InlineValueContext;
    (function (InlineValueContext) {
        /**
         * Creates a new InlineValueContext literal.
         */
        function create(frameId, stoppedLocation) {
            return { frameId: frameId, stoppedLocation: stoppedLocation };
        }
        InlineValueContext.create = create;
        /**
         * Checks whether the given literal conforms to the {@link InlineValueContext} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Range.is(value.stoppedLocation);
        }
        InlineValueContext.is = is;
    })(InlineValueContext || (exports.InlineValueContext = InlineValueContext = {}));
    /**
     * Inlay hint kinds.
     *
     * @since 3.17.0
     */
    var InlayHintKind;
    (function (InlayHintKind) {
        /**
         * An inlay hint that for a type annotation.
         */
        InlayHintKind.Type = 1;
        /**
         * An inlay hint that is for a parameter.
         */
        InlayHintKind.Parameter = 2;
        function is(value) {
            return value === 1 || value === 2;
        }
        InlayHintKind.is = is;
    })(InlayHintKind || (exports.InlayHintKind = InlayHintKind = {}));
    var InlayHintLabelPart;
    (function (InlayHintLabelPart) {
        function create(value) {
            return { value: value };
        }
        InlayHintLabelPart.create = create;
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate)
                && (candidate.tooltip === undefined || Is.string(candidate.tooltip) || MarkupContent.is(candidate.tooltip))
                && (candidate.location === undefined || Location.is(candidate.location))
                && (candidate.command === undefined || Command.is(candidate.command));
        }
        InlayHintLabelPart.is = is;
    })(InlayHintLabelPart || (exports.InlayHintLabelPart = InlayHintLabelPart = {}));
    var InlayHint;
    (function (InlayHint) {
        function create(position, label, kind) {
            var result = { position: position, label: label };
            if (kind !== undefined) {
                result.kind = kind;
            }
            return result;
        }
        InlayHint.create = create;
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Position.is(candidate.position)
                && (Is.string(candidate.label) || Is.typedArray(candidate.label, InlayHintLabelPart.is))
                && (candidate.kind === undefined || InlayHintKind.is(candidate.kind))
                && (candidate.textEdits === undefined) || Is.typedArray(candidate.textEdits, TextEdit.is)
                && (candidate.tooltip === undefined || Is.string(candidate.tooltip) || MarkupContent.is(candidate.tooltip))
                && (candidate.paddingLeft === undefined || Is.boolean(candidate.paddingLeft))
                && (candidate.paddingRight === undefined || Is.boolean(candidate.paddingRight));
        }
        InlayHint.is = is;
    })(InlayHint || (exports.InlayHint = InlayHint = {}));
    var StringValue;
    (function (StringValue) {
        function createSnippet(value) {
            return { kind: 'snippet', value: value };
        }
        StringValue.createSnippet = createSnippet;
        function isSnippet(value) {
            var candidate = value;
            return Is.objectLiteral(candidate)
                && candidate.kind === 'snippet'
                && Is.string(candidate.value);
        }
        StringValue.isSnippet = isSnippet;
    })(StringValue || (exports.StringValue = StringValue = {}));
    var InlineCompletionItem;
    (function (InlineCompletionItem) {
        function create(insertText, filterText, range, command) {
            return { insertText: insertText, filterText: filterText, range: range, command: command };
        }
        InlineCompletionItem.create = create;
    })(InlineCompletionItem || (exports.InlineCompletionItem = InlineCompletionItem = {}));
    var InlineCompletionList;
    (function (InlineCompletionList) {
        function create(items) {
            return { items: items };
        }
        InlineCompletionList.create = create;
    })(InlineCompletionList || (exports.InlineCompletionList = InlineCompletionList = {}));
    /**
     * Describes how an {@link InlineCompletionItemProvider inline completion provider} was triggered.
     *
     * @since 3.18.0
     */
    var InlineCompletionTriggerKind;
    (function (InlineCompletionTriggerKind) {
        /**
         * Completion was triggered explicitly by a user gesture.
         */
        InlineCompletionTriggerKind.Invoked = 1;
        /**
         * Completion was triggered automatically while editing.
         */
        InlineCompletionTriggerKind.Automatic = 2;
    })(InlineCompletionTriggerKind || (exports.InlineCompletionTriggerKind = InlineCompletionTriggerKind = {}));
    var SelectedCompletionInfo;
    (function (SelectedCompletionInfo) {
        function create(range, text) {
            return { range: range, text: text };
        }
        SelectedCompletionInfo.create = create;
    })(SelectedCompletionInfo || (exports.SelectedCompletionInfo = SelectedCompletionInfo = {}));
    var InlineCompletionContext;
    (function (InlineCompletionContext) {
        function create(triggerKind, selectedCompletionInfo) {
            return { triggerKind: triggerKind, selectedCompletionInfo: selectedCompletionInfo };
        }
        InlineCompletionContext.create = create;
    })(InlineCompletionContext || (exports.InlineCompletionContext = InlineCompletionContext = {}));
    var WorkspaceFolder;
    (function (WorkspaceFolder) {
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && URI.is(candidate.uri) && Is.string(candidate.name);
        }
        WorkspaceFolder.is = is;
    })(WorkspaceFolder || (exports.WorkspaceFolder = WorkspaceFolder = {}));
    exports.EOL = ['\n', '\r\n', '\r'];
    /**
     * @deprecated Use the text document from the new vscode-languageserver-textdocument package.
     */
    var TextDocument;
    (function (TextDocument) {
        /**
         * Creates a new ITextDocument literal from the given uri and content.
         * @param uri The document's uri.
         * @param languageId The document's language Id.
         * @param version The document's version.
         * @param content The document's content.
         */
        function create(uri, languageId, version, content) {
            return new FullTextDocument(uri, languageId, version, content);
        }
        TextDocument.create = create;
        /**
         * Checks whether the given literal conforms to the {@link ITextDocument} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.string(candidate.uri) && (Is.undefined(candidate.languageId) || Is.string(candidate.languageId)) && Is.uinteger(candidate.lineCount)
                && Is.func(candidate.getText) && Is.func(candidate.positionAt) && Is.func(candidate.offsetAt) ? true : false;
        }
        TextDocument.is = is;
        function applyEdits(document, edits) {
            var text = document.getText();
            var sortedEdits = mergeSort(edits, function (a, b) {
                var diff = a.range.start.line - b.range.start.line;
                if (diff === 0) {
                    return a.range.start.character - b.range.start.character;
                }
                return diff;
            });
            var lastModifiedOffset = text.length;
            for (var i = sortedEdits.length - 1; i >= 0; i--) {
                var e = sortedEdits[i];
                var startOffset = document.offsetAt(e.range.start);
                var endOffset = document.offsetAt(e.range.end);
                if (endOffset <= lastModifiedOffset) {
                    text = text.substring(0, startOffset) + e.newText + text.substring(endOffset, text.length);
                }
                else {
                    throw new Error('Overlapping edit');
                }
                lastModifiedOffset = startOffset;
            }
            return text;
        }
        TextDocument.applyEdits = applyEdits;
        function mergeSort(data, compare) {
            if (data.length <= 1) {
                // sorted
                return data;
            }
            var p = (data.length / 2) | 0;
            var left = data.slice(0, p);
            var right = data.slice(p);
            mergeSort(left, compare);
            mergeSort(right, compare);
            var leftIdx = 0;
            var rightIdx = 0;
            var i = 0;
            while (leftIdx < left.length && rightIdx < right.length) {
                var ret = compare(left[leftIdx], right[rightIdx]);
                if (ret <= 0) {
                    // smaller_equal -> take left to preserve order
                    data[i++] = left[leftIdx++];
                }
                else {
                    // greater -> take right
                    data[i++] = right[rightIdx++];
                }
            }
            while (leftIdx < left.length) {
                data[i++] = left[leftIdx++];
            }
            while (rightIdx < right.length) {
                data[i++] = right[rightIdx++];
            }
            return data;
        }
    })(TextDocument || (exports.TextDocument = TextDocument = {}));
    /**
     * @deprecated Use the text document from the new vscode-languageserver-textdocument package.
     */
    var FullTextDocument = /** @class */ (function () {
        function FullTextDocument(uri, languageId, version, content) {
            this._uri = uri;
            this._languageId = languageId;
            this._version = version;
            this._content = content;
            this._lineOffsets = undefined;
        }
        Object.defineProperty(FullTextDocument.prototype, "uri", {
            get: function () {
                return this._uri;
            },
            enumerable: false,
            configurable: true
        });
        Object.defineProperty(FullTextDocument.prototype, "languageId", {
            get: function () {
                return this._languageId;
            },
            enumerable: false,
            configurable: true
        });
        Object.defineProperty(FullTextDocument.prototype, "version", {
            get: function () {
                return this._version;
            },
            enumerable: false,
            configurable: true
        });
        FullTextDocument.prototype.getText = function (range) {
            if (range) {
                var start = this.offsetAt(range.start);
                var end = this.offsetAt(range.end);
                return this._content.substring(start, end);
            }
            return this._content;
        };
        FullTextDocument.prototype.update = function (event, version) {
            this._content = event.text;
            this._version = version;
            this._lineOffsets = undefined;
        };
        FullTextDocument.prototype.getLineOffsets = function () {
            if (this._lineOffsets === undefined) {
                var lineOffsets = [];
                var text = this._content;
                var isLineStart = true;
                for (var i = 0; i < text.length; i++) {
                    if (isLineStart) {
                        lineOffsets.push(i);
                        isLineStart = false;
                    }
                    var ch = text.charAt(i);
                    isLineStart = (ch === '\r' || ch === '\n');
                    if (ch === '\r' && i + 1 < text.length && text.charAt(i + 1) === '\n') {
                        i++;
                    }
                }
                if (isLineStart && text.length > 0) {
                    lineOffsets.push(text.length);
                }
                this._lineOffsets = lineOffsets;
            }
            return this._lineOffsets;
        };
        FullTextDocument.prototype.positionAt = function (offset) {
            offset = Math.max(Math.min(offset, this._content.length), 0);
            var lineOffsets = this.getLineOffsets();
            var low = 0, high = lineOffsets.length;
            if (high === 0) {
                return Position.create(0, offset);
            }
            while (low < high) {
                var mid = Math.floor((low + high) / 2);
                if (lineOffsets[mid] > offset) {
                    high = mid;
                }
                else {
                    low = mid + 1;
                }
            }
            // low is the least x for which the line offset is larger than the current offset
            // or array.length if no line offset is larger than the current offset
            var line = low - 1;
            return Position.create(line, offset - lineOffsets[line]);
        };
        FullTextDocument.prototype.offsetAt = function (position) {
            var lineOffsets = this.getLineOffsets();
            if (position.line >= lineOffsets.length) {
                return this._content.length;
            }
            else if (position.line < 0) {
                return 0;
            }
            var lineOffset = lineOffsets[position.line];
            var nextLineOffset = (position.line + 1 < lineOffsets.length) ? lineOffsets[position.line + 1] : this._content.length;
            return Math.max(Math.min(lineOffset + position.character, nextLineOffset), lineOffset);
        };
        Object.defineProperty(FullTextDocument.prototype, "lineCount", {
            get: function () {
                return this.getLineOffsets().length;
            },
            enumerable: false,
            configurable: true
        });
        return FullTextDocument;
    }());
    var Is;
    (function (Is) {
        var toString = Object.prototype.toString;
        function defined(value) {
            return typeof value !== 'undefined';
        }
        Is.defined = defined;
        function undefined(value) {
            return typeof value === 'undefined';
        }
        Is.undefined = undefined;
        function boolean(value) {
            return value === true || value === false;
        }
        Is.boolean = boolean;
        function string(value) {
            return toString.call(value) === '[object String]';
        }
        Is.string = string;
        function number(value) {
            return toString.call(value) === '[object Number]';
        }
        Is.number = number;
        function numberRange(value, min, max) {
            return toString.call(value) === '[object Number]' && min <= value && value <= max;
        }
        Is.numberRange = numberRange;
        function integer(value) {
            return toString.call(value) === '[object Number]' && -2147483648 <= value && value <= 2147483647;
        }
        Is.integer = integer;
        function uinteger(value) {
            return toString.call(value) === '[object Number]' && 0 <= value && value <= 2147483647;
        }
        Is.uinteger = uinteger;
        function func(value) {
            return toString.call(value) === '[object Function]';
        }
        Is.func = func;
        function objectLiteral(value) {
            // Strictly speaking class instances pass this check as well. Since the LSP
            // doesn't use classes we ignore this for now. If we do we need to add something
            // like this: `Object.getPrototypeOf(Object.getPrototypeOf(x)) === null`
            return value !== null && typeof value === 'object';
        }
        Is.objectLiteral = objectLiteral;
        function typedArray(value, check) {
            return Array.isArray(value) && value.every(check);
        }
        Is.typedArray = typedArray;
    })(Is || (Is = {}));
});


/***/ }),

/***/ 9406:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ evidencePath)
/* harmony export */ });
/** The path, and for a member of an archive the member after a `!` (`/app/debug.tar.gz!logs/env.txt`), as jar URLs do. */
function evidencePath(e) {
    if (e.path === undefined)
        return undefined;
    return e.member === undefined ? e.path : `${e.path}!${e.member}`;
}


/***/ }),

/***/ 2374:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ atLeast),
/* harmony export */   q: () => (/* binding */ severityRank)
/* harmony export */ });
const RANK = { error: 3, warning: 2, notice: 1 };
/** True when `s` is at or above `threshold` (error > warning > notice). */
function atLeast(s, threshold) {
    return RANK[s] >= RANK[threshold];
}
/** Sort key: errors first. */
function severityRank(s) {
    return RANK[s];
}


/***/ }),

/***/ 1286:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  oU: () => (/* binding */ loadBaseline)
});

// UNUSED EXPORTS: REPORT_FILE, continueTrend, reportKeyPrefix, saveBaseline, trendPoint

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
var external_node_fs_default = /*#__PURE__*/__nccwpck_require__.n(external_node_fs_);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
var external_node_os_default = /*#__PURE__*/__nccwpck_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/store/store.ts + 1 modules
var store = __nccwpck_require__(1005);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(2174);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __nccwpck_require__(9524);
// EXTERNAL MODULE: ./src/report/run-report.ts
var run_report = __nccwpck_require__(2400);
// EXTERNAL MODULE: ./src/size/model.ts
var model = __nccwpck_require__(278);
// EXTERNAL MODULE: ./src/inspect/contents.ts + 1 modules
var inspect_contents = __nccwpck_require__(9333);
// EXTERNAL MODULE: ./src/inspect/filesystem.ts
var filesystem = __nccwpck_require__(5047);
// EXTERNAL MODULE: ./src/inspect/history.ts
var inspect_history = __nccwpck_require__(4146);
// EXTERNAL MODULE: ./src/inspect/inspect-image.ts + 4 modules
var inspect_image = __nccwpck_require__(2227);
// EXTERNAL MODULE: ./src/inspect/summary.ts
var inspect_summary = __nccwpck_require__(302);
;// CONCATENATED MODULE: ./src/size/measure.ts





/** The image summary of `ref` (layers by history instruction; no Dockerfile lines) and its contents. */
async function measureImage(docker, ref, layerCacheDir) {
    const facts = await (0,inspect_image/* inspectImage */.m)({ docker, image: ref, secrets: [], layerCacheDir });
    const origins = (0,inspect_history/* attributeLayers */.LH)(facts.config.history, facts.layers.length, []).map(o => ({ ...o, fromBase: false }));
    const fs = (0,filesystem/* mergeLayers */.J)(facts.layers.map(l => l.facts));
    const summary = (0,inspect_summary/* summarise */.f)(facts, origins, fs);
    // Without a Dockerfile there is no line and no telling base-image layers apart.
    const contents = (0,inspect_contents/* imageContents */.Y9)(facts, fs, origins.map(() => ({ line: undefined, fromBase: false })));
    contents.composition.baseKnown = false;
    return { ...summary, layers: summary.layers.map(l => ({ ...l, line: 0 })), contents };
}

;// CONCATENATED MODULE: ./src/baseline/baseline.ts
/**
 * Where the size baseline comes from, in the issue's order: an earlier run's report file, an
 * image measured the same way, or the newest report this action saved on the base branch.
 */









const REPORT_FILE = 'stagecraft-report.json';
const KEY_VERSION = 'stagecraft-report-v1';
/** Cache key prefix of the reports saved for `key` on `branch`. */
function reportKeyPrefix(key, branch) {
    return `${KEY_VERSION}-${(0,store/* keyPart */.Vs)(key)}-${(0,store/* keyPart */.Vs)(branch)}-`;
}
async function loadBaseline(req) {
    if (req.baselineReport) {
        let report;
        try {
            report = (0,run_report/* parseReport */.MM)(external_node_fs_default().readFileSync(req.baselineReport, 'utf8'));
        }
        catch (e) {
            throw new errors/* InputError */.dz(constants/* Input */.pd.BaselineReport, `${external_node_path_default().basename(req.baselineReport)} is not usable: ${(0,errors/* errorMessage */.gJ)(e)}`);
        }
        return {
            ...sizesOf(report),
            info: {
                source: 'report',
                ref: req.baselineReport,
                description: `report ${external_node_path_default().basename(req.baselineReport)} (${report.git?.sha?.slice(0, 7) ?? report.createdAt})`
            }
        };
    }
    if (req.baselineImage) {
        const found = await req.docker.inspectImage(req.baselineImage);
        if (!found) {
            const pulled = await req.docker.raw(['pull', '--quiet', req.baselineImage]);
            if (pulled.exitCode !== 0) {
                throw new errors/* InputError */.dz(constants/* Input */.pd.BaselineImage, `image "${req.baselineImage}" is not in the local store and could not be pulled`);
            }
        }
        const summary = await measureImage(req.docker, req.baselineImage, req.layerCacheDir);
        const report = (0,model/* sizeReportOf */.h5)(req.baselineImage, summary.layers);
        return {
            report,
            contents: summary.contents,
            info: { source: 'image', ref: req.baselineImage, description: `image \`${req.baselineImage}\` measured in this run` }
        };
    }
    const base = req.ctx?.pullRequest?.baseRef;
    if (!req.ctx || !base)
        return { note: 'none (give baseline-report or baseline-image; on pull requests the base branch report is used)' };
    if (!req.store)
        return { note: `none: no cache store to read the ${base} report from (set cache-dir, or run on GitHub)` };
    const dir = external_node_fs_default().mkdtempSync(external_node_path_default().join(process.env.RUNNER_TEMP || external_node_os_default().tmpdir(), 'stagecraft-baseline-'));
    try {
        const prefix = reportKeyPrefix(req.key, base);
        const hit = await req.store.restore(prefix, [], dir);
        if (!hit)
            return { note: `none yet: no report saved on ${base} for this image (the first push to ${base} saves one)` };
        const report = (0,run_report/* parseReport */.MM)(external_node_fs_default().readFileSync(external_node_path_default().join(dir, REPORT_FILE), 'utf8'));
        return {
            ...sizesOf(report),
            info: { source: 'cache', ref: hit.key, description: `report saved on ${base} at ${report.git?.sha?.slice(0, 7) ?? report.createdAt}` }
        };
    }
    catch (e) {
        if (e instanceof errors/* EnvironmentError */.eG || e instanceof errors/* InputError */.dz)
            throw e;
        return { note: `none: the ${base} report could not be read`, warning: `baseline: could not restore the ${base} report (${(0,errors/* errorMessage */.gJ)(e)})` };
    }
    finally {
        external_node_fs_default().rmSync(dir, { recursive: true, force: true });
    }
}
/** The sizes a saved report holds: the single-value size and, from newer reports, every platform's. */
function sizesOf(report) {
    const platforms = report.platforms?.filter(p => p.size).map(p => ({ platform: p.platform, size: p.size, contents: p.contents }));
    const own = platforms?.find(p => p.platform === report.image?.platform) ?? (platforms?.length === 1 ? platforms[0] : undefined);
    return { report: report.size, platform: report.image?.platform, platforms, contents: own?.contents, trend: trendOf(report) };
}
/** A report's trend as a baseline sees it: a pull request's report names its own point by its commit. */
function trendOf(report) {
    if (!report.trend)
        return report.size ? [trendPoint(report)] : undefined;
    return report.trend.map(t => (t.label === run_report/* THIS_RUN */.bO ? trendPoint(report) : t));
}
/** A report's own trend point. */
function trendPoint(report, label = report.git?.sha?.slice(0, 7) ?? report.createdAt.slice(0, 10)) {
    return { label, createdAt: report.createdAt, bytes: report.size?.bytes ?? 0, compressedBytes: report.size?.compressedBytes ?? 0 };
}
/** The branch's trend continued with `report`: the previous saved report's trend (or itself), then this one. Pure. */
function continueTrend(previous, report) {
    const before = previous ? (previous.trend ?? (previous.size ? [trendPoint(previous)] : [])) : [];
    return [...before, trendPoint(report)].slice(-TREND_POINTS);
}
/** On non-PR runs, save this run's report as the baseline of its branch. Returns a warning on failure. */
async function saveBaseline(store, report, ctx) {
    if (ctx.pullRequest || !ctx.ref)
        return undefined;
    const dir = fs.mkdtempSync(path.join(process.env.RUNNER_TEMP || os.tmpdir(), 'stagecraft-report-'));
    try {
        // The branch's size trend travels with its reports: continue the newest one's (best effort).
        const prefix = reportKeyPrefix(report.key, ctx.ref);
        let previous;
        try {
            if (await store.restore(prefix, [], dir))
                previous = parseReport(fs.readFileSync(path.join(dir, REPORT_FILE), 'utf8'));
        }
        catch {
            previous = undefined; // no trend to continue: it starts again with this report
        }
        fs.rmSync(path.join(dir, REPORT_FILE), { force: true });
        fs.writeFileSync(path.join(dir, REPORT_FILE), JSON.stringify({ ...report, trend: continueTrend(previous, report) }));
        const key = `${prefix}${ctx.sha || Date.now()}-${ctx.runId ?? ''}`;
        // One baseline per key and branch: the newest; older ones are deleted where the store can.
        if (await store.save(key, dir))
            await store.prune(prefix, 1);
        return undefined;
    }
    catch (e) {
        return `baseline: could not save this run's report (${errorMessage(e)})`;
    }
    finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}


/***/ }),

/***/ 293:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   K9: () => (/* binding */ cleanupOnSignal)
/* harmony export */ });
/* unused harmony exports TEMP_PATHS_STATE, removable, removePaths, parseTempPaths */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _docker_children_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(4527);
/**
 * Leave nothing behind when a run is cancelled: the temp dirs of a run (secret files live in
 * them) are recorded as state for the action's post step, and removed by a SIGINT/SIGTERM
 * handler in the process itself. Paths only: no secret value is ever recorded.
 */



/** The state name under which the action records its temp paths for the post step. */
const TEMP_PATHS_STATE = 'temp-paths';
/** Only Stagecraft's own directories are ever removed: absolute, named stagecraft-... */
function removable(p) {
    return node_path__WEBPACK_IMPORTED_MODULE_1___default().isAbsolute(p) && /^\.?stagecraft-[\w.-]+$/.test(node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(p)) && node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(p) !== p;
}
/** Remove the paths that are ours; returns the ones removed. Never throws. */
function removePaths(paths) {
    const gone = [];
    for (const p of paths) {
        if (!removable(p))
            continue;
        try {
            if (node_fs__WEBPACK_IMPORTED_MODULE_0___default().existsSync(p)) {
                node_fs__WEBPACK_IMPORTED_MODULE_0___default().rmSync(p, { recursive: true, force: true });
                gone.push(p);
            }
        }
        catch {
            // a later cleanup (post step, runner) gets another chance
        }
    }
    return gone;
}
/** Parse the recorded state; [] when absent or malformed. */
function parseTempPaths(state) {
    try {
        const v = JSON.parse(state);
        return Array.isArray(v) ? v.filter((x) => typeof x === 'string') : [];
    }
    catch {
        return [];
    }
}
/**
 * On SIGINT or SIGTERM (a cancelled job, Ctrl-C): stop the docker processes the run started (no
 * build goes on, none still reads a secret file), remove `paths()` and exit 130 / 143 as a shell
 * would. Returns a function that removes the handlers.
 */
function cleanupOnSignal(paths, onExit = () => { }) {
    const handler = (signal) => {
        (0,_docker_children_js__WEBPACK_IMPORTED_MODULE_2__/* .stopDockerProcesses */ .ab)('SIGTERM');
        removePaths(paths());
        onExit(signal);
        process.exit(signal === 'SIGINT' ? 130 : 143);
    };
    process.once('SIGINT', handler);
    process.once('SIGTERM', handler);
    return () => {
        process.off('SIGINT', handler);
        process.off('SIGTERM', handler);
    };
}


/***/ }),

/***/ 5187:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6219);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _store_store_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(1005);
/* harmony import */ var _cleanup_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(293);
/* harmony import */ var _report_build_report_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(29);
/* harmony import */ var _report_markdown_js__WEBPACK_IMPORTED_MODULE_7__ = __nccwpck_require__(4436);
/* harmony import */ var _report_sarif_js__WEBPACK_IMPORTED_MODULE_8__ = __nccwpck_require__(3533);
/* harmony import */ var _cli_args_js__WEBPACK_IMPORTED_MODULE_9__ = __nccwpck_require__(2353);
/* harmony import */ var _cli_terminal_js__WEBPACK_IMPORTED_MODULE_10__ = __nccwpck_require__(9990);
/* harmony import */ var _docker_docker_js__WEBPACK_IMPORTED_MODULE_11__ = __nccwpck_require__(6257);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_12__ = __nccwpck_require__(2174);
/* harmony import */ var _inputs_inputs_js__WEBPACK_IMPORTED_MODULE_13__ = __nccwpck_require__(6088);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_14__ = __nccwpck_require__(9524);
/* harmony import */ var _cli_image_commands_js__WEBPACK_IMPORTED_MODULE_15__ = __nccwpck_require__(2680);
/* harmony import */ var _report_run_report_js__WEBPACK_IMPORTED_MODULE_16__ = __nccwpck_require__(2400);
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_20__ = __nccwpck_require__(1107);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_19__ = __nccwpck_require__(9236);
/* harmony import */ var _pipeline_run_js__WEBPACK_IMPORTED_MODULE_17__ = __nccwpck_require__(3384);
/* harmony import */ var _plan_resolve_js__WEBPACK_IMPORTED_MODULE_18__ = __nccwpck_require__(4601);
/**
 * The CLI front end: the same pipeline as the action, on a local Dockerfile, with a terminal
 * report (or --json) and exit codes a script can rely on (see HELP).
 */





















async function main(argv) {
    let cmd;
    try {
        cmd = (0,_cli_args_js__WEBPACK_IMPORTED_MODULE_9__/* .parseCli */ .wE)(argv);
    }
    catch (e) {
        process.stderr.write(`stagecraft: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_12__/* .errorMessage */ .gJ)(e)} (see --help)\n`);
        return 2;
    }
    if (cmd.command === 'help') {
        process.stdout.write(_cli_args_js__WEBPACK_IMPORTED_MODULE_9__/* .HELP */ ._$);
        return 0;
    }
    if (cmd.command === 'version') {
        process.stdout.write(`stagecraft ${_version_js__WEBPACK_IMPORTED_MODULE_0__/* .VERSION */ .x}\n`);
        return 0;
    }
    const style = (cmd.color ?? (process.stdout.isTTY && !process.env.NO_COLOR)) ? _cli_terminal_js__WEBPACK_IMPORTED_MODULE_10__/* .COLORS */ .lm : _cli_terminal_js__WEBPACK_IMPORTED_MODULE_10__/* .PLAIN */ .tZ;
    const err = (s) => process.stderr.write(`${s}\n`);
    // One redactor for everything this run shows or writes: log lines, warnings, documents, files.
    const redact = (0,_redact_js__WEBPACK_IMPORTED_MODULE_19__/* .createRedactor */ .lY)();
    const reporter = (0,_redact_js__WEBPACK_IMPORTED_MODULE_19__/* .redactingReporter */ .Ld)({
        info: m => {
            if (cmd.verbose)
                err(style.dim(m));
        },
        warning: m => err(style.yellow(`warning: ${m}`)),
        setSecret: () => { },
        group: async (name, fn) => {
            err(style.bold(`▶ ${name}`));
            return fn();
        }
    }, redact);
    const cacheHome = process.env.XDG_CACHE_HOME || node_path__WEBPACK_IMPORTED_MODULE_3___default().join(node_os__WEBPACK_IMPORTED_MODULE_2___default().homedir(), '.cache');
    const get = (name) => cmd.inputs[name] ?? '';
    const cacheDir = get(_constants_js__WEBPACK_IMPORTED_MODULE_14__/* .Input */ .pd.CacheDir);
    const layerCacheDir = cacheDir ? node_path__WEBPACK_IMPORTED_MODULE_3___default().resolve(cacheDir, 'audit-layers') : node_path__WEBPACK_IMPORTED_MODULE_3___default().join(cacheHome, 'stagecraft', 'audit-layers');
    const secretScanCacheDir = cacheDir ? node_path__WEBPACK_IMPORTED_MODULE_3___default().resolve(cacheDir, 'audit-secret-scans') : node_path__WEBPACK_IMPORTED_MODULE_3___default().join(cacheHome, 'stagecraft', 'audit-secret-scans');
    const emit = (rawResult, rawReport, dockerfile) => {
        const result = redact.deep(rawResult);
        const report = redact.deep(rawReport);
        if (cmd.reportFile)
            node_fs__WEBPACK_IMPORTED_MODULE_1___default().writeFileSync(cmd.reportFile, `${JSON.stringify(report, null, 2)}\n`);
        if (cmd.commentFile)
            node_fs__WEBPACK_IMPORTED_MODULE_1___default().writeFileSync(cmd.commentFile, `${(0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_7__/* .renderReport */ .B1)(report)}\n`);
        if (cmd.sarifFile && result.audit)
            node_fs__WEBPACK_IMPORTED_MODULE_1___default().writeFileSync(cmd.sarifFile, `${JSON.stringify((0,_report_sarif_js__WEBPACK_IMPORTED_MODULE_8__/* .toSarif */ .z)(result.audit, dockerfile), null, 2)}\n`);
        // stdout holds the document; the failing build's log tail goes to stderr, as the terminal shows it.
        if (cmd.json || cmd.markdown) {
            const tail = (0,_cli_terminal_js__WEBPACK_IMPORTED_MODULE_10__/* .logTail */ .RB)(result, style);
            if (report.failure)
                err(style.red(`stagecraft: ${report.failure.reason}`));
            if (tail.length)
                err(tail.join('\n'));
        }
        if (cmd.json)
            process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        else if (cmd.markdown)
            process.stdout.write(`${(0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_7__/* .renderReport */ .B1)(report)}\n`);
        else
            process.stdout.write((0,_cli_terminal_js__WEBPACK_IMPORTED_MODULE_10__/* .renderTerminal */ .bF)(result, report, style, process.stdout.columns || undefined, cmd.verbose));
        if (result.failureKind && report.failure && !(cmd.json || cmd.markdown))
            err(style.red(`stagecraft: ${report.failure.reason}`));
        return report.verdict.passed ? 0 : result.failureKind === 'input' ? 2 : result.failureKind === 'environment' ? 3 : 1;
    };
    try {
        if (cmd.command === 'audit' || cmd.command === 'compare') {
            const inputs = (0,_inputs_inputs_js__WEBPACK_IMPORTED_MODULE_13__/* .readAuditInputs */ .hy)(get);
            const file = get(_constants_js__WEBPACK_IMPORTED_MODULE_14__/* .Input */ .pd.File);
            const key = get(_constants_js__WEBPACK_IMPORTED_MODULE_14__/* .Input */ .pd.CommentKey) || cmd.images[0];
            const result = await (0,_cli_image_commands_js__WEBPACK_IMPORTED_MODULE_15__/* .runImageCommand */ .u)({
                docker: new _docker_docker_js__WEBPACK_IMPORTED_MODULE_11__/* .Docker */ .Jg(),
                reporter,
                image: cmd.images[0],
                baseline: cmd.images[1],
                audit: cmd.command === 'audit',
                inputs,
                dockerfile: file ? { path: node_path__WEBPACK_IMPORTED_MODULE_3___default().resolve(file), target: get(_constants_js__WEBPACK_IMPORTED_MODULE_14__/* .Input */ .pd.Target) } : undefined,
                layerCacheDir,
                key
            });
            // No build here: the context is the one given, else the Dockerfile's own directory.
            const shown = file ? contextPath(get(_constants_js__WEBPACK_IMPORTED_MODULE_14__/* .Input */ .pd.Context) || node_path__WEBPACK_IMPORTED_MODULE_3___default().dirname(node_path__WEBPACK_IMPORTED_MODULE_3___default().resolve(file)), node_path__WEBPACK_IMPORTED_MODULE_3___default().resolve(file)) : cmd.images[0];
            return emit(result, (0,_report_build_report_js__WEBPACK_IMPORTED_MODULE_6__/* .buildRunReport */ .I)(result, { dockerfile: shown, key, failOn: inputs['fail-on'] }), shown);
        }
        const inputs = (0,_inputs_inputs_js__WEBPACK_IMPORTED_MODULE_13__/* .readInputs */ .Ko)(get, { mask: v => redact.add([v]) });
        const resolved = (0,_plan_resolve_js__WEBPACK_IMPORTED_MODULE_18__/* .resolvePlan */ .y)(inputs);
        const dockerfile = contextPath(inputs.context, inputs.file);
        const key = inputs['comment-key'] || (0,_report_run_report_js__WEBPACK_IMPORTED_MODULE_16__/* .defaultReportKey */ .Hi)(dockerfile, resolved.runner);
        const store = (0,_store_store_js__WEBPACK_IMPORTED_MODULE_4__/* .chooseStore */ .zp)({ cacheDir: inputs['cache-dir'], env: {} });
        const tmpDir = node_fs__WEBPACK_IMPORTED_MODULE_1___default().mkdtempSync(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(node_os__WEBPACK_IMPORTED_MODULE_2___default().tmpdir(), 'stagecraft-'));
        // Ctrl-C or a kill mid-build: the temp dir (secret files included) goes too.
        const stopCleanup = (0,_cleanup_js__WEBPACK_IMPORTED_MODULE_5__/* .cleanupOnSignal */ .K9)(() => [tmpDir], signal => err(`stagecraft: interrupted (${signal}); temp files removed`));
        try {
            const result = await (0,_pipeline_run_js__WEBPACK_IMPORTED_MODULE_17__/* .runPipeline */ .aI)(inputs, resolved, {
                docker: new _docker_docker_js__WEBPACK_IMPORTED_MODULE_11__/* .Docker */ .Jg(),
                reporter,
                store,
                layerCacheDir,
                secretScanCacheDir,
                tmpDir,
                key,
                env: {},
                redact
            });
            return emit(result, (0,_report_build_report_js__WEBPACK_IMPORTED_MODULE_6__/* .buildRunReport */ .I)(result, { dockerfile, key, failOn: inputs['fail-on'] }), dockerfile);
        }
        finally {
            stopCleanup();
            node_fs__WEBPACK_IMPORTED_MODULE_1___default().rmSync(tmpDir, { recursive: true, force: true });
        }
    }
    catch (e) {
        err(style.red(`stagecraft: ${redact((0,_errors_js__WEBPACK_IMPORTED_MODULE_12__/* .errorMessage */ .gJ)(e))}`));
        if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_12__/* .InputError */ .dz || e instanceof _cli_args_js__WEBPACK_IMPORTED_MODULE_9__/* .UsageError */ .eb)
            return 2;
        if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_12__/* .EnvironmentError */ .eG)
            return 3;
        return 1;
    }
}
/**
 * The Dockerfile as reports show it: relative to the build context (so the report and its key do not
 * depend on where the CLI was started), or absolute when it lies outside the context.
 */
function contextPath(context, file) {
    if ((0,_inputs_inputs_js__WEBPACK_IMPORTED_MODULE_13__/* .isRemoteContext */ .uN)(context))
        return file;
    const rel = node_path__WEBPACK_IMPORTED_MODULE_3___default().relative(node_path__WEBPACK_IMPORTED_MODULE_3___default().resolve(context), file);
    return rel && !rel.startsWith('..') && !node_path__WEBPACK_IMPORTED_MODULE_3___default().isAbsolute(rel) ? rel : file;
}
// One explicit exit, once everything written is flushed.
const code = await main(process.argv.slice(2));
await (0,_log_js__WEBPACK_IMPORTED_MODULE_20__/* .flushStdio */ .cg)();
process.exit(code);

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 2353:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  _$: () => (/* binding */ HELP),
  eb: () => (/* binding */ UsageError),
  wE: () => (/* binding */ parseCli)
});

;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
// EXTERNAL MODULE: ./src/constants.ts
var constants = __nccwpck_require__(9524);
;// CONCATENATED MODULE: ./src/cli/args.ts
/**
 * Command-line flags → the same input map the action reads, so both front ends share
 * `readInputs` and its validation. Pure: argv in, parsed command out.
 */


class UsageError extends Error {
}
/** Repeatable flags whose values are joined with newlines into one list input. */
const LIST_FLAGS = {
    'build-arg': constants/* Input */.pd.BuildArgs,
    'build-context': constants/* Input */.pd.BuildContexts,
    label: constants/* Input */.pd.Labels,
    tag: constants/* Input */.pd.Tags,
    platform: constants/* Input */.pd.Platforms,
    'cache-from': constants/* Input */.pd.CacheFrom,
    'cache-to': constants/* Input */.pd.CacheTo,
    'secret-file': constants/* Input */.pd.SecretFiles,
    'secret-env': constants/* Input */.pd.SecretEnvs,
    allow: constants/* Input */.pd.AuditAllow,
    'cache-mount': constants/* Input */.pd.CacheMounts,
    'cache-key-file': constants/* Input */.pd.CacheKeyFiles,
    // buildx's own flag names (build-push-action's list inputs).
    'add-host': constants/* Input */.pd.AddHosts,
    'allow-entitlement': constants/* Input */.pd.Allow,
    annotation: constants/* Input */.pd.Annotations,
    attest: constants/* Input */.pd.Attests,
    output: constants/* Input */.pd.Outputs,
    'no-cache-filter': constants/* Input */.pd.NoCacheFilters,
    ssh: constants/* Input */.pd.Ssh,
    ulimit: constants/* Input */.pd.Ulimit
};
const STRING_FLAGS = {
    file: constants/* Input */.pd.File,
    target: constants/* Input */.pd.Target,
    'test-target': constants/* Input */.pd.TestTarget,
    builder: constants/* Input */.pd.Builder,
    'fail-on': constants/* Input */.pd.FailOn,
    'max-size': constants/* Input */.pd.MaxSize,
    'max-increase': constants/* Input */.pd.MaxIncrease,
    'baseline-report': constants/* Input */.pd.BaselineReport,
    'baseline-image': constants/* Input */.pd.BaselineImage,
    'cache-dir': constants/* Input */.pd.CacheDir,
    key: constants/* Input */.pd.CommentKey,
    network: constants/* Input */.pd.Network,
    'shm-size': constants/* Input */.pd.ShmSize,
    'cgroup-parent': constants/* Input */.pd.CgroupParent,
    provenance: constants/* Input */.pd.Provenance,
    sbom: constants/* Input */.pd.Sbom,
    call: constants/* Input */.pd.Call
};
const SHORT = { file: { short: 'f' }, tag: { short: 't' }, output: { short: 'o' } };
const BOOL_FLAGS = {
    push: constants/* Input */.pd.Push,
    load: constants/* Input */.pd.Load,
    pull: constants/* Input */.pd.Pull,
    'no-cache': constants/* Input */.pd.NoCache
};
const HELP = `stagecraft: build a multi-stage Dockerfile, gate on its test stage, report the runner image.

Usage:
  stagecraft [run] [options] [CONTEXT]     build, test-gate, audit and size a local Dockerfile (CONTEXT: .)
  stagecraft audit IMAGE [options]         audit and size any local image (with -f/--target: Dockerfile lines)
  stagecraft compare IMAGE BASELINE        size IMAGE against BASELINE, per layer, by instruction
  stagecraft --help | --version

Build (the same meaning as the action's inputs):
  -f, --file PATH            Dockerfile (default: CONTEXT/Dockerfile)
      --target STAGE         runner stage to build (default: the last stage)
      --test-target STAGE    stage built first as a gate; the run stops if it fails
      --build-arg NAME=VALUE build argument (repeatable)
      --build-context NAME=PATH_OR_IMAGE
                             additional build context (repeatable)
      --label KEY=VALUE      image label (repeatable)
  -t, --tag NAME[:TAG]       image tag (repeatable)
      --platform OS/ARCH     target platform (repeatable)
      --builder NAME         buildx builder (default: the current one)
      --push                 push the runner image after the test stage passed
      --load                 load the image into the engine (implied for non-docker drivers)
      --pull                 always pull newer base images
      --no-cache             do not use the layer cache
      --cache-from SPEC      buildx --cache-from (repeatable)
      --cache-to SPEC        buildx --cache-to (repeatable)
      --secret-file ID=PATH  build secret read from a file (repeatable)
      --secret-env ID=ENV    build secret read from an environment variable (repeatable)
                             (no --secret ID=VALUE: a value on the command line is visible in ps)
      --add-host HOST:IP     extra /etc/hosts entry for RUN steps (repeatable)
      --network MODE         network for RUN steps: default, none or host
      --shm-size SIZE        size of /dev/shm for RUN steps, e.g. 2g
      --ulimit NAME=S[:H]    resource limit for RUN steps, e.g. nofile=1024:1024 (repeatable)
      --ssh default|ID=PATH  ssh agent socket or key for RUN --mount=type=ssh (repeatable)
      --cgroup-parent PATH   parent cgroup for RUN steps
      --allow-entitlement E  buildx --allow, e.g. network.host (--allow is the audit's)
      --no-cache-filter STAGE  build this stage without the cache (repeatable)
      --annotation KEY=VALUE OCI annotation on the runner image (repeatable)
      --provenance VALUE     provenance attestation: true, false or attributes (mode=max)
      --sbom VALUE           SBOM attestation: true, false or attributes (generator=IMAGE)
      --attest SPEC          buildx --attest (repeatable)
  -o, --output SPEC          extra exporter beside the audited image, e.g. type=local,dest=out
      --call METHOD          build (default), check (build checks as findings), outline, targets
      --check                shorthand for --call check

Audit (the runner image):
      --allow-root           do not require a non-root user
      --allow-toolchains     do not fail on compilers, build tools, headers
      --allow PATTERN        accept a finding: rule id, absolute path glob, or rule:glob (repeatable)
      --fail-on SEVERITY     lowest severity that fails: error (default), warning or notice

Size:
      --max-size SIZE        budget, e.g. 250MB or 1.2GiB
      --max-increase D       largest growth against the baseline, e.g. 10% or 20MB
      --baseline-image REF   compare with this image, measured the same way
      --baseline-report FILE compare with an earlier run's JSON report (see --report)
      --key NAME             report key (default: Dockerfile path and target)

Cache mounts:
      --cache-dir DIR        persist RUN --mount=type=cache contents (and audit results) here
      --cache-mount ID       persist only these cache mounts (id or target; repeatable)
      --no-cache-mounts      persist none
      --cache-key-file FILE  files keying the cache entries (default: lockfiles in the context)

Output:
      --json                 print the JSON report on stdout (logs go to stderr)
      --markdown             print the report as the PR comment would show it
      --report FILE          also write the JSON report to FILE
      --sarif FILE           also write the findings as SARIF 2.1.0 to FILE
      --comment FILE         also write the PR comment (Markdown) to FILE
      --color / --no-color   force or disable colours (default: when stdout is a terminal)
  -v, --verbose              print the full build log and every changed path and package
                             (default: a failing build's tail; the first 15 paths and 20 packages, as the PR comment)

Exit codes:
  0  the pipeline passed
  1  the pipeline failed: test stage, build, audit finding at or above --fail-on, or a size budget
  2  bad usage or bad input (a one-line message names the flag)
  3  the environment cannot run it: no Docker engine, no buildx
`;
function parseCli(argv) {
    let parsed;
    try {
        parsed = (0,external_node_util_namespaceObject.parseArgs)({
            args: argv,
            allowPositionals: true,
            strict: true,
            options: {
                ...Object.fromEntries(Object.keys(LIST_FLAGS).map(k => [k, { type: 'string', multiple: true, ...SHORT[k] }])),
                ...Object.fromEntries(Object.keys(STRING_FLAGS).map(k => [k, { type: 'string', ...SHORT[k] }])),
                ...Object.fromEntries(Object.keys(BOOL_FLAGS).map(k => [k, { type: 'boolean' }])),
                json: { type: 'boolean' },
                markdown: { type: 'boolean' },
                report: { type: 'string' },
                sarif: { type: 'string' },
                comment: { type: 'string' },
                'allow-root': { type: 'boolean' },
                'allow-toolchains': { type: 'boolean' },
                'no-cache-mounts': { type: 'boolean' },
                check: { type: 'boolean' },
                color: { type: 'boolean' },
                'no-color': { type: 'boolean' },
                verbose: { type: 'boolean', short: 'v' },
                help: { type: 'boolean', short: 'h' },
                version: { type: 'boolean' }
            }
        });
    }
    catch (e) {
        throw new UsageError(e.message.split('\n')[0]);
    }
    const v = parsed.values;
    const pos = [...parsed.positionals];
    const none = { inputs: {}, images: [], json: false, markdown: false, color: undefined, verbose: false };
    if (v.help || pos[0] === 'help')
        return { command: 'help', ...none };
    if (v.version)
        return { command: 'version', ...none };
    let command = 'run';
    let images = [];
    if (pos[0] === 'audit' || pos[0] === 'compare') {
        command = pos.shift();
        const want = command === 'audit' ? 1 : 2;
        if (pos.length !== want) {
            throw new UsageError(command === 'audit' ? 'audit takes one IMAGE' : 'compare takes IMAGE and BASELINE');
        }
        images = pos.splice(0);
    }
    if (pos[0] === 'run')
        pos.shift();
    if (pos.length > 1)
        throw new UsageError(`expected at most one CONTEXT, got: ${pos.join(' ')}`);
    const inputs = {};
    if (pos[0])
        inputs[constants/* Input */.pd.Context] = pos[0];
    for (const [flag, input] of Object.entries(LIST_FLAGS)) {
        const vals = v[flag] ?? [];
        if (vals.length)
            inputs[input] = vals.join('\n');
    }
    for (const [flag, input] of Object.entries(STRING_FLAGS)) {
        const val = v[flag];
        if (val !== undefined)
            inputs[input] = val;
    }
    for (const [flag, input] of Object.entries(BOOL_FLAGS))
        if (v[flag])
            inputs[input] = 'true';
    if (v['allow-root'])
        inputs[constants/* Input */.pd.RequireNonRoot] = 'false';
    if (v['allow-toolchains'])
        inputs[constants/* Input */.pd.ForbidToolchains] = 'false';
    if (v['no-cache-mounts'])
        inputs[constants/* Input */.pd.CacheMounts] = 'false';
    if (v.check)
        inputs[constants/* Input */.pd.Call] = 'check';
    const color = v['no-color'] ? false : v.color ? true : undefined;
    return {
        command,
        images,
        inputs,
        json: Boolean(v.json),
        markdown: Boolean(v.markdown),
        reportFile: v.report,
        sarifFile: v.sarif,
        commentFile: v.comment,
        color,
        verbose: Boolean(v.verbose)
    };
}


/***/ }),

/***/ 2680:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   u: () => (/* binding */ runImageCommand)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(2174);
/* harmony import */ var _plan_dockerfile_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(2439);
/* harmony import */ var _baseline_baseline_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(1286);
/* harmony import */ var _pipeline_examine_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(8169);
/* harmony import */ var _pipeline_phase_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(9135);
/**
 * `stagecraft audit IMAGE` and `stagecraft compare IMAGE BASELINE`: the audit and size phases on
 * any local image, no build. With a Dockerfile (-f/--target) findings point at its lines.
 */







/** An image-only plan: no Dockerfile, so no lines (0) and everything attributed to the image. */
function planFor(cmd) {
    if (!cmd.dockerfile) {
        const target = { index: 0, base: cmd.image, line: 0, endLine: 0, instructions: [] };
        return { plan: { stages: [], cacheMounts: [], secretMounts: [] }, target, path: '' };
    }
    if (!node_fs__WEBPACK_IMPORTED_MODULE_0___default().existsSync(cmd.dockerfile.path))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('file', `Dockerfile not found: ${cmd.dockerfile.path}`);
    const plan = (0,_plan_dockerfile_js__WEBPACK_IMPORTED_MODULE_2__/* .parseDockerfile */ .Ai)(node_fs__WEBPACK_IMPORTED_MODULE_0___default().readFileSync(cmd.dockerfile.path, 'utf8'));
    const target = cmd.dockerfile.target ? (0,_plan_dockerfile_js__WEBPACK_IMPORTED_MODULE_2__/* .findStage */ .U9)(plan, cmd.dockerfile.target) : plan.stages[plan.stages.length - 1];
    if (!target)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('target', `no stage "${cmd.dockerfile.target}" in the Dockerfile; its stages are: ${(0,_plan_dockerfile_js__WEBPACK_IMPORTED_MODULE_2__/* .stageList */ .zt)(plan)}`);
    return { plan, target, path: cmd.dockerfile.path };
}
async function runImageCommand(cmd) {
    const { plan, target } = planFor(cmd);
    const info = await cmd.docker.inspectImage(cmd.image);
    if (!info)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .EnvironmentError */ .eG(`image ${cmd.image} is not in the local image store`);
    const result = {
        phases: [],
        testResult: 'skipped',
        runnerStage: target.name ?? 'image',
        warnings: [],
        cacheMounts: [],
        budgets: [],
        image: { imageId: info.Id, metadata: '{}', tags: info.RepoTags ?? [], inEngine: true }
    };
    const timed = (name, fn) => (0,_pipeline_phase_js__WEBPACK_IMPORTED_MODULE_5__/* .phase */ .O)(result, cmd, name, fn);
    // The baseline is an input: one that does not resolve fails before the image is read.
    result.baseline = await timed('Baseline', () => (0,_baseline_baseline_js__WEBPACK_IMPORTED_MODULE_3__/* .loadBaseline */ .oU)({
        baselineReport: cmd.baseline ? '' : cmd.inputs['baseline-report'],
        baselineImage: cmd.baseline ?? cmd.inputs['baseline-image'],
        key: cmd.key,
        docker: cmd.docker,
        layerCacheDir: cmd.layerCacheDir
    }));
    await (0,_pipeline_examine_js__WEBPACK_IMPORTED_MODULE_4__/* .examineImage */ .Tl)(result, {
        docker: cmd.docker,
        reporter: cmd.reporter,
        source: { kind: 'engine', ref: info.Id },
        label: cmd.image,
        dockerfile: { plan, target },
        secrets: [],
        options: {
            requireNonRoot: cmd.inputs['require-non-root'],
            forbidToolchains: cmd.inputs['forbid-toolchains'],
            allow: cmd.inputs['audit-allow'],
            failOn: cmd.inputs['fail-on']
        },
        audit: cmd.audit,
        layerCacheDir: cmd.layerCacheDir,
        baseline: result.baseline,
        budgets: { maxSize: cmd.inputs['max-size'], maxIncrease: cmd.inputs['max-increase'] }
    }, timed);
    if (!cmd.audit)
        result.audit = undefined;
    return result;
}


/***/ }),

/***/ 9990:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  lm: () => (/* binding */ COLORS),
  tZ: () => (/* binding */ PLAIN),
  RB: () => (/* binding */ logTail),
  bF: () => (/* binding */ renderTerminal)
});

// UNUSED EXPORTS: DEFAULT_COLUMNS, table, wrapText

// EXTERNAL MODULE: ./src/report/markdown.ts + 2 modules
var markdown = __nccwpck_require__(4436);
// EXTERNAL MODULE: ./src/size/units.ts
var units = __nccwpck_require__(6252);
;// CONCATENATED MODULE: ./src/report/cache-mounts.ts
/** The cache-mount section of the job summary, as Markdown. Pure. */


/**
 * One row per persisted cache: restore outcome (hit / partial / miss / warm), what was restored,
 * save outcome and size, and the time of each phase (store transfer + helper build). Skipped and
 * failed mounts get a note under the table. Empty string when there are no reports.
 */
function cache_mounts_renderCacheMountSummary(reports, opts = {}) {
    if (reports.length === 0)
        return '';
    const rows = new Map();
    for (const r of reports) {
        const k = r.keys?.prefix ?? `${r.id}|${r.lines.join(',')}`;
        const row = rows.get(k) ?? {};
        row[r.phase] = r;
        rows.set(k, row);
    }
    const out = ['### Cache mounts', ''];
    if (opts.store)
        out.push(`Store: ${opts.store}.`, '');
    out.push('| Cache mount | Restore | Restored | Restore time | Save | Saved | Save time |');
    out.push('|---|---|---|---:|---|---|---:|');
    const notes = [];
    for (const { restore, save } of rows.values()) {
        const any = (restore ?? save);
        const name = mountName(any);
        out.push(`| ${name} | ${label(restore)} | ${restore && restored(restore) ? size(restore) : '—'} | ${time(restore)} ` +
            `| ${label(save)} | ${save?.outcome === 'saved' ? size(save) : '—'} | ${time(save)} |`);
        for (const r of [restore, save])
            if (r?.message)
                notes.push(`- ${name} (${r.phase}): ${escapeCell(r.message)}`);
    }
    if (notes.length)
        out.push('', ...notes);
    return out.join('\n') + '\n';
}
const LABELS = {
    hit: 'hit',
    partial: 'partial hit (older key)',
    miss: 'miss',
    warm: 'already in builder',
    saved: 'saved',
    unchanged: 'unchanged, not saved',
    empty: 'empty, not saved',
    exists: 'already stored',
    skipped: 'skipped',
    failed: '⚠️ failed'
};
function label(r) {
    return r ? (LABELS[r.outcome] ?? r.outcome) : '—';
}
function restored(r) {
    return r.outcome === 'hit' || r.outcome === 'partial' || r.outcome === 'warm';
}
function size(r) {
    return `${formatBytes(r.bytes)} (${r.files} files)`;
}
function time(r) {
    if (!r || r.outcome === 'skipped')
        return '—';
    return `${((r.storeMs + r.buildMs) / 1000).toFixed(1)} s`;
}
function mountName(r) {
    const targets = r.targets.filter(t => t.replace(/\/+$/, '') !== r.id);
    const name = targets.length ? `\`${r.id}\` → ${targets.map(t => `\`${t}\``).join(', ')}` : `\`${r.id}\``;
    return escapeCell(`${name} (line ${r.lines.join(', ')})`);
}

;// CONCATENATED MODULE: ./src/report/summary.ts
/** The job summary (pure): the report Markdown (same as the PR comment), then the run's details. */


const ICON = { ok: '✅', failed: '❌', skipped: '⏭️' };
function formatDuration(ms) {
    if (ms < 1000)
        return `${ms} ms`;
    const s = ms / 1000;
    if (s < 60)
        return `${s.toFixed(1)} s`;
    return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}
/** A fenced code block whose fence is longer than any backtick run inside `text`. */
function codeBlock(text, lang = 'text') {
    const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map(m => m.length));
    const fence = '`'.repeat(longest + 1);
    return `${fence}${lang}\n${text}\n${fence}`;
}
function renderSummary(r, report, cacheStore) {
    const out = [renderReport(report), ''];
    if (r.failure)
        out.push(`**Stopped:** ${escapeCell(r.failure)}`, '');
    out.push('| Phase | Outcome | Duration |', '| --- | --- | ---: |');
    for (const p of r.phases) {
        const why = p.outcome !== 'ok' && p.reason ? `: ${escapeCell(p.reason)}` : '';
        out.push(`| ${escapeCell(p.name)} | ${ICON[p.outcome]} ${p.outcome}${why} | ${formatDuration(p.durationMs)} |`);
    }
    out.push('');
    if (r.failedLogTail?.length) {
        out.push(`<details open><summary>Last ${r.failedLogTail.length} lines of the failing build's log</summary>`, '');
        out.push(codeBlock(r.failedLogTail.join('\n')), '', '</details>', '');
    }
    const mounts = r.cacheMounts;
    if (mounts.length)
        out.push(renderCacheMountSummary(mounts, { store: cacheStore }), '');
    if (r.layerCache)
        out.push(`Layer cache: ${escapeCell(r.layerCache.reason)}.`, '');
    for (const w of r.warnings)
        out.push('> [!WARNING]', `> ${escapeCell(w)}`, '');
    const read = r.audit?.source;
    if (read?.reader) {
        const how = {
            'oci-layout': "the build's own OCI layout",
            'engine-export': "the engine's image export (docker save)",
            cache: 'the audit layer cache alone'
        }[read.reader];
        out.push(`<sub>Image read from ${how}: ${read.streamed} layer${read.streamed === 1 ? '' : 's'} read, ${read.cached} from the audit layer cache.</sub>`, '');
    }
    if (r.engine)
        out.push(`<sub>engine ${r.engine.server} · buildx ${r.engine.buildx} · builder ${r.engine.builder} (${r.engine.driver})</sub>`, '');
    return out.join('\n');
}

// EXTERNAL MODULE: ./src/audit/evidence-path.ts
var evidence_path = __nccwpck_require__(9406);
;// CONCATENATED MODULE: ./src/cli/terminal.ts




const wrap = (open, close) => (s) => `\u001b[${open}m${s}\u001b[${close}m`;
const COLORS = { bold: wrap(1, 22), dim: wrap(2, 22), red: wrap(31, 39), green: wrap(32, 39), yellow: wrap(33, 39) };
const PLAIN = { bold: s => s, dim: s => s, red: s => s, green: s => s, yellow: s => s };
// eslint-disable-next-line no-control-regex
const visible = (s) => s.replace(/\u001b\[[0-9;]*m/g, '').length;
/**
 * Left-aligned text table; columns sized to their widest cell. A cell holding line breaks spans as
 * many terminal lines (the other cells of its row stay on the first).
 */
function table(rows, style, rightAlign = []) {
    const widths = rows[0].map((_, c) => Math.max(...rows.flatMap(r => (r[c] ?? '').split('\n').map(visible))));
    return rows
        .flatMap((r, i) => {
        const cells = r.map(cell => cell.split('\n'));
        const height = Math.max(...cells.map(c => c.length));
        return Array.from({ length: height }, (_, k) => {
            const line = cells
                .map((lines, c) => {
                const cell = lines[k] ?? '';
                const pad = ' '.repeat(widths[c] - visible(cell));
                return rightAlign.includes(c) ? pad + cell : cell + pad;
            })
                .join('  ')
                .trimEnd();
            return i === 0 ? style.bold(line) : line;
        });
    })
        .join('\n');
}
/** Break `text` into lines of at most `width` characters at blanks (a longer word gets its own line). */
function wrapText(text, width) {
    const lines = [];
    let line = '';
    for (const word of text.split(/\s+/).filter(Boolean)) {
        if (line && line.length + 1 + word.length > width) {
            lines.push(line);
            line = word;
        }
        else
            line = line ? `${line} ${word}` : word;
    }
    if (line)
        lines.push(line);
    return lines.join('\n');
}
const SEV = { error: 'red', warning: 'yellow', notice: 'dim' };
/** Terminal columns the findings table may use when the terminal does not say. */
const DEFAULT_COLUMNS = 120;
function renderTerminal(r, report, s, columns = DEFAULT_COLUMNS, all = false) {
    const out = [];
    const mark = { ok: s.green('ok'), failed: s.red('FAILED'), skipped: s.dim('skipped') };
    out.push('', s.bold(`Stagecraft: ${report.dockerfile} → ${r.runnerStage}`), '');
    out.push(table([['phase', 'outcome', 'time'], ...r.phases.map(p => [p.name, mark[p.outcome], formatDuration(p.durationMs)])], s, [2]));
    for (const p of r.phases)
        if (p.outcome !== 'ok' && p.reason)
            out.push(s.dim(`  ${p.name}: ${p.reason}`));
    out.push('');
    const test = r.testResult === 'skipped'
        ? s.dim('skipped (no --test-target)')
        : r.testResult === 'passed'
            ? s.green(`${r.testStage} passed`)
            : s.red(`${r.testStage} FAILED`);
    out.push(`test stage  ${test}`);
    if (r.image) {
        out.push(`image       ${r.image.imageId}${report.image?.user !== undefined ? `  (user: ${report.image.user || 'root'})` : ''}`);
        if (r.image.tags.length)
            out.push(`tags        ${r.image.tags.join(', ')}`);
        if (r.image.digest)
            out.push(`digest      ${r.image.digest}`);
    }
    if (r.size) {
        const d = r.delta;
        const delta = d
            ? `  ${(d.bytes > d.baseBytes ? s.red : s.green)(`${(0,units/* formatDelta */.CW)(d.bytes - d.baseBytes)} (${(0,units/* formatPercent */.l9)(d.percent)})`)} vs ${d.baseline.description}`
            : '';
        out.push(`size        ${(0,units/* formatBytes */.z3)(r.size.bytes)} (${(0,units/* formatBytes */.z3)(r.size.compressedBytes)} compressed), ${r.size.layerCount} layers${delta}`);
        if (!d && r.baseline?.note)
            out.push(s.dim(`baseline    ${r.baseline.note}`));
    }
    if ((r.platforms?.length ?? 0) > 1) {
        for (const p of r.platforms) {
            const d = p.delta ? `  ${(0,units/* formatDelta */.CW)(p.delta.bytes - p.delta.baseBytes)} (${(0,units/* formatPercent */.l9)(p.delta.percent)})` : '';
            const audit = p.audit.failing
                ? s.red(`${p.audit.failing} failing`)
                : s.green(p.audit.findings.length ? `${p.audit.findings.length} below fail-on` : 'clean');
            out.push(`  ${p.platform.padEnd(16)} ${(0,units/* formatBytes */.z3)(p.size.bytes)} (${(0,units/* formatBytes */.z3)(p.size.compressedBytes)} compressed)${d}, audit ${audit}`);
        }
    }
    for (const b of r.budgets)
        out.push(s.red(`budget      ${b.message}`));
    if (r.checks) {
        out.push(`checks      ${r.checks.length === 0 ? s.green('no build check warnings') : `${r.checks.length} build check finding${r.checks.length === 1 ? '' : 's'}`}`);
        for (const c of r.checks)
            out.push(`  ${s[SEV[c.severity]](c.severity)} ${c.file ?? report.dockerfile}:${c.line ?? 1} ${c.rule} ${c.message}`);
    }
    if (r.audit) {
        const f = r.audit.findings;
        out.push(`audit       ${f.length === 0 ? s.green('clean') : `${f.length} finding${f.length === 1 ? '' : 's'}, ${r.audit.failing} failing`}${r.audit.allowed.length ? `, ${r.audit.allowed.length} allowed` : ''}`);
        if (f.length) {
            out.push('');
            const rows = f.map(x => [
                s[SEV[x.severity]](x.severity),
                x.rule,
                x.platform ?? '',
                x.evidence.line ? String(x.evidence.line) : '',
                shorten((0,evidence_path/* evidencePath */.Z)(x.evidence) ?? '', 48),
                x.evidence.bytes ? (0,units/* formatBytes */.z3)(x.evidence.bytes) : '',
                x.message
            ]);
            // The finding column takes what the others leave; its text wraps, never cut (the fix is at the end).
            const head = ['severity', 'rule', 'platform', 'line', 'path', 'bytes', 'finding'];
            const used = head.slice(0, -1).reduce((n, h, c) => n + Math.max(visible(h), ...rows.map(r => visible(r[c]))) + 2, 0);
            const width = Math.max(40, columns - used);
            out.push(table([head, ...rows.map(r => [...r.slice(0, -1), wrapText(r[r.length - 1], width)])], s, [3, 5]));
        }
        for (const p of r.audit.unusedAllow ?? [])
            out.push(s.yellow(`warning: audit-allow pattern "${p}" matched no finding (a typo, or no longer needed)`));
    }
    if (r.delta) {
        const changed = r.delta.layers.filter(l => l.status !== 'same');
        if (changed.length) {
            out.push('', s.bold('layer changes against the baseline'));
            out.push(table([
                ['line', 'instruction', 'size', 'delta'],
                ...changed.map(l => [
                    l.line ? String(l.line) : '',
                    shorten(l.instruction.replace(/\s+# buildkit$/, ''), 70),
                    (0,units/* formatBytes */.z3)(l.bytes),
                    (0,units/* formatDelta */.CW)(l.delta)
                ])
            ], s, [0, 2, 3]));
        }
    }
    if (r.delta?.contents)
        out.push(...contentsLines(r.delta.contents, s, all ? undefined : markdown/* FULL */.eW));
    else if (r.delta?.contentsNote)
        out.push('', s.dim(`no file or package delta: ${r.delta.contentsNote}`));
    for (const w of r.warnings)
        out.push(s.yellow(`warning: ${w}`));
    out.push(...logTail(r, s));
    out.push('', report.verdict.passed ? s.green('✓ passed') : s.red(`✗ ${report.verdict.reasons.join('\n✗ ')}`), '');
    return out.join('\n');
}
/** The failing build's log tail, framed; the CLI writes the same lines to stderr with --json/--markdown. */
function logTail(r, s) {
    if (!r.failedLogTail?.length)
        return [];
    return ['', s.dim(`--- last ${r.failedLogTail.length} lines of the failing build ---`), ...r.failedLogTail, s.dim('---')];
}
function shorten(x, n) {
    return x.length <= n ? x : `${x.slice(0, n - 1)}…`;
}
const STATUS_STYLE = { grown: 'red', added: 'red', shrunk: 'green', removed: 'green' };
/**
 * The directories and packages that changed, capped as the PR comment caps them so the verdict
 * and the biggest changes fit on one screen (`limits` undefined: every row, for --verbose).
 */
function contentsLines(c, s, limits) {
    const out = [];
    const paths = limits ? c.paths.slice(0, limits.paths) : c.paths;
    const packages = limits ? c.packages.slice(0, limits.packages) : c.packages;
    if (c.paths.length) {
        out.push('', s.bold('paths that changed against the baseline'));
        out.push(table([
            ['path', 'change', 'before', 'after', 'delta', 'line'],
            ...paths.map(p => [
                `${p.path}${p.rest ? ' (other files)' : ''}`,
                s[STATUS_STYLE[p.status]](p.status),
                p.before ? (0,units/* formatBytes */.z3)(p.before) : '-',
                p.after ? (0,units/* formatBytes */.z3)(p.after) : '-',
                (0,units/* formatDelta */.CW)(p.delta),
                p.line ? String(p.line) : ''
            ])
        ], s, [2, 3, 4, 5]));
        const note = moreNote(c.paths.length - paths.length, c.omitted?.paths ?? 0);
        if (note)
            out.push(s.dim(note));
    }
    if (c.packages.length) {
        out.push('', s.bold('packages that changed against the baseline'));
        for (const p of packages) {
            const mark = { added: '+', removed: '-', upgraded: '↑', downgraded: '↓' }[p.status];
            const version = p.status === 'added' ? p.after : p.status === 'removed' ? p.before : `${p.before} → ${p.after}`;
            const deps = p.with?.length
                ? ` and ${p.with.length} ${p.with.length === 1 ? 'dependency' : 'dependencies'}${p.withBytes ? ` (${(0,units/* formatDelta */.CW)(p.withBytes)})` : ''}: ${p.with.join(', ')}`
                : '';
            out.push(`  ${mark} ${p.name} ${version} [${p.manager}] (${(0,units/* formatDelta */.CW)(p.delta)})${deps}`);
        }
        const note = moreNote(c.packages.length - packages.length, c.omitted?.packages ?? 0);
        if (note)
            out.push(s.dim(note));
    }
    return out;
}
/** `…N more` under a capped list: `cut` rows --verbose would show, `omitted` ones only the JSON report has. */
function moreNote(cut, omitted) {
    if (cut + omitted === 0)
        return undefined;
    return `  …${cut + omitted} more in the JSON report (--json)${cut ? `; --verbose shows ${cut === cut + omitted ? 'them' : `${cut} of them`}` : ''}`;
}


/***/ }),

/***/ 9524:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   PC: () => (/* binding */ TEST_LOG_TAIL_LINES),
/* harmony export */   pd: () => (/* binding */ Input)
/* harmony export */ });
/* unused harmony export Output */
/** Names of action.yml inputs and outputs, in one place. */
var Input;
(function (Input) {
    Input["Context"] = "context";
    Input["File"] = "file";
    Input["Target"] = "target";
    Input["TestTarget"] = "test-target";
    Input["BuildArgs"] = "build-args";
    Input["BuildContexts"] = "build-contexts";
    Input["Labels"] = "labels";
    Input["Tags"] = "tags";
    Input["Push"] = "push";
    Input["Load"] = "load";
    Input["Platforms"] = "platforms";
    Input["Builder"] = "builder";
    Input["Pull"] = "pull";
    Input["NoCache"] = "no-cache";
    Input["CacheFrom"] = "cache-from";
    Input["CacheTo"] = "cache-to";
    Input["Secrets"] = "secrets";
    Input["SecretFiles"] = "secret-files";
    Input["SecretEnvs"] = "secret-envs";
    Input["GithubToken"] = "github-token";
    Input["RequireNonRoot"] = "require-non-root";
    Input["ForbidToolchains"] = "forbid-toolchains";
    Input["AuditAllow"] = "audit-allow";
    Input["FailOn"] = "fail-on";
    Input["MaxSize"] = "max-size";
    Input["MaxIncrease"] = "max-increase";
    Input["BaselineReport"] = "baseline-report";
    Input["BaselineImage"] = "baseline-image";
    Input["Comment"] = "comment";
    Input["CommentKey"] = "comment-key";
    Input["CheckName"] = "check-name";
    Input["CacheMounts"] = "cache-mounts";
    Input["CacheKeyFiles"] = "cache-key-files";
    Input["CacheDir"] = "cache-dir";
    // docker/build-push-action's inputs that only feed buildx flags.
    Input["AddHosts"] = "add-hosts";
    Input["Allow"] = "allow";
    Input["Annotations"] = "annotations";
    Input["Attests"] = "attests";
    Input["Call"] = "call";
    Input["CgroupParent"] = "cgroup-parent";
    Input["Network"] = "network";
    Input["NoCacheFilters"] = "no-cache-filters";
    Input["Outputs"] = "outputs";
    Input["Provenance"] = "provenance";
    Input["Sbom"] = "sbom";
    Input["ShmSize"] = "shm-size";
    Input["Ssh"] = "ssh";
    Input["Ulimit"] = "ulimit";
    Input["Mode"] = "mode";
    Input["ReportFile"] = "report-file";
})(Input || (Input = {}));
var Output;
(function (Output) {
    Output["ImageId"] = "imageid";
    Output["Digest"] = "digest";
    Output["Metadata"] = "metadata";
    Output["TestResult"] = "test-result";
    Output["Findings"] = "findings";
    Output["Report"] = "report";
    Output["Sarif"] = "sarif";
    Output["Size"] = "size";
    Output["CompressedSize"] = "compressed-size";
    Output["SizeDelta"] = "size-delta";
    Output["SizeDeltaPercent"] = "size-delta-percent";
    Output["Platforms"] = "platforms";
    Output["CommentMarkdown"] = "comment-markdown";
    Output["CommentFile"] = "comment-file";
})(Output || (Output = {}));
/** Lines of the failing test stage's log copied to the job summary. */
const TEST_LOG_TAIL_LINES = 40;


/***/ }),

/***/ 9645:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   H9: () => (/* binding */ parseBuilderInspect),
/* harmony export */   VJ: () => (/* binding */ versionParts),
/* harmony export */   zy: () => (/* binding */ versionAtLeast)
/* harmony export */ });
/* unused harmony exports builderFeatures, buildkitAtLeast */
/**
 * What a buildx builder is and can do, parsed from `docker [--debug] buildx inspect`, and the
 * version comparisons the build needs (buildx for `--call`, BuildKit for exporters and the cache
 * service). Pure.
 */
/** Parse `docker [--debug] buildx inspect` text output. */
function parseBuilderInspect(text) {
    const get = (key) => text.match(new RegExp(`^${key}:\\s*(.*)$`, 'm'))?.[1]?.trim() ?? '';
    const platforms = get('Platforms')
        .split(',')
        .map(p => p.replace('*', '').trim())
        .filter(Boolean);
    const driver = get('Driver');
    const buildkit = get('BuildKit version') || get('BuildKit') || undefined;
    return { name: get('Name'), driver, platforms, buildkit, features: builderFeatures(text, driver, buildkit) };
}
/**
 * The builder's features: buildx's own list when it printed one (the `Features:` block of
 * `docker --debug buildx inspect`, buildx 0.13+), else inferred the way buildx itself decides:
 * the docker driver can export OCI and build multi-platform only on the containerd store (its
 * worker then carries a snapshotter label); the other drivers always can.
 */
function builderFeatures(text, driver, buildkit) {
    const listed = new Map();
    const block = text.match(/^Features:\n((?:[ \t]+.*\n?)*)/m)?.[1] ?? '';
    for (const line of block.split('\n')) {
        const m = line.match(/^\s+(.+?):\s+(true|false)\s*$/);
        if (m)
            listed.set(m[1].toLowerCase(), m[2] === 'true');
    }
    const multipleExporters = buildkitAtLeast(buildkit, 0, 13, driver === 'docker');
    if (listed.has('oci exporter')) {
        return { ociExporter: listed.get('oci exporter'), multiPlatform: listed.get('multi-platform build') ?? false, multipleExporters, source: 'buildx' };
    }
    const capable = driver !== 'docker' || /org\.mobyproject\.buildkit\.worker\.snapshotter:/.test(text);
    return { ociExporter: capable, multiPlatform: capable, multipleExporters, source: 'inferred' };
}
/**
 * Whether a BuildKit version is at least major.minor. Versions the build did not stamp
 * (`v0.0.0+unknown`, distribution builds of the engine) count as recent when `unknownIsRecent`
 * (the docker driver: its BuildKit is the engine's, and an engine with the buildx this needs has 0.13+).
 */
function buildkitAtLeast(version, major, minor, unknownIsRecent) {
    const v = versionParts(version);
    if (!v)
        return unknownIsRecent;
    return v[0] > major || (v[0] === major && v[1] >= minor);
}
/** `v0.13.2`, `26.1.5+dfsg1` → [0, 13, 2], [26, 1, 5]; undefined when unparseable or unstamped (`v0.0.0+unknown`). */
function versionParts(v) {
    const m = v?.match(/(\d+)\.(\d+)(?:\.(\d+))?/);
    if (!m)
        return undefined;
    const parts = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
    return parts.every(n => n === 0) ? undefined : parts;
}
/** Version `a` is at least `b` (`0.13.1+ds1`, `v0.15.0-desktop.1`...); an unparseable `a` is not. */
function versionAtLeast(a, b) {
    const x = versionParts(a);
    const y = versionParts(b) ?? [0, 0, 0];
    if (!x)
        return false;
    for (let i = 0; i < 3; i++)
        if (x[i] !== y[i])
            return x[i] > y[i];
    return true;
}


/***/ }),

/***/ 4527:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   ab: () => (/* binding */ stopDockerProcesses),
/* harmony export */   yH: () => (/* binding */ trackChild)
/* harmony export */ });
/* unused harmony export runningDockerPids */
const running = new Set();
/** Remember `child` until it exits (the gateway calls this for every docker process it spawns). */
function trackChild(child) {
    running.add(child);
    const forget = () => running.delete(child);
    child.once('exit', forget);
    child.once('error', forget);
}
/** The docker processes still running, by pid. */
function runningDockerPids() {
    return [...running].flatMap(c => (c.pid === undefined ? [] : [c.pid]));
}
/** Send `signal` to every docker process still running; returns how many were signalled. Never throws. */
function stopDockerProcesses(signal = 'SIGTERM') {
    let n = 0;
    for (const child of running) {
        try {
            if (child.kill(signal))
                n++;
        }
        catch {
            // already gone
        }
    }
    return n;
}


/***/ }),

/***/ 6257:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Jg: () => (/* binding */ Docker)
});

// UNUSED EXPORTS: QUERY_TIMEOUT_MS, REGISTRY_TIMEOUT_MS, callName, lineSplitter, runDocker

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: external "node:string_decoder"
const external_node_string_decoder_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:string_decoder");
// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(2174);
// EXTERNAL MODULE: ./src/docker/builder.ts
var builder = __nccwpck_require__(9645);
;// CONCATENATED MODULE: external "node:http"
const external_node_http_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");
var external_node_http_default = /*#__PURE__*/__nccwpck_require__.n(external_node_http_namespaceObject);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __nccwpck_require__(7075);
// EXTERNAL MODULE: ./src/log.ts
var log = __nccwpck_require__(1107);
// EXTERNAL MODULE: ./src/docker/children.ts
var children = __nccwpck_require__(4527);
;// CONCATENATED MODULE: ./src/docker/text.ts
/** Small text helpers for the engine's messages. */
/** The first non-blank line, trimmed: what an error message quotes of the engine's stderr. */
function firstLine(s) {
    return (s.split('\n').find(l => l.trim()) ?? '').trim();
}
/** `1.5 s`, `300 s`: a duration for a message. */
function seconds(ms) {
    return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}
/** What a docker call keeps of its stderr (error messages quote it): the last 64 KiB. */
const STDERR_TAIL_CHARS = 64 * 1024;
/** What a docker call keeps of a stdout that is a log (a build's): the last 64 KiB; the rest only streams. */
const LOG_TAIL_CHARS = 64 * 1024;
/** A longer output line is cut to this many characters (the rest is dropped, and the cut says so). */
const MAX_LINE_CHARS = 64 * 1024;

;// CONCATENATED MODULE: ./src/docker/save.ts
/**
 * Streaming the image export (`docker save`): from the engine's API socket when there is a local
 * one, else from the CLI. A stuck export is cut after EXPORT_IDLE_MS without data.
 */







/** The image export may go quiet this long before it counts as stuck. */
const EXPORT_IDLE_MS = 300_000;
/** A settled-later promise that never counts as unhandled (the caller may look at it late). */
function quiet(p) {
    p.catch(() => { });
    return p;
}
function ended() {
    return external_node_stream_.Readable.from([]);
}
function saveViaApi(socketPath, ref) {
    const fail = (why) => new errors/* EnvironmentError */.eG(`docker save ${ref} failed: ${why}`);
    return new Promise(resolve => {
        const req = external_node_http_default().request({ socketPath, method: 'GET', path: `/images/get?names=${encodeURIComponent(ref)}` });
        // A stuck export (no byte for EXPORT_IDLE_MS) is cut and says so, instead of hanging the step.
        req.setTimeout(EXPORT_IDLE_MS, () => req.destroy(new Error(`the engine sent nothing for ${seconds(EXPORT_IDLE_MS)}`)));
        req.on('response', res => {
            if (res.statusCode !== 200) {
                let body = '';
                res.on('data', (c) => (body += c.toString('utf8')));
                const done = quiet(new Promise((_ok, ko) => res.on('end', () => {
                    let message = body.trim();
                    try {
                        message = JSON.parse(body).message ?? message;
                    }
                    catch {
                        // not JSON: keep the text
                    }
                    ko(fail(firstLine(message) || `HTTP ${res.statusCode}`));
                })));
                resolve({ stream: ended(), done });
                return;
            }
            const done = quiet(new Promise((ok, ko) => {
                res.on('end', ok);
                res.on('error', e => ko(fail((0,errors/* errorMessage */.gJ)(e))));
                req.on('error', e => ko(fail((0,errors/* errorMessage */.gJ)(e))));
                res.on('close', () => (res.readableEnded ? ok() : ko(fail('the stream was cut short'))));
            }));
            resolve({ stream: res, done });
        });
        req.on('error', e => resolve({ stream: ended(), done: quiet(Promise.reject(fail((0,errors/* errorMessage */.gJ)(e)))) }));
        req.end();
    });
}
function saveViaCli(ref) {
    const child = (0,external_node_child_process_namespaceObject.spawn)('docker', ['save', ref], { stdio: ['ignore', 'pipe', 'pipe'] });
    (0,children/* trackChild */.yH)(child);
    const stderr = new log/* TailText */.i_(STDERR_TAIL_CHARS);
    child.stderr.setEncoding('utf8').on('data', (c) => stderr.push(c));
    let idle = false;
    let watchdog;
    const arm = () => {
        clearTimeout(watchdog);
        watchdog = setTimeout(() => {
            idle = true;
            child.kill('SIGKILL');
        }, EXPORT_IDLE_MS);
        watchdog.unref();
    };
    arm();
    child.stdout.on('data', arm);
    const done = quiet(new Promise((resolve, reject) => {
        child.on('error', reject);
        child.on('close', code => {
            clearTimeout(watchdog);
            if (idle)
                reject(new errors/* EnvironmentError */.eG(`docker save ${ref} failed: no data for ${seconds(EXPORT_IDLE_MS)}, stopped`));
            else if (code === 0)
                resolve();
            else
                reject(new errors/* EnvironmentError */.eG(`docker save ${ref} failed: ${firstLine(stderr.get()) || `exit ${code}`}`));
        });
    }));
    return { stream: child.stdout, done };
}

;// CONCATENATED MODULE: ./src/docker/docker.ts
/**
 * The gateway to the Docker engine and buildx: the only module that runs `docker`.
 * Everything else receives a `Docker` and gets data back.
 */








/**
 * Run `docker ARGS`, streaming whole lines to `onLine` (decoded across chunk boundaries, so a
 * multibyte character split between two reads stays whole) and keeping bounded tails of the logs:
 * a build's output of any size costs the same memory. Never throws on a non-zero exit; a missing
 * docker CLI is an EnvironmentError, and so is a call that outlives its `timeoutMs` (it is
 * stopped, and the error names the call). The child is tracked, so a cancelled run stops it.
 */
const runDocker = (args, opts = {}) => new Promise((resolve, reject) => {
    const child = (0,external_node_child_process_namespaceObject.spawn)('docker', args, { env: { ...process.env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    (0,children/* trackChild */.yH)(child);
    const stdoutIsLog = (opts.stdout ?? (opts.onLine ? 'log' : 'data')) === 'log';
    const data = [];
    const outTail = new log/* TailText */.i_(LOG_TAIL_CHARS);
    const errTail = new log/* TailText */.i_(STDERR_TAIL_CHARS);
    const o = stdoutIsLog ? lineSplitter(opts.onLine, t => outTail.push(t)) : lineSplitter(undefined, t => data.push(t));
    const e = lineSplitter(opts.onLine, t => errTail.push(t));
    child.stdout.on('data', o.feed);
    child.stderr.on('data', e.feed);
    let settled = false;
    const timer = opts.timeoutMs
        ? setTimeout(() => {
            // Settle now: whatever the process left holding its pipes must not keep the step waiting.
            settled = true;
            child.kill('SIGTERM');
            setTimeout(() => child.kill('SIGKILL'), 5000).unref();
            child.stdout.destroy();
            child.stderr.destroy();
            reject(new errors/* EnvironmentError */.eG(`docker ${callName(args)} did not answer within ${seconds(opts.timeoutMs)} and was stopped`));
        }, opts.timeoutMs)
        : undefined;
    child.on('error', error => {
        if (timer)
            clearTimeout(timer);
        if (settled)
            return;
        settled = true;
        if (error.code === 'ENOENT')
            reject(new errors/* EnvironmentError */.eG('docker CLI not found on PATH; install the docker client (see scripts/setup-engine.sh)'));
        else
            reject(error);
    });
    child.on('close', code => {
        if (timer)
            clearTimeout(timer);
        if (settled)
            return;
        settled = true;
        o.flush();
        e.flush();
        resolve({ exitCode: code ?? 1, stdout: stdoutIsLog ? outTail.get() : data.join(''), stderr: errTail.get() });
    });
});
/**
 * Decode output chunks as UTF-8 (a character split between chunks stays whole) and hand each
 * whole line to `onLine` (CRLF or LF; the last line on flush); `onText` gets the decoded text.
 * Only the new text is split: a long line arriving in many chunks costs linear time, not quadratic.
 * A line longer than `maxLine` is cut there (memory stays bounded with no newline in sight).
 */
function lineSplitter(onLine, onText = () => { }, maxLine = MAX_LINE_CHARS) {
    const decoder = new external_node_string_decoder_namespaceObject.StringDecoder('utf8');
    let rest = '';
    let cut = 0;
    const keep = (text) => {
        const room = maxLine - rest.length;
        if (text.length <= room)
            rest += text;
        else {
            rest += text.slice(0, Math.max(0, room));
            cut += text.length - Math.max(0, room);
        }
    };
    const emit = (line) => {
        const whole = line.endsWith('\r') ? line.slice(0, -1) : line;
        onLine(cut ? `${whole} [${cut} more characters of this line not shown]` : whole);
        cut = 0;
    };
    const take = (text) => {
        onText(text);
        if (!onLine)
            return;
        const parts = text.split('\n');
        keep(parts[0]);
        if (parts.length === 1)
            return;
        emit(rest);
        rest = '';
        const last = parts.pop() ?? '';
        for (let i = 1; i < parts.length; i++) {
            keep(parts[i]);
            emit(rest);
            rest = '';
        }
        keep(last);
    };
    return {
        feed: chunk => take(decoder.write(chunk)),
        flush: () => {
            take(decoder.end());
            if ((rest || cut) && onLine)
                emit(rest);
            rest = '';
        }
    };
}
/** `buildx imagetools inspect`, `image inspect`: the command words of a docker call, for messages. */
function callName(args) {
    return args
        .filter(a => !a.startsWith('-'))
        .slice(0, 3)
        .join(' ');
}
/** How long the engine gets to answer a question (not a build: builds take what they take). */
const QUERY_TIMEOUT_MS = 60_000;
/** A registry round trip (imagetools). */
const REGISTRY_TIMEOUT_MS = 120_000;
class Docker {
    run;
    constructor(run = runDocker) {
        this.run = run;
    }
    /** Fail with one line when no engine answers or buildx is missing. Returns versions. */
    async preflight(builder) {
        const v = await this.run(['version', '--format', '{{.Server.Version}}'], { timeoutMs: QUERY_TIMEOUT_MS });
        if (v.exitCode !== 0 || !v.stdout.trim()) {
            const why = firstLine(v.stderr) || 'no answer';
            throw new errors/* EnvironmentError */.eG(`no Docker engine reachable (${why}); start one, e.g. with scripts/setup-engine.sh`);
        }
        const bx = await this.run(['buildx', 'version'], { timeoutMs: QUERY_TIMEOUT_MS });
        if (bx.exitCode !== 0) {
            throw new errors/* EnvironmentError */.eG('docker buildx is missing: install the buildx CLI plugin (see scripts/setup-engine.sh)');
        }
        const info = await this.builder(builder);
        const store = await this.run(['info', '--format', '{{json .DriverStatus}}'], { timeoutMs: QUERY_TIMEOUT_MS });
        return {
            server: v.stdout.trim(),
            buildx: bx.stdout.trim().split(/\s+/)[1] ?? bx.stdout.trim(),
            builder: info,
            containerdStore: store.stdout.includes('io.containerd.snapshotter')
        };
    }
    /** `docker buildx inspect [name]`: driver, platforms and features (buildx prints the features in debug mode). */
    async builder(name) {
        const r = await this.run(['--debug', 'buildx', 'inspect', ...(name ? [name] : [])], { timeoutMs: QUERY_TIMEOUT_MS });
        if (r.exitCode !== 0) {
            throw new errors/* EnvironmentError */.eG(`builder: ${name ?? 'default'} not found (${firstLine(r.stderr)})`);
        }
        return (0,builder/* parseBuilderInspect */.H9)(r.stdout);
    }
    /** Run `docker buildx build ARGS`; the log streams to `onLine` (only its tail is kept unless stdout is data). */
    buildx(args, opts = {}) {
        return this.run(['buildx', 'build', ...args], { stdout: 'log', ...opts });
    }
    /** `docker image inspect REF`, or undefined when the image is not in the local store. */
    async inspectImage(ref) {
        const r = await this.run(['image', 'inspect', ref], { timeoutMs: QUERY_TIMEOUT_MS });
        if (r.exitCode !== 0)
            return undefined;
        const parsed = JSON.parse(r.stdout);
        return parsed[0];
    }
    /** A manifest or index as the registry serves it (`docker buildx imagetools inspect --raw`). */
    async registryManifest(ref) {
        const r = await this.run(['buildx', 'imagetools', 'inspect', '--raw', ref], { timeoutMs: REGISTRY_TIMEOUT_MS });
        if (r.exitCode !== 0)
            throw new errors/* EnvironmentError */.eG(`cannot read the manifest of ${ref} from its registry (${firstLine(r.stderr)})`);
        return JSON.parse(r.stdout);
    }
    /** Any other docker command, for the few places that need one (rmi, tag, buildx prune). */
    raw(args, opts) {
        return this.run(args, opts);
    }
    /**
     * Stream the image export (what `docker save REF` writes: config, manifests, layer blobs)
     * without touching disk. Read straight from the engine's API socket when the CLI talks to a
     * local one (no CLI process copying every byte in between), else through `docker save`.
     * The caller must consume `stream` (or destroy it); `done` settles when the export ends.
     */
    async save(ref) {
        const socket = await this.engineSocket();
        return socket ? saveViaApi(socket, ref) : saveViaCli(ref);
    }
    socket;
    /** The unix socket of the engine the CLI uses (DOCKER_HOST, else the current context), if any. */
    engineSocket() {
        this.socket ??= (async () => {
            const host = process.env.DOCKER_HOST;
            if (host)
                return host.startsWith('unix://') ? host.slice('unix://'.length) : undefined;
            const r = await this.run(['context', 'inspect', '--format', '{{.Endpoints.docker.Host}}'], { timeoutMs: QUERY_TIMEOUT_MS });
            const h = r.stdout.trim();
            return r.exitCode === 0 && h.startsWith('unix://') ? h.slice('unix://'.length) : undefined;
        })();
        return this.socket;
    }
}


/***/ }),

/***/ 4283:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   w: () => (/* binding */ base64Variants)
/* harmony export */ });
/** Encodings a secret value is commonly written in, shared by the audit's search and the redactor. */
/**
 * The base64 text of `value` wherever it starts in an encoded stream: for each of the 3 byte
 * alignments, the characters that depend on `value` alone (those mixing in a neighbour's bits, and
 * the `=` padding, are cut).
 */
function base64Variants(value) {
    const out = [];
    for (let k = 0; k < 3; k++) {
        const enc = Buffer.concat([Buffer.alloc(k), value])
            .toString('base64')
            .replace(/=+$/, '');
        // k lead bytes fill ceil(8k/6) characters, of which the last mixes lead and value bits.
        const start = k === 0 ? 0 : k === 1 ? 2 : 3;
        // The last character mixes value bits with padding unless the total is a multiple of 3 bytes.
        const end = (k + value.length) % 3 === 0 ? enc.length : enc.length - 1;
        if (end > start)
            out.push(enc.slice(start, end));
    }
    return out;
}


/***/ }),

/***/ 2174:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   eG: () => (/* binding */ EnvironmentError),
/* harmony export */   gJ: () => (/* binding */ errorMessage)
/* harmony export */ });
/** Errors that carry their own one-line, user-facing message. */
/** A problem with what the user gave us: names the input and what was expected. */
class InputError extends Error {
    input;
    constructor(input, detail) {
        // One line whatever the user typed: a value echoed in `detail` may hold line breaks.
        super(`${input}: ${detail.replace(/\r/g, '\\r').replace(/\n/g, '\\n')}`);
        this.input = input;
        this.name = 'InputError';
    }
}
/** The environment cannot run the pipeline (no engine, no buildx, image vanished...). */
class EnvironmentError extends Error {
    constructor(message) {
        super(message);
        this.name = 'EnvironmentError';
    }
}
/** Normalise anything thrown into a message (never a stack trace as the only message). */
function errorMessage(error) {
    if (error instanceof Error)
        return error.message;
    if (typeof error === 'string')
        return error;
    try {
        return JSON.stringify(error);
    }
    catch {
        return String(error);
    }
}


/***/ }),

/***/ 6171:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   pZ: () => (/* binding */ GlobError),
/* harmony export */   tL: () => (/* binding */ globToRegExp),
/* harmony export */   tZ: () => (/* binding */ globParts)
/* harmony export */ });
/* unused harmony exports MAX_STARS, MAX_GLOBSTARS */
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6310);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(picomatch__WEBPACK_IMPORTED_MODULE_0__);
/**
 * The one glob dialect of Stagecraft, from picomatch (bash-style globs, as in .gitignore-like
 * tools): audit-allow, the audit's signatures and cache-key-files all compile through here.
 * `*` stays within a path segment, `**` spans segments, `?`, `[abc]`, `[!abc]`/`[^abc]`,
 * `[a-z]`, `{a,b}` (nestable, `{,x}` for optional), `\` escapes. Dotfiles match like any file.
 * Unbalanced brackets or braces are an error instead of a silent literal.
 *
 * Globs compile to backtracking RegExps, and k wildcards in one path segment cost up to n^k
 * steps on a name that does not match (`*a*a*a*a*a*a*c` against 200 `a`s runs for minutes). So
 * a glob has at most MAX_STARS `*` per path segment and MAX_GLOBSTARS `**`, and no extglobs; at
 * those bounds the worst case stays in milliseconds for 255-byte names and 4 kB paths.
 */

/** A glob that cannot be compiled; the message says why, in words. */
class GlobError extends Error {
}
const OPTIONS = { dot: true, strictBrackets: true, nonegate: true, noextglob: true };
const MAX_STARS = 3;
const MAX_GLOBSTARS = 2;
/** Compile `glob` to an anchored RegExp. Throws GlobError on unbalanced brackets or braces. */
function globToRegExp(glob) {
    if (/\*{3,}/.test(glob))
        throw new GlobError('three or more `*` in a row');
    if ((glob.match(/\*\*/g) ?? []).length > MAX_GLOBSTARS)
        throw new GlobError(`more than ${MAX_GLOBSTARS} \`**\` (such a glob can take minutes to match)`);
    if (glob.split('/').some(seg => starsOnOnePath(seg.replace(/\*\*/g, '')) > MAX_STARS)) {
        throw new GlobError(`more than ${MAX_STARS} \`*\` in one path segment (such a glob can take minutes to match)`);
    }
    // `[!abc]` is bash's negated class; picomatch reads a leading `!` in a class as extglob.
    const bashClasses = glob.replace(/(^|[^\\])\[!/g, '$1[^');
    try {
        return picomatch__WEBPACK_IMPORTED_MODULE_0___default().makeRe(bashClasses, OPTIONS);
    }
    catch (e) {
        throw new GlobError(inWords(e instanceof Error ? e.message : String(e)));
    }
}
/** The most `*` one alternative of `seg` holds: `{a*,*b*c*}x*` → 4 (braces are alternatives, not a sum). */
function starsOnOnePath(seg) {
    let i = 0;
    const alternatives = (inBraces) => {
        let best = 0;
        let here = 0;
        while (i < seg.length) {
            const c = seg[i++];
            if (c === '\\')
                i++;
            else if (c === '*')
                here++;
            else if (c === '{')
                here += alternatives(true);
            else if (c === ',' && inBraces) {
                best = Math.max(best, here);
                here = 0;
            }
            else if (c === '}' && inBraces)
                break;
        }
        return Math.max(best, here);
    };
    return alternatives(false);
}
/** A glob split at its literal directory (`a/b/*.lock` → `a/b` and `*.lock`); undefined when `s` has no glob syntax. */
function globParts(s) {
    const { isGlob, base, glob } = picomatch__WEBPACK_IMPORTED_MODULE_0___default().scan(s);
    return isGlob ? { base, glob } : undefined;
}
const OPENS = { ']': '[', '}': '{', ')': '(' };
const CLOSES = { '[': ']', '{': '}', '(': ')' };
/** picomatch's `Missing closing: "]" - use …` in our words: `` `[` without a closing `]` ``. */
function inWords(message) {
    const m = /^Missing (closing|opening): "(.)"/.exec(message);
    if (!m)
        return message.split('\n')[0];
    return m[1] === 'closing' ? `\`${OPENS[m[2]]}\` without a closing \`${m[2]}\`` : `unmatched \`${CLOSES[m[2]]}\``;
}


/***/ }),

/***/ 4846:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $i: () => (/* binding */ hasAttestationType),
/* harmony export */   PT: () => (/* binding */ readAttestEnvironment),
/* harmony export */   Rm: () => (/* binding */ defaultProvenance),
/* harmony export */   _Y: () => (/* binding */ resolveProvenanceAttrs),
/* harmony export */   nb: () => (/* binding */ resolveAttestationAttrs),
/* harmony export */   sw: () => (/* binding */ hasExporterType),
/* harmony export */   yg: () => (/* binding */ resolveProvenanceInput)
/* harmony export */ });
/* unused harmony export parseBuildxBool */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var csv_parse_sync__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8471);
/**
 * `provenance`, `sbom` and `attests` resolved the way docker/build-push-action v7 resolves them
 * (its context.ts `getAttestArgs` and @docker/actions-toolkit's `Build` helpers), so the same
 * inputs give the same `--attest` flags. Attribute lists are CSV (csv-parse, as the toolkit does).
 */


function fields(attrs) {
    return (0,csv_parse_sync__WEBPACK_IMPORTED_MODULE_1__/* .parse */ .qg)(attrs, { delimiter: ',', trim: true, columns: false, relax_column_count: true }).flat();
}
/** buildx's ParseBool spellings (what BPA's `Util.parseBool` accepts); undefined for anything else. */
function parseBuildxBool(s) {
    if (['1', 't', 'T', 'true', 'TRUE', 'True'].includes(s))
        return true;
    if (['0', 'f', 'F', 'false', 'FALSE', 'False'].includes(s))
        return false;
    return undefined;
}
/** Whether an attribute list (`type=sbom,generator=x`) has `type=NAME`. */
function hasAttestationType(name, attrs) {
    return fields(attrs).some(f => {
        const [k, v] = f.split('=').map(x => x.trim());
        return k === 'type' && v === name;
    });
}
/** A bare boolean attribute becomes `disabled=<not it>`, as buildx reads `--attest type=sbom,true`. */
function resolveAttestationAttrs(attrs) {
    return fields(attrs)
        .map(f => {
        const b = parseBuildxBool(f);
        return b === undefined ? f : `disabled=${!b}`;
    })
        .join(',');
}
/** Add `builder-id=<run URL>` unless the attributes carry one (no run URL: unchanged). */
function resolveProvenanceAttrs(attrs, builderId) {
    if (!builderId)
        return attrs;
    if (!attrs)
        return `builder-id=${builderId}`;
    const has = fields(attrs).some(f => f.split(/(?<=^[^=]+?)=/)[0].trim() === 'builder-id');
    return has ? attrs : `${attrs},builder-id=${builderId}`;
}
/** The `provenance` input as BPA reads it: true → builder id, false → `false`, else attributes. */
function resolveProvenanceInput(raw, builderId) {
    const v = raw.trim();
    if (!v)
        return '';
    if (['true', 'True', 'TRUE'].includes(v))
        return builderId ? `builder-id=${builderId}` : 'true';
    if (['false', 'False', 'FALSE'].includes(v))
        return 'false';
    return resolveProvenanceAttrs(v, builderId);
}
function readAttestEnvironment(env) {
    const noDefault = parseBuildxBool(env.BUILDX_NO_DEFAULT_ATTESTATIONS ?? '') === true;
    if (!env.GITHUB_ACTIONS || !env.GITHUB_REPOSITORY || !env.GITHUB_RUN_ID)
        return { privateRepo: false, noDefault };
    const server = env.GITHUB_SERVER_URL || 'https://github.com';
    let privateRepo = false;
    try {
        if (env.GITHUB_EVENT_PATH && node_fs__WEBPACK_IMPORTED_MODULE_0___default().existsSync(env.GITHUB_EVENT_PATH)) {
            const payload = JSON.parse(node_fs__WEBPACK_IMPORTED_MODULE_0___default().readFileSync(env.GITHUB_EVENT_PATH, 'utf8'));
            privateRepo = payload.repository?.private === true;
        }
    }
    catch {
        // an unreadable payload: treat as public, as BPA's `?? false` does
    }
    return {
        builderId: `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}/attempts/${env.GITHUB_RUN_ATTEMPT ?? '1'}`,
        privateRepo,
        noDefault
    };
}
/**
 * BPA's default provenance attributes, used when neither `provenance` nor a provenance `attests`
 * line is given: `mode=max` for a public repository, buildx's own `mode=min,inline-only=true` for
 * a private one, each with the run URL as builder id. '' outside Actions or when disabled (buildx
 * then applies its own default). Whether an image is loaded (BPA skips the default then) is
 * decided with the build's exporters, in the argv builder.
 */
function defaultProvenance(attests, e) {
    if (!e.builderId || e.noDefault)
        return '';
    if (attests.some(a => hasAttestationType('provenance', a)))
        return '';
    return resolveProvenanceAttrs(e.privateRepo ? 'mode=min,inline-only=true' : 'mode=max', e.builderId);
}
/** Whether an `--output` list has an exporter of this type (no `type=` means local, as in buildx). */
function hasExporterType(name, outputs) {
    for (const o of outputs) {
        const fs_ = fields(o);
        if (fs_.length === 1 && !fs_[0].startsWith('type=')) {
            if (name === 'local')
                return true;
            continue;
        }
        if (fs_.some(f => f.replace(/\s/g, '') === `type=${name}`))
            return true;
    }
    return false;
}


/***/ }),

/***/ 6088:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  uN: () => (/* binding */ isRemoteContext),
  hy: () => (/* binding */ readAuditInputs),
  Ko: () => (/* binding */ readInputs)
});

// UNUSED EXPORTS: parseBool

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
var external_node_fs_default = /*#__PURE__*/__nccwpck_require__.n(external_node_fs_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __nccwpck_require__(9524);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(2174);
// EXTERNAL MODULE: ./src/size/units.ts
var units = __nccwpck_require__(6252);
// EXTERNAL MODULE: ./src/glob.ts
var src_glob = __nccwpck_require__(6171);
;// CONCATENATED MODULE: ./src/audit/types.ts
/** Stable rule ids (hygiene rules share the `hygiene/` prefix; `hygiene` in audit-allow allows them all). */
const RULE_IDS = [
    'non-root',
    'toolchain',
    'secret-leak',
    'dev-leftover',
    'hygiene/no-healthcheck',
    'hygiene/setuid',
    'hygiene/package-cache',
    'hygiene/shell',
    'hygiene/wasted-space'
];

;// CONCATENATED MODULE: ./src/inputs/audit-options.ts
/**
 * The audit's inputs, parsed: fail-on (error, warning or notice) and audit-allow. audit-allow has
 * one pattern per line: a rule id (`toolchain`, `hygiene/shell`, or `hygiene` for every hygiene
 * rule), an absolute path glob (`/usr/bin/gcc-*`, `/app/**\/*.map`, in the dialect of ../glob.ts),
 * or a rule id and a path glob joined by a colon (`dev-leftover:/app/.env`). `#` starts a comment,
 * at the start of a line or after the pattern (`/usr/bin/make   # runs make at runtime`); `\#` is
 * a literal `#` in a glob. Blank lines are skipped.
 */



const RULES = new Set([...RULE_IDS, 'hygiene']);
/** The line without its comment: everything from the first `#` not preceded by `\`. */
function stripComment(line) {
    for (let i = 0; i < line.length; i++) {
        if (line[i] === '\\')
            i++;
        else if (line[i] === '#')
            return line.slice(0, i);
    }
    return line;
}
/** Parse audit-allow lines. Throws InputError('audit-allow', …) naming the bad line. */
function parseAllow(lines) {
    const rules = [];
    lines.forEach((raw, i) => {
        const line = stripComment(raw).trim();
        if (!line)
            return;
        const bad = (why) => new errors/* InputError */.dz('audit-allow', `line ${i + 1} ${JSON.stringify(line)}: ${why}`);
        const colon = line.indexOf(':');
        const rule = line.startsWith('/') ? undefined : colon < 0 ? line : line.slice(0, colon).trim();
        const glob = line.startsWith('/') ? line : colon < 0 ? undefined : line.slice(colon + 1).trim();
        if (rule !== undefined && !RULES.has(rule)) {
            throw bad(`expected a rule id (${[...RULES].join(', ')}) or an absolute path glob starting with /`);
        }
        if (glob !== undefined && !glob.startsWith('/'))
            throw bad('the path glob must be absolute (start with /)');
        if (glob !== undefined && /\s/.test(glob.replace(/\\\s/g, ''))) {
            throw bad('a path glob has no blanks (write `\\ ` for a blank in a path; `#` starts a comment)');
        }
        let path;
        if (glob !== undefined) {
            try {
                path = (0,src_glob/* globToRegExp */.tL)(glob);
            }
            catch (e) {
                throw bad(e instanceof src_glob/* GlobError */.pZ ? e.message : String(e));
            }
        }
        rules.push({ pattern: line, rule, path });
    });
    return rules;
}
/** Parse the fail-on input (case-insensitive, surrounding blanks ignored). */
function parseFailOn(v) {
    const s = v.trim().toLowerCase();
    if (s === 'error' || s === 'warning' || s === 'notice')
        return s;
    throw new errors/* InputError */.dz('fail-on', `expected error, warning or notice, got ${JSON.stringify(v)}`);
}

// EXTERNAL MODULE: ./src/inputs/attest.ts
var attest = __nccwpck_require__(4846);
// EXTERNAL MODULE: ./src/inputs/list.ts
var list = __nccwpck_require__(3403);
;// CONCATENATED MODULE: ./src/inputs/buildx.ts
/**
 * BPA's inputs that map straight to buildx flags (add-hosts, network, shm-size, ulimit, call,
 * attests, provenance, sbom, ssh, ...), with the checks buildx would otherwise fail on late.
 */






/** buildx's RAMInBytes units (`2g`, `512m`, `1.5GiB`, `67108864`). */
const SIZE = /^\d+(\.\d+)? ?[kKmMgGtTpP]?[iI]?[bB]?$/;
const CALL_METHODS = ['build', 'check', 'outline', 'targets'];
/** BPA's inputs that map straight to buildx flags, with the checks buildx would fail on late. */
function readBuildxInputs(get, env, cwd) {
    const attestEnv = (0,attest/* readAttestEnvironment */.PT)(env);
    const addHosts = (0,list/* listInput */.dt)('add-hosts', get(constants/* Input */.pd.AddHosts));
    for (const h of addHosts) {
        if (!/^[^\s:=]+[:=]\S+$/.test(h))
            throw new errors/* InputError */.dz(constants/* Input */.pd.AddHosts, `expected host:ip (e.g. docker:10.180.0.1), got "${h}"`);
    }
    const network = get(constants/* Input */.pd.Network);
    if (network && !/^[A-Za-z0-9_.:-]+$/.test(network)) {
        throw new errors/* InputError */.dz(constants/* Input */.pd.Network, `expected a network mode such as default, none or host, got "${network}"`);
    }
    const shm = get(constants/* Input */.pd.ShmSize);
    if (shm && !SIZE.test(shm))
        throw new errors/* InputError */.dz(constants/* Input */.pd.ShmSize, `expected a size such as 2g or 512m, got "${shm}"`);
    const ulimit = (0,list/* listInput */.dt)('ulimit', get(constants/* Input */.pd.Ulimit));
    for (const u of ulimit) {
        if (!/^[a-z]+=-?\d+(:-?\d+)?$/.test(u))
            throw new errors/* InputError */.dz(constants/* Input */.pd.Ulimit, `expected name=soft[:hard] (e.g. nofile=1024:1024), got "${u}"`);
    }
    const call = get(constants/* Input */.pd.Call);
    const method = call.split(',')[0].trim();
    if (call && !CALL_METHODS.includes(method)) {
        throw new errors/* InputError */.dz(constants/* Input */.pd.Call, `expected one of ${CALL_METHODS.join(', ')} (with options after a comma), got "${call}"`);
    }
    const attests = (0,list/* listInput */.dt)('attests', get(constants/* Input */.pd.Attests)).map(a => ((0,attest/* hasAttestationType */.$i)('provenance', a) ? (0,attest/* resolveProvenanceAttrs */._Y)(a, attestEnv.builderId) : a));
    return {
        'add-hosts': addHosts,
        allow: (0,list/* listInput */.dt)('allow', get(constants/* Input */.pd.Allow)),
        annotations: (0,list/* listInput */.dt)('annotations', get(constants/* Input */.pd.Annotations)),
        attests,
        call: method === 'build' && !call.includes(',') ? '' : call,
        'cgroup-parent': get(constants/* Input */.pd.CgroupParent),
        network,
        'no-cache-filters': (0,list/* listInput */.dt)('no-cache-filters', get(constants/* Input */.pd.NoCacheFilters)),
        outputs: (0,list/* listInput */.dt)('outputs', get(constants/* Input */.pd.Outputs)),
        provenance: (0,attest/* resolveProvenanceInput */.yg)(get(constants/* Input */.pd.Provenance), attestEnv.builderId),
        'provenance-default': (0,attest/* defaultProvenance */.Rm)(attests, attestEnv),
        sbom: get(constants/* Input */.pd.Sbom),
        'shm-size': shm,
        ssh: readSsh((0,list/* listInput */.dt)('ssh', get(constants/* Input */.pd.Ssh)), env, cwd),
        ulimit
    };
}
/**
 * `ssh` entries as buildx takes them: `default` (the agent at SSH_AUTH_SOCK), `id=SOCKET_OR_KEY`
 * or `id=KEY,KEY`. Paths must exist; relative ones are resolved against the workspace. Only paths
 * are ever named in an error, never key material.
 */
function readSsh(items, env, cwd) {
    return items.map(item => {
        const eq = item.indexOf('=');
        const id = eq < 0 ? item : item.slice(0, eq);
        if (!/^[A-Za-z0-9_.-]+$/.test(id)) {
            throw new errors/* InputError */.dz(constants/* Input */.pd.Ssh, `expected default, id or id=path-to-agent-socket-or-key, got an entry whose id is not a name`);
        }
        if (eq < 0) {
            if (!env.SSH_AUTH_SOCK) {
                throw new errors/* InputError */.dz(constants/* Input */.pd.Ssh, `"${id}" forwards the ssh agent at SSH_AUTH_SOCK, which is not set: start an agent first, or give ${id}=path/to/key`);
            }
            return item;
        }
        const paths = item.slice(eq + 1).split(',');
        const abs = paths.map(p => {
            const a = external_node_path_default().resolve(cwd, p.trim());
            if (!p.trim() || !external_node_fs_default().existsSync(a))
                throw new errors/* InputError */.dz(constants/* Input */.pd.Ssh, `${id}: no agent socket or key file at "${p.trim()}"`);
            return a;
        });
        return `${id}=${abs.join(',')}`;
    });
}

// EXTERNAL MODULE: ./src/inputs/secrets.ts
var inputs_secrets = __nccwpck_require__(5694);
;// CONCATENATED MODULE: ./src/inputs/inputs.ts
/**
 * The one typed `Inputs` object, read and validated once. Keys are action.yml's kebab-case names.
 * `readInputs` takes a getter so the action (core.getInput) and the CLI (flags) share it.
 */









/** BPA's Git-context placeholder, optionally with a subdirectory: `{{defaultContext}}:app`. */
const DEFAULT_CONTEXT = /^\{\{\s*defaultContext\s*\}\}(?::(.*))?$/;
/** YAML 1.2 core-schema booleans, like core.getBooleanInput, but empty means `fallback`. */
function parseBool(name, value, fallback) {
    const v = value.trim();
    if (v === '')
        return fallback;
    if (['true', 'True', 'TRUE'].includes(v))
        return true;
    if (['false', 'False', 'FALSE'].includes(v))
        return false;
    throw new errors/* InputError */.dz(name, `expected true or false, got "${v}"`);
}
/** True for contexts BuildKit fetches itself (git, https, tarball URLs) rather than a local dir. */
function isRemoteContext(ctx) {
    return /^(https?:\/\/|git@|git:\/\/|ssh:\/\/|github\.com\/)/.test(ctx);
}
function keyValueLines(name, raw, what) {
    return (0,list/* readList */.LD)(name, raw).map(({ value, line }) => {
        if (value.indexOf('=') <= 0)
            throw new errors/* InputError */.dz(name, `line ${line}: expected ${what}, got "${value}"`);
        return value;
    });
}
/** Read every input, validate what can be validated without the engine, return `Inputs`. */
function readInputs(getRaw, opts = {}) {
    const env = opts.env ?? process.env;
    const cwd = opts.cwd ?? process.cwd();
    // The getter may hand values untrimmed (BPA keeps `secrets` byte for byte); every other input is trimmed.
    const get = name => getRaw(name).trim();
    // BPA's `{{defaultContext}}` is the Git ref being built; Stagecraft builds the checked-out
    // workspace at that ref, so `{{defaultContext}}:sub` is the directory `sub` of the workspace.
    const gitContext = DEFAULT_CONTEXT.exec(get(constants/* Input */.pd.Context));
    const context = gitContext ? gitContext[1]?.trim() || '.' : get(constants/* Input */.pd.Context) || '.';
    const remote = isRemoteContext(context);
    const contextDir = remote ? cwd : external_node_path_default().resolve(cwd, context);
    if (!remote && !external_node_fs_default().existsSync(contextDir)) {
        throw new errors/* InputError */.dz(constants/* Input */.pd.Context, `directory not found: ${context}`);
    }
    const fileRaw = get(constants/* Input */.pd.File).trim();
    // With BPA's Git context, `file` is a path inside that context, not the workspace.
    const file = fileRaw ? external_node_path_default().resolve(gitContext ? contextDir : cwd, fileRaw) : external_node_path_default().join(contextDir, 'Dockerfile');
    if (!external_node_fs_default().existsSync(file) || !external_node_fs_default().statSync(file).isFile()) {
        throw new errors/* InputError */.dz(constants/* Input */.pd.File, `Dockerfile not found: ${fileRaw || external_node_path_default().relative(cwd, file) || file}`);
    }
    const push = parseBool(constants/* Input */.pd.Push, get(constants/* Input */.pd.Push), false);
    const load = parseBool(constants/* Input */.pd.Load, get(constants/* Input */.pd.Load), false);
    const platforms = (0,list/* listInput */.dt)('platforms', get(constants/* Input */.pd.Platforms));
    for (const p of platforms) {
        if (!/^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/.test(p)) {
            throw new errors/* InputError */.dz(constants/* Input */.pd.Platforms, `expected os/arch[/variant] such as linux/amd64, got "${p}"`);
        }
    }
    if (load && platforms.length > 1) {
        throw new errors/* InputError */.dz(constants/* Input */.pd.Load, 'cannot load a multi-platform image into the engine; drop load or use one platform');
    }
    const secrets = (0,inputs_secrets/* parseSecrets */.dC)({ secrets: getRaw(constants/* Input */.pd.Secrets), secretFiles: get(constants/* Input */.pd.SecretFiles), secretEnvs: get(constants/* Input */.pd.SecretEnvs) }, env, cwd, opts.mask);
    return {
        context,
        file,
        target: get(constants/* Input */.pd.Target).trim(),
        'test-target': get(constants/* Input */.pd.TestTarget).trim(),
        'build-args': keyValueLines('build-args', get(constants/* Input */.pd.BuildArgs), 'NAME=value'),
        'build-contexts': keyValueLines('build-contexts', get(constants/* Input */.pd.BuildContexts), 'name=path-or-image').map(c => c.replace(/\{\{\s*defaultContext\s*\}\}(?::([^,\s]*))?/g, (_m, sub) => sub || '.')),
        labels: keyValueLines('labels', get(constants/* Input */.pd.Labels), 'key=value'),
        tags: (0,list/* listInput */.dt)('tags', get(constants/* Input */.pd.Tags)),
        push,
        load,
        platforms,
        builder: get(constants/* Input */.pd.Builder).trim(),
        pull: parseBool(constants/* Input */.pd.Pull, get(constants/* Input */.pd.Pull), false),
        'no-cache': parseBool(constants/* Input */.pd.NoCache, get(constants/* Input */.pd.NoCache), false),
        'cache-from': (0,list/* listInput */.dt)('cache-from', get(constants/* Input */.pd.CacheFrom)),
        'cache-to': (0,list/* listInput */.dt)('cache-to', get(constants/* Input */.pd.CacheTo)),
        secrets,
        'github-token': get(constants/* Input */.pd.GithubToken),
        ...readAuditInputs(get, cwd),
        comment: parseCommentMode(get(constants/* Input */.pd.Comment)),
        'comment-key': get(constants/* Input */.pd.CommentKey).trim(),
        'check-name': get(constants/* Input */.pd.CheckName).trim(),
        'cache-mounts': get(constants/* Input */.pd.CacheMounts).trim(),
        'cache-key-files': get(constants/* Input */.pd.CacheKeyFiles),
        'cache-dir': get(constants/* Input */.pd.CacheDir).trim(),
        ...readBuildxInputs(get, env, cwd)
    };
}
function readAuditInputs(get, cwd = process.cwd()) {
    return {
        'require-non-root': parseBool(constants/* Input */.pd.RequireNonRoot, get(constants/* Input */.pd.RequireNonRoot), true),
        'forbid-toolchains': parseBool(constants/* Input */.pd.ForbidToolchains, get(constants/* Input */.pd.ForbidToolchains), true),
        'audit-allow': parseAllow(get(constants/* Input */.pd.AuditAllow).split(/\r?\n/)),
        'fail-on': get(constants/* Input */.pd.FailOn).trim() ? parseFailOn(get(constants/* Input */.pd.FailOn)) : 'error',
        'max-size': get(constants/* Input */.pd.MaxSize).trim() ? (0,units/* parseSize */.DB)(constants/* Input */.pd.MaxSize, get(constants/* Input */.pd.MaxSize)) : undefined,
        'max-increase': get(constants/* Input */.pd.MaxIncrease).trim() ? (0,units/* parseIncrease */.KW)(constants/* Input */.pd.MaxIncrease, get(constants/* Input */.pd.MaxIncrease)) : undefined,
        'baseline-report': baselineReport(get(constants/* Input */.pd.BaselineReport), cwd),
        'baseline-image': get(constants/* Input */.pd.BaselineImage).trim()
    };
}
function parseCommentMode(value) {
    const v = value.trim().toLowerCase();
    if (v === '' || v === 'auto')
        return 'auto';
    if (v === 'true' || v === 'false')
        return v;
    throw new errors/* InputError */.dz(constants/* Input */.pd.Comment, `expected auto, true or false, got "${value.trim()}"`);
}
function baselineReport(value, cwd) {
    const v = value.trim();
    if (!v)
        return '';
    const abs = external_node_path_default().resolve(cwd, v);
    if (!external_node_fs_default().existsSync(abs) || !external_node_fs_default().statSync(abs).isFile())
        throw new errors/* InputError */.dz(constants/* Input */.pd.BaselineReport, `file not found: ${v}`);
    return abs;
}


/***/ }),

/***/ 3403:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   E1: () => (/* binding */ parseList),
/* harmony export */   LD: () => (/* binding */ readList),
/* harmony export */   dt: () => (/* binding */ listInput)
/* harmony export */ });
/* unused harmony exports BPA_LIST_OPTIONS, parseListItems */
/* harmony import */ var csv_parse_sync__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8471);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(2174);
/**
 * List inputs, read exactly the way docker/build-push-action reads them (its `Util.getInputList`
 * from @docker/actions-toolkit): each input is CSV text parsed by csv-parse with relaxed quotes
 * and column counts and blank lines skipped, so a line may be quoted (`"id=va,lue"`) and a quoted
 * value may span lines (a PEM key). Per input, BPA either splits unquoted commas into separate
 * items or keeps each line whole (`ignoreComma`), and trims items or not (`secrets` keeps them
 * byte for byte). One addition over BPA: a line that *starts* with `#` is a comment
 * (csv-parse's `comment_no_infix`), while a `#` inside a value (`FOO=bar#baz`) stays, as in BPA.
 */


/**
 * BPA's parse options for each of its list inputs (build-push-action v7 `src/context.ts`).
 * Inputs not named here are not lists in BPA.
 */
const BPA_LIST_OPTIONS = {
    'add-hosts': {},
    allow: {},
    annotations: { ignoreComma: true },
    attests: { ignoreComma: true },
    'build-args': { ignoreComma: true },
    'build-contexts': { ignoreComma: true },
    'cache-from': { ignoreComma: true },
    'cache-to': { ignoreComma: true },
    labels: { ignoreComma: true },
    'no-cache-filters': {},
    outputs: { ignoreComma: true, quote: false },
    platforms: {},
    secrets: { ignoreComma: true, trim: false },
    'secret-envs': {},
    'secret-files': { ignoreComma: true },
    ssh: {},
    tags: {},
    ulimit: { ignoreComma: true }
};
/** Parse a list input into items with the line each starts on. Throws only on an unclosed quote. */
function parseListItems(input, opts = {}) {
    const trim = opts.trim !== false;
    if (input.trim() === '')
        return [];
    const text = trim ? input.trim() : input;
    const records = (0,csv_parse_sync__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg)(text, {
        columns: false,
        relax_quotes: true,
        relax_column_count: true,
        skip_empty_lines: true,
        comment: '#',
        comment_no_infix: true,
        quote: opts.quote === false ? false : '"',
        info: true
    });
    const out = [];
    const count = (fields, re) => fields.reduce((n, f) => n + (f.match(re)?.length ?? 0), 0);
    // csv-parse counts a CR inside a quoted value as a line of its own (a CRLF as two), which
    // shifts every later record down: take those out, as they come.
    let extraLines = 0;
    for (const { record, info } of records) {
        extraLines += count(record, /\r/g);
        // csv-parse reports the line a record ends on; a quoted value's own newlines move its start up.
        const line = info.lines - extraLines - count(record, /\n/g);
        const values = opts.ignoreComma ? [record.join(',')] : record.flatMap(f => (record.length === 1 ? f.split(',') : [f]));
        for (const v of values) {
            // A line of spaces is a blank line, also where values keep their whitespace.
            if (v.trim() === '')
                continue;
            out.push({ value: trim ? v.trim() : v, line });
        }
    }
    return out;
}
/** The items of a list input as strings. */
function parseList(input, opts = {}) {
    return parseListItems(input, opts).map(i => i.value);
}
/**
 * One of BPA's list inputs, parsed with BPA's options for it. A CSV error (an unclosed quote)
 * is a one-line InputError that names the input and the line, never the text.
 */
function readList(name, raw) {
    try {
        return parseListItems(raw, BPA_LIST_OPTIONS[name]);
    }
    catch (e) {
        const err = e;
        if (err.code === 'CSV_QUOTE_NOT_CLOSED') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(name, 'a quoted value is never closed: end it with " (write "" for a quote inside it)');
        }
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(name, `not a valid CSV list (${err.code ?? 'parse error'} at line ${err.lines ?? '?'})`);
    }
}
/** A list input read with BPA's CSV rules for it (see above); values only. */
function listInput(name, raw) {
    return readList(name, raw).map(i => i.value);
}


/***/ }),

/***/ 5694:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   aF: () => (/* binding */ secretValue),
/* harmony export */   dC: () => (/* binding */ parseSecrets),
/* harmony export */   sO: () => (/* binding */ maskablePieces)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(2174);
/* harmony import */ var _list_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(3403);
/**
 * Build secrets from the three inputs (`secrets`, `secret-files`, `secret-envs`), read as BPA
 * reads them (CSV lists: quoted items, multi-line values; `secrets` values kept byte for byte)
 * and validated item by item. Errors name the input, the line number and the id, never the value.
 */



/** What BuildKit accepts as a secret id. */
const ID = /^[A-Za-z0-9_.-]+$/;
/** Largest secret-file whose content we keep for masking and the leak scan. */
const MAX_SCANNED_FILE = 64 * 1024;
/**
 * Split each item of a secret list into id and value at the first `=`, as BPA does. Items come
 * from BPA's CSV list parsing, so `"id=va,lue"` and a quoted multi-line value are one item.
 */
function splitLines(input, raw, what) {
    return (0,_list_js__WEBPACK_IMPORTED_MODULE_2__/* .readList */ .LD)(input, raw).map(({ value: text, line: n }) => {
        const eq = text.indexOf('=');
        // Never echo the item: it may hold the value.
        if (eq <= 0) {
            // The usual cause: an unquoted multi-line value, whose second line is read as an item.
            const hint = input === 'secrets' && n > 1 ? ' (quote a multi-line value: "id=first line…last line")' : '';
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, `line ${n}: expected id=${what}, found no "id=" prefix${hint}`);
        }
        const id = text.slice(0, eq).trim();
        if (!ID.test(id))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, `line ${n}: secret id must match [A-Za-z0-9_.-]+`);
        return { n, id, rest: text.slice(eq + 1) };
    });
}
/** Parse the three secret inputs into one list; ids must be unique across them. */
function parseSecrets(raw, env, baseDir, mask = () => { }) {
    const out = [];
    const seen = new Map();
    const add = (input, l, source) => {
        const prev = seen.get(l.id);
        if (prev)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, `line ${l.n}: secret id "${l.id}" is already defined by ${prev}`);
        seen.set(l.id, input);
        const secret = { id: l.id, source };
        for (const piece of maskablePieces(secret))
            mask(piece);
        out.push(secret);
    };
    for (const l of splitLines('secrets', raw.secrets, 'value')) {
        if (l.rest.length === 0)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('secrets', `line ${l.n}: secret "${l.id}" has an empty value`);
        add('secrets', l, { kind: 'value', value: l.rest });
    }
    for (const l of splitLines('secret-files', raw.secretFiles, 'path')) {
        const p = l.rest.trim();
        if (!p)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('secret-files', `line ${l.n}: secret "${l.id}" has an empty path`);
        const abs = p.startsWith('/') ? p : `${baseDir}/${p}`;
        let st;
        try {
            st = node_fs__WEBPACK_IMPORTED_MODULE_0___default().statSync(abs);
        }
        catch {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('secret-files', `line ${l.n}: secret "${l.id}": file not found: ${p}`);
        }
        if (!st.isFile())
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('secret-files', `line ${l.n}: secret "${l.id}": not a regular file: ${p}`);
        let value;
        try {
            value = st.size > 0 && st.size <= MAX_SCANNED_FILE ? node_fs__WEBPACK_IMPORTED_MODULE_0___default().readFileSync(abs, 'utf8') : undefined;
        }
        catch {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('secret-files', `line ${l.n}: secret "${l.id}": file not readable: ${p}`);
        }
        add('secret-files', l, { kind: 'file', path: abs, value });
    }
    for (const l of splitLines('secret-envs', raw.secretEnvs, 'ENV_NAME')) {
        const name = l.rest.trim();
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('secret-envs', `line ${l.n}: secret "${l.id}": "${name}" is not an environment variable name`);
        }
        const value = env[name];
        if (value === undefined || value === '') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('secret-envs', `line ${l.n}: secret "${l.id}": environment variable ${name} is not set`);
        }
        add('secret-envs', l, { kind: 'env', env: name, value });
    }
    return out;
}
/** The strings to mask in logs for a secret: the whole value and each non-trivial line of it. */
function maskablePieces(secret) {
    const v = secret.source.value;
    if (!v)
        return [];
    const pieces = new Set([v, v.trim()]);
    for (const line of v.split(/\r?\n/))
        if (line.trim().length >= 4)
            pieces.add(line.trim());
    return [...pieces].filter(p => p.length > 0);
}
/** The value the leak scan looks for (undefined for large or unreadable secret files). */
function secretValue(secret) {
    const v = secret.source.value;
    return v === undefined ? undefined : v.trim() || v;
}


/***/ }),

/***/ 4442:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   E$: () => (/* binding */ redact),
/* harmony export */   XF: () => (/* binding */ REDACTED),
/* harmony export */   pC: () => (/* binding */ redactLayer),
/* harmony export */   ql: () => (/* binding */ redactConfig),
/* harmony export */   rt: () => (/* binding */ findConfigSecrets)
/* harmony export */ });
/* harmony import */ var _secret_search_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8834);
/**
 * Secret values in the image config: found (by id) and then redacted, so that nothing downstream
 * (the report's history column, the cache) ever holds a value.
 */

const REDACTED = '***';
/**
 * Where in the config each secret occurs. Values searched everywhere (see secret-search) are looked
 * for in every field and encoding; short or low-entropy values only as whole values of ENV, labels
 * and build args (`|N NAME=value` in RUN history), where they cannot be ordinary words of a command.
 */
function findConfigSecrets(config, needles) {
    if (needles.length === 0)
        return [];
    const full = needles.filter(n => n.scope === 'all');
    const hits = [];
    const seen = new Set();
    const push = (hit) => {
        const key = `${hit.secretId}\n${hit.field}\n${hit.key}`;
        if (seen.has(key))
            return;
        seen.add(key);
        hits.push(hit);
    };
    const check = (field, key, text, value) => {
        for (const m of (0,_secret_search_js__WEBPACK_IMPORTED_MODULE_0__/* .findSecrets */ .dL)(full, text))
            push(hit(m.id, field, key, m.encoding));
        if (value === undefined)
            return;
        for (const m of (0,_secret_search_js__WEBPACK_IMPORTED_MODULE_0__/* .findSecrets */ .dL)(needles, value, 'config'))
            push(hit(m.id, field, key, m.encoding));
    };
    for (const e of config.env) {
        const eq = e.indexOf('=');
        check('env', eq < 0 ? e : e.slice(0, eq), e, eq < 0 ? undefined : e.slice(eq + 1));
    }
    for (const [k, v] of Object.entries(config.labels))
        check('label', k, `${k}=${v}`, v);
    config.history.forEach((h, i) => {
        // Build args first, so a hit that is a build arg's value says which arg.
        for (const { name, value } of buildArgs(h.createdBy)) {
            for (const m of (0,_secret_search_js__WEBPACK_IMPORTED_MODULE_0__/* .findSecrets */ .dL)(needles, value, 'config'))
                push({ ...hit(m.id, 'history', String(i), m.encoding), arg: name });
            for (const m of (0,_secret_search_js__WEBPACK_IMPORTED_MODULE_0__/* .findSecrets */ .dL)(full, value))
                push({ ...hit(m.id, 'history', String(i), m.encoding), arg: name });
        }
        check('history', String(i), `${h.createdBy}\n${h.comment ?? ''}`);
    });
    check('config', 'User', config.user);
    check('config', 'Entrypoint', config.entrypoint.join(' '));
    check('config', 'Cmd', config.cmd.join(' '));
    check('config', 'WorkingDir', config.workingDir);
    return hits;
}
function hit(secretId, field, key, encoding) {
    return encoding === 'raw' ? { secretId, field, key } : { secretId, field, key, encoding: encoding };
}
/** The build args BuildKit records before a RUN command: `RUN |2 A=x B=y cmd`. */
function buildArgs(createdBy) {
    const m = createdBy.match(/^RUN \|(\d+) (.*)$/s);
    if (!m)
        return [];
    return m[2]
        .split(' ')
        .slice(0, Number(m[1]))
        .map(a => ({ name: a.slice(0, Math.max(0, a.indexOf('='))), value: a.slice(a.indexOf('=') + 1) }));
}
const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Replace every occurrence of a secret value (or its encodings) with `***`. */
function redact(text, needles) {
    let out = text;
    // Longest first, so the trimmed variant does not leave the untrimmed one's remainder behind.
    for (const n of [...needles].sort((a, b) => b.bytes.length - a.bytes.length)) {
        const value = n.bytes.toString('utf8');
        if (!value || !out.includes(value))
            continue;
        // Config-only values are replaced where they stand as a whole value, not inside longer words.
        out = n.scope === 'config' ? out.replace(new RegExp(`(?<![A-Za-z0-9])${escapeRe(value)}(?![A-Za-z0-9])`, 'g'), REDACTED) : out.split(value).join(REDACTED);
    }
    return out;
}
/** A copy of the config with every secret value redacted. */
function redactConfig(config, needles) {
    if (needles.length === 0)
        return config;
    const r = (s) => redact(s, needles);
    const labels = {};
    for (const [k, v] of Object.entries(config.labels))
        labels[r(k)] = r(v);
    return {
        ...config,
        user: r(config.user),
        env: config.env.map(r),
        labels,
        entrypoint: config.entrypoint.map(r),
        cmd: config.cmd.map(r),
        workingDir: r(config.workingDir),
        healthcheck: config.healthcheck?.map(r),
        history: config.history.map(h => ({ ...h, createdBy: r(h.createdBy), comment: h.comment === undefined ? undefined : r(h.comment) }))
    };
}
/** Redact values that appear in file names, link targets or archive member names of a layer (rare, but never kept). */
function redactLayer(facts, needles) {
    if (facts.secretHits.length === 0)
        return facts;
    const r = (s) => redact(s, needles);
    // A manifest's name or version is content: redacted whenever the layer holds any secret.
    const manifests = facts.manifests ? { manifests: facts.manifests.map(m => ({ ...m, path: r(m.path), name: r(m.name), version: r(m.version) })) } : {};
    if (!facts.secretHits.some(h => h.where !== 'content'))
        return { ...facts, ...manifests };
    return {
        ...facts,
        ...manifests,
        files: facts.files.map(f => ({ ...f, path: r(f.path), link: f.link === undefined ? undefined : r(f.link) })),
        whiteouts: facts.whiteouts.map(r),
        secretHits: facts.secretHits.map(h => (h.member === undefined ? { ...h, path: r(h.path) } : { ...h, path: r(h.path), member: r(h.member) })),
        ...(facts.archiveLimits && {
            archiveLimits: facts.archiveLimits.map(l => (l.member === undefined ? { ...l, path: r(l.path) } : { ...l, path: r(l.path), member: r(l.member) }))
        })
    };
}


/***/ }),

/***/ 9333:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  u4: () => (/* binding */ compactContents),
  Y9: () => (/* binding */ imageContents),
  pM: () => (/* binding */ wastedEntries)
});

// UNUSED EXPORTS: MAX_DIRS, MAX_PACKAGES, composition, directorySummary

;// CONCATENATED MODULE: ./src/inspect/packages.ts
const PY_DIRS = new Set(['site-packages', 'dist-packages']);
/** PEP 503-style name: `PyYAML` and `pyyaml`, `typing_extensions` and `typing-extensions` match. */
function pythonName(name) {
    return name.toLowerCase().replace(/[-_.]+/g, '_');
}
/**
 * The package root a path lies under, when it does: the outermost `node_modules/<pkg>` or
 * `node_modules/@scope/<pkg>`; a Python distribution under site-packages/dist-packages (its module
 * directory, `<name>-<version>.dist-info`, `<name>.libs`, `<name>.py` all map to the normalised
 * name); a vendored library (`vendor/<lib>`, or `vendor/<host>/<org>/<repo>` for Go modules).
 */
function packageRoot(path) {
    const parts = path.split('/');
    for (let i = 0; i < parts.length - 1; i++) {
        const seg = parts[i];
        if (seg === 'node_modules') {
            const name = parts[i + 1];
            if (name.startsWith('.'))
                continue; // node_modules/.bin, .package-lock.json; .pnpm/<pkg>/node_modules/<pkg> is found further down
            const end = i + (name.startsWith('@') ? 3 : 2);
            if (end >= parts.length)
                return undefined; // a file directly in node_modules (or @scope)
            return { dir: parts.slice(0, end).join('/'), kind: 'npm' };
        }
        if (PY_DIRS.has(seg)) {
            const entry = parts[i + 1];
            if (entry === '__pycache__' || entry.startsWith('.'))
                return undefined;
            const name = entry
                .replace(/\.(py|pth)$/, '')
                .replace(/\.libs$/, '')
                .replace(/-\d[^/]*\.(dist-info|egg-info)$/, '')
                .replace(/\.(dist-info|egg-info)$/, '');
            return { dir: [...parts.slice(0, i + 1), pythonName(name)].join('/'), kind: 'python' };
        }
        if (seg === 'vendor' && i + 1 < parts.length - 1) {
            const goModule = parts[i + 1].includes('.') && i + 3 < parts.length;
            return { dir: parts.slice(0, i + (goModule ? 4 : 2)).join('/'), kind: 'vendor' };
        }
    }
    return undefined;
}
/**
 * Packages of the final filesystem: the dpkg/apk databases present in it, and every npm/Python
 * manifest present in it. npm/Python sizes are the bytes under the package's root directory.
 */
function finalPackageList(facts, fs, bytesOf) {
    const out = new Map();
    // Per layer, its databases and manifests by path: one lookup per final file.
    const byPath = facts.layers.map(l => {
        const m = new Map();
        for (const db of l.facts.packages ?? [])
            m.set(db.source, { db: db.packages });
        for (const x of l.facts.manifests ?? [])
            m.set(x.path, { ...m.get(x.path), manifest: x });
        return m;
    });
    const shallowest = new Map();
    for (const [path, file] of fs.files) {
        if (file.type !== 'file')
            continue;
        const found = byPath[file.layer]?.get(path);
        if (!found)
            continue;
        for (const p of found.db ?? []) {
            const e = { manager: p.manager, name: p.name, version: p.version, bytes: p.installedBytes };
            if (p.depends)
                e.depends = p.depends;
            if (p.provides)
                e.provides = p.provides;
            out.set(`${p.manager}:${p.name}`, e);
        }
        const m = found.manifest;
        if (!m)
            continue;
        const root = packageRoot(path);
        // A nested npm package's bytes are already its outer package's.
        const own = root && (m.manager === 'python' || root.dir === path.slice(0, path.lastIndexOf('/')));
        const bytes = own ? (bytesOf.get(root.dir) ?? 0) : 0;
        const key = `${m.manager}:${m.manager === 'python' ? pythonName(m.name) : m.name}`;
        const seen = out.get(key);
        // Several copies of one npm package (nested node_modules): the shallowest names the version, bytes add up.
        const depth = path.split('/').length;
        if (seen) {
            seen.bytes += bytes;
            if (depth < (shallowest.get(key) ?? Infinity)) {
                seen.version = m.version;
                shallowest.set(key, depth);
            }
            continue;
        }
        shallowest.set(key, depth);
        const e = { manager: m.manager, name: m.name, version: m.version, bytes };
        if (m.depends)
            e.depends = m.depends;
        out.set(key, e);
    }
    return [...out.values()];
}

;// CONCATENATED MODULE: ./src/inspect/contents.ts

const MAX_DIRS = 4000;
const MAX_PACKAGES = 4000;
const SYSTEM_ROOTS = new Set(['bin', 'sbin', 'lib', 'lib32', 'lib64', 'libx32', 'usr', 'etc', 'var', 'boot', 'opt']);
const parentOf = (p) => (p === '' ? undefined : p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '');
/**
 * Directory aggregates of a filesystem (bounded to `maxDirs`), each with the Dockerfile line of
 * its largest file written by the Dockerfile (by the base image when the Dockerfile wrote none). Pure.
 */
function directorySummary(fs, layers, maxDirs = MAX_DIRS) {
    const nodes = new Map();
    const node = (path) => {
        let n = nodes.get(path);
        if (!n) {
            n = { path, bytes: 0, files: 0, top: { bytes: -1, layer: -1 }, own: { bytes: -1, layer: -1 } };
            nodes.set(path, n);
            const parent = parentOf(path);
            if (parent !== undefined)
                node(parent);
        }
        return n;
    };
    node('');
    // Files add to their own directory (or package root) first; subtree totals are summed below.
    for (const [path, f] of fs.files) {
        if (f.type !== 'file')
            continue;
        const root = packageRoot(path);
        const n = node(root ? root.dir : (parentOf(path) ?? ''));
        if (root)
            n.kind = root.kind;
        n.bytes += f.size;
        n.files++;
        if (f.size > n.top.bytes)
            n.top = { bytes: f.size, layer: f.layer };
        if (f.size > n.own.bytes && layers[f.layer] && !layers[f.layer].fromBase)
            n.own = { bytes: f.size, layer: f.layer };
    }
    const deepestFirst = [...nodes.values()].sort((a, b) => depth(b.path) - depth(a.path));
    for (const n of deepestFirst) {
        const parent = parentOf(n.path);
        if (parent === undefined)
            continue;
        const p = nodes.get(parent);
        p.bytes += n.bytes;
        p.files += n.files;
        if (n.top.bytes > p.top.bytes)
            p.top = n.top;
        if (n.own.bytes > p.own.bytes)
            p.own = n.own;
    }
    // Top-level directories first (a change anywhere is placed at least that far), then largest
    // first; a parent is never smaller than its child and sorts before it on a tie, so the kept set
    // is closed under parents.
    const shallow = (n) => (depth(n.path) <= 1 ? 0 : 1);
    const ranked = [...nodes.values()].sort((a, b) => shallow(a) - shallow(b) || b.bytes - a.bytes || depth(a.path) - depth(b.path) || a.path.localeCompare(b.path));
    const kept = ranked.slice(0, maxDirs);
    const keptSet = new Set(kept.map(n => n.path));
    for (const n of ranked.slice(maxDirs)) {
        let up = parentOf(n.path);
        while (up !== undefined && !keptSet.has(up))
            up = parentOf(up);
        if (up !== undefined)
            nodes.get(up).folded = true;
    }
    const dirs = kept
        .sort((a, b) => a.path.localeCompare(b.path))
        .map(n => {
        const e = { path: n.path, bytes: n.bytes, files: n.files };
        // The line of the Dockerfile's own largest file under it; the base image's when it wrote nothing there.
        const by = n.own.layer >= 0 ? n.own : n.top;
        const line = by.layer >= 0 ? layers[by.layer]?.line : undefined;
        if (line)
            e.line = line;
        if (n.kind)
            e.kind = n.kind;
        if (n.folded)
            e.folded = true;
        return e;
    });
    // Every package root's bytes, listed or not (a package's size must not depend on the bound).
    const packageBytes = new Map([...nodes.values()].filter(n => n.kind).map(n => [n.path, n.bytes]));
    return { dirs, omitted: Math.max(0, ranked.length - maxDirs), packageBytes };
}
function depth(p) {
    if (p === '')
        return 0;
    let d = 1;
    for (let i = 0; i < p.length; i++)
        if (p.charCodeAt(i) === 47)
            d++;
    return d;
}
/** Where the final filesystem's bytes came from (see Composition). */
function composition(fs, fromBase) {
    const c = { base: 0, os: 0, language: 0, app: 0 };
    for (const [path, f] of fs.files) {
        if (f.type !== 'file')
            continue;
        if (fromBase(f.layer))
            c.base += f.size;
        else if (packageRoot(path))
            c.language += f.size;
        else if (SYSTEM_ROOTS.has(path.split('/')[0]))
            c.os += f.size;
        else
            c.app += f.size;
    }
    return c;
}
/**
 * The contents summary of an image. `layers` gives each layer's Dockerfile line and whether it
 * comes from the base image.
 */
function imageContents(facts, fs, layers, bounds = { dirs: MAX_DIRS, packages: MAX_PACKAGES }) {
    const { dirs, omitted, packageBytes } = directorySummary(fs, layers, bounds.dirs);
    const all = finalPackageList(facts, fs, packageBytes);
    const packages = [...all]
        .sort((a, b) => b.bytes - a.bytes || a.name.localeCompare(b.name))
        .slice(0, bounds.packages)
        .sort((a, b) => a.manager.localeCompare(b.manager) || a.name.localeCompare(b.name));
    const root = dirs.find(d => d.path === '');
    const out = {
        files: root?.files ?? 0,
        bytes: root?.bytes ?? 0,
        dirs,
        packages,
        composition: composition(fs, i => layers[i]?.fromBase ?? true)
    };
    if (omitted || all.length > packages.length)
        out.omitted = { dirs: omitted, packages: all.length - packages.length };
    return out;
}
/** The contents as saved in the report: dependency lists dropped (only the current image needs them). */
function compactContents(c) {
    return { ...c, packages: c.packages.map(({ depends: _d, provides: _p, ...rest }) => rest) };
}
/** Attach Dockerfile lines to wasted files. */
function wastedEntries(files, layers) {
    return files.map(w => {
        const e = { path: `/${w.path}`, bytes: w.size, how: w.how, layer: w.layer, hiddenBy: w.removedBy };
        if (layers[w.layer]?.line)
            e.line = layers[w.layer].line;
        if (layers[w.removedBy]?.line)
            e.hiddenByLine = layers[w.removedBy].line;
        return e;
    });
}


/***/ }),

/***/ 5047:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ largestWasted),
/* harmony export */   J: () => (/* binding */ mergeLayers)
/* harmony export */ });
/** Apply `layers` bottom first. Pure. */
function mergeLayers(layers) {
    const files = new Map();
    const wastedBytes = layers.map(() => 0);
    const wasted = [];
    let current = 0;
    const drop = (path, how = 'deleted') => {
        const f = files.get(path);
        if (!f)
            return;
        wastedBytes[f.layer] += f.size;
        if (f.type === 'file' && f.size > 0)
            wasted.push({ path, size: f.size, layer: f.layer, removedBy: current, how });
        files.delete(path);
    };
    // Directory index: each path under its parent (implicit parents included), so hiding a
    // directory visits its subtree only: O(n) over all layers instead of O(files × whiteouts).
    const children = new Map();
    const index = (path) => {
        for (let child = path; child;) {
            const slash = child.lastIndexOf('/');
            const parent = slash < 0 ? '' : child.slice(0, slash);
            let set = children.get(parent);
            if (!set)
                children.set(parent, (set = new Set()));
            if (set.has(child))
                break;
            set.add(child);
            child = parent;
        }
    };
    const dropUnder = (dir) => {
        const stack = [...(children.get(dir) ?? [])];
        children.delete(dir);
        for (let path = stack.pop(); path !== undefined; path = stack.pop()) {
            drop(path);
            const below = children.get(path);
            if (below) {
                for (const c of below)
                    stack.push(c);
                children.delete(path);
            }
        }
    };
    const indexPath = index;
    layers.forEach((layer, index) => {
        current = index;
        for (const dir of layer.opaqueDirs)
            dropUnder(dir);
        for (const path of layer.whiteouts) {
            drop(path);
            dropUnder(path);
        }
        for (const file of layer.files) {
            const old = files.get(file.path);
            if (old) {
                if (old.type === 'dir' && file.type !== 'dir')
                    dropUnder(file.path);
                drop(file.path, 'overwritten');
            }
            files.set(file.path, { ...file, layer: index });
            indexPath(file.path);
        }
    });
    return { files, wastedBytes, wasted };
}
/**
 * The `limit` largest of `wasted`, largest first (ties by path). Pure; the report's wasted-files
 * list and the audit's wasted-space finding read the same list.
 */
function largestWasted(wasted, limit = 100) {
    return [...wasted].sort((a, b) => b.size - a.size || a.path.localeCompare(b.path)).slice(0, limit);
}


/***/ }),

/***/ 4146:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   G5: () => (/* binding */ historyKeyword),
/* harmony export */   LH: () => (/* binding */ attributeLayers),
/* harmony export */   vD: () => (/* binding */ attributeHistory)
/* harmony export */ });
/* unused harmony export historyCommand */
/** Keywords that BuildKit records in the history (every instruction of a stage but FROM). */
const HISTORY_KEYWORDS = new Set([
    'RUN',
    'COPY',
    'ADD',
    'WORKDIR',
    'ENV',
    'ARG',
    'LABEL',
    'USER',
    'EXPOSE',
    'CMD',
    'ENTRYPOINT',
    'VOLUME',
    'HEALTHCHECK',
    'STOPSIGNAL',
    'SHELL',
    'ONBUILD',
    'MAINTAINER'
]);
/**
 * Attribute every history entry (layer-making or not) to a chain instruction, walking from the end;
 * entries before the chain's first instruction are the base image's (root stage FROM line). Pure.
 */
function attributeHistory(history, chain) {
    const root = chain[0];
    const steps = chain.flatMap(stage => stage.instructions.filter(i => i.keyword !== 'FROM').map(instruction => ({ stage: stage.index, instruction })));
    const origins = history.map(() => ({ line: root?.line ?? 1, fromBase: true, stage: root?.index ?? 0 }));
    let next = steps.length - 1;
    for (let k = history.length - 1; k >= 0 && next >= 0; k--) {
        const keyword = historyKeyword(history[k].createdBy);
        if (!keyword)
            break;
        const candidates = (strict) => {
            for (let j = next; j >= 0; j--) {
                const instr = steps[j].instruction;
                if (instr.keyword === keyword && (!strict || sameText(instr, history[k].createdBy)))
                    return j;
            }
            return -1;
        };
        let match = candidates(true);
        if (match < 0)
            match = candidates(false);
        if (match < 0)
            break;
        origins[k] = { line: steps[match].instruction.line, fromBase: false, stage: steps[match].stage };
        next = match - 1;
    }
    return origins;
}
/**
 * One origin per layer: the history entries without `empty_layer`, aligned with the layers from
 * the end (a hand-made image may have more or fewer entries than layers). Pure.
 */
function attributeLayers(history, layerCount, chain) {
    const byEntry = attributeHistory(history, chain);
    const root = chain[0];
    const made = history.flatMap((h, k) => (h.emptyLayer ? [] : [{ instruction: h.createdBy, ...byEntry[k] }]));
    const aligned = made.slice(Math.max(0, made.length - layerCount));
    const missing = layerCount - aligned.length;
    const base = { instruction: '', line: root?.line ?? 1, fromBase: true, stage: root?.index ?? 0 };
    return [...Array.from({ length: missing }, () => ({ ...base })), ...aligned];
}
/** The Dockerfile keyword a history entry records (BuildKit or classic builder form). */
function historyKeyword(createdBy) {
    const text = createdBy.trim();
    const nop = text.match(/^\/bin\/sh -c #\(nop\)\s+([A-Z]+)/);
    if (nop)
        return nop[1];
    if (/^\/bin\/sh -c /.test(text))
        return 'RUN';
    const word = text.match(/^([A-Z]+)\b/)?.[1];
    return word && HISTORY_KEYWORDS.has(word) ? word : undefined;
}
/** The command part of a history entry: without keyword, build-arg prefix, shell and `# buildkit`. */
function historyCommand(createdBy) {
    let t = createdBy.trim().replace(/\s*# buildkit$/, '');
    t = t.replace(/^\/bin\/sh -c #\(nop\)\s+/, '');
    t = t.replace(/^[A-Z]+\s+/, '');
    const args = t.match(/^\|(\d+)\s+/);
    if (args) {
        t = t.slice(args[0].length);
        for (let i = 0; i < Number(args[1]); i++)
            t = t.replace(/^\S+\s*/, '');
    }
    t = t.replace(/^\/bin\/sh -c\s+/, '');
    return collapse(t);
}
function sameText(instr, createdBy) {
    const hist = historyCommand(createdBy);
    // History keeps COPY/ADD flags such as --chown and --from, but not RUN's --mount/--network.
    const args = instr.keyword === 'RUN' ? collapse(instr.args.replace(/^(\s*--[a-z-]+(=\S*)?\s+)+/, '')) : collapse(instr.args);
    if (!hist || !args)
        return false;
    return hist === args || hist.endsWith(args) || args.endsWith(hist);
}
const collapse = (s) => s.replace(/\s+/g, ' ').trim();


/***/ }),

/***/ 2227:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  m: () => (/* binding */ inspectImage),
  J: () => (/* binding */ inspectImages)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
var external_node_fs_default = /*#__PURE__*/__nccwpck_require__.n(external_node_fs_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(2174);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __nccwpck_require__(7075);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __nccwpck_require__(8522);
var external_node_zlib_default = /*#__PURE__*/__nccwpck_require__.n(external_node_zlib_);
// EXTERNAL MODULE: ./src/inspect/layer-scan.ts + 3 modules
var layer_scan = __nccwpck_require__(169);
// EXTERNAL MODULE: ./src/inspect/tar-entries.ts
var tar_entries = __nccwpck_require__(9812);
;// CONCATENATED MODULE: ./src/inspect/archive.ts
/**
 * One streaming pass over an image archive as `docker save` writes it, in either layout:
 * classic (`manifest.json`, `<id>.json`, `<id>/layer.tar`) or OCI (`index.json`, `blobs/sha256/…`,
 * layers possibly gzip-compressed). The manifest and config may come after the layer blobs, so
 * every blob is sniffed: small JSON documents are kept, anything else is scanned as a candidate
 * layer tar (gunzipped in-stream when it starts with the gzip magic) and mapped to a layer later.
 * Nothing touches disk; only the current chunk and the per-layer facts are held in memory.
 */




/** JSON documents (manifests, configs, attestations) larger than this are not kept. */
const MAX_JSON_BYTES = 32 * 1024 * 1024;
const SNIFF_BYTES = 512;
/** Larger zlib output chunks: fewer callbacks and stream hops per gigabyte. */
const ZLIB_CHUNK = 256 * 1024;
/** Read the archive streaming from `input`. Rejects when the archive itself is not a valid tar. */
async function readImageArchive(input, options) {
    const contents = { json: new Map(), blobs: new Map() };
    await (0,tar_entries/* forEachTarEntry */.oL)(input, async (header, body) => {
        const path = (0,tar_entries/* normalisePath */.qb)(header.name);
        if (header.type !== 'file' || options.skip?.(path))
            return (0,tar_entries/* skipBody */.iN)(body);
        const { first, rest } = await readHead(body[Symbol.asyncIterator](), SNIFF_BYTES);
        if (first.length === 0)
            return;
        if (looksLikeJson(first)) {
            const doc = await collectJson(first, rest);
            if (doc !== undefined)
                contents.json.set(path, doc);
            return;
        }
        contents.blobs.set(path, await scanBlob(first, rest, header.size ?? 0, options));
    });
    return contents;
}
function looksLikeJson(head) {
    // A tar whose first entry is named `{…` is still a tar.
    if (head.length >= 262 && head.toString('latin1', 257, 262) === 'ustar')
        return false;
    const text = head.subarray(0, 64).toString('latin1').trimStart();
    return text.startsWith('{') || text.startsWith('[');
}
async function collectJson(first, rest) {
    const parts = [first];
    let size = first.length;
    for (let n = await rest.next(); !n.done; n = await rest.next()) {
        size += n.value.length;
        if (size <= MAX_JSON_BYTES)
            parts.push(n.value);
    }
    if (size > MAX_JSON_BYTES)
        return undefined;
    try {
        return JSON.parse(Buffer.concat(parts).toString('utf8'));
    }
    catch {
        return undefined;
    }
}
async function* emptyIterator() { }
/** Scan one layer blob (gzip or plain tar) streaming from `input`, e.g. a file of an OCI layout. */
async function scanLayerStream(input, blobSize, options) {
    const { first, rest } = await readHead(input[Symbol.asyncIterator](), 4);
    if (first.length < 4)
        return { error: first.length === 0 ? 'empty blob' : 'truncated blob' };
    return scanBlob(first, rest, blobSize, options);
}
/** The first `min` bytes or more of a stream (all of it when shorter), and an iterator over the rest. */
async function readHead(chunks, min) {
    const head = [];
    let bytes = 0;
    while (bytes < min) {
        const n = await chunks.next();
        if (n.done)
            return { first: Buffer.concat(head), rest: emptyIterator() };
        head.push(n.value);
        bytes += n.value.length;
    }
    return { first: Buffer.concat(head), rest: chunks };
}
/** Scan one candidate layer blob, gunzipping it when compressed. */
async function scanBlob(first, rest, blobSize, options) {
    const gzipped = first[0] === 0x1f && first[1] === 0x8b;
    if (first.readUInt32LE(0) === 0xfd2fb528) {
        await drain(first, rest, []);
        return { error: 'zstd-compressed layer (not supported: export the image with gzip or uncompressed layers)' };
    }
    let tarBytes = 0;
    const counter = new external_node_stream_.Transform({
        transform(chunk, _enc, cb) {
            tarBytes += chunk.length;
            cb(null, chunk);
        }
    });
    let estimate = 0;
    let gzip;
    let gzipDone = Promise.resolve();
    if (!gzipped) {
        gzip = external_node_zlib_default().createGzip({ level: options.gzipLevel ?? 6, chunkSize: ZLIB_CHUNK });
        const g = gzip;
        gzipDone = new Promise(resolve => {
            g.on('data', (c) => (estimate += c.length));
            g.on('end', resolve);
            g.on('error', () => resolve());
        });
    }
    const sinks = [];
    let scanError;
    let scan;
    let scanning;
    if (gzipped) {
        const gunzip = external_node_zlib_default().createGunzip({ chunkSize: ZLIB_CHUNK });
        gunzip.on('error', e => counter.destroy(e)); // surfaces as the scan's input error
        scanning = (0,layer_scan/* scanLayerTar */.q)(gunzip.pipe(counter), options.needles).then(s => void (scan = s), e => {
            scanError = e;
            // Nobody reads any more: stop the chain so the writer does not wait for a drain.
            gunzip.destroy();
            counter.destroy();
        });
        sinks.push(gunzip);
    }
    else {
        scanning = (0,layer_scan/* scanLayerTar */.q)(counter, options.needles).then(s => void (scan = s), e => {
            scanError = e;
            counter.destroy();
        });
        sinks.push(counter);
    }
    if (gzip)
        sinks.push(gzip);
    await drain(first, rest, sinks);
    await scanning;
    await gzipDone;
    if (scanError !== undefined || !scan) {
        return { error: scanError instanceof Error ? scanError.message : 'not a tar archive' };
    }
    return {
        ...scan,
        tarBytes,
        compressedBytes: gzipped ? blobSize : estimate,
        compressedFrom: gzipped ? 'blob' : 'gzip-estimate'
    };
}
/** Write the blob's chunks to every live sink (honouring back-pressure), then end them. */
async function drain(first, rest, sinks) {
    const write = async (chunk) => {
        const waits = [];
        for (const s of sinks) {
            if (s.destroyed || s.writableEnded)
                continue;
            if (!s.write(chunk))
                waits.push((0,tar_entries/* drained */.oB)(s));
        }
        if (waits.length)
            await Promise.all(waits);
    };
    await write(first);
    for (let n = await rest.next(); !n.done; n = await rest.next())
        await write(n.value);
    for (const s of sinks)
        if (!s.destroyed && !s.writableEnded)
            s.end();
}

// EXTERNAL MODULE: ./src/inspect/config-secrets.ts
var config_secrets = __nccwpck_require__(4442);
;// CONCATENATED MODULE: ./src/inspect/image-config.ts
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = (v) => (Array.isArray(v) ? v : []);
const asString = (v) => (typeof v === 'string' ? v : '');
/** Where a blob lives in an OCI layout (and in docker save's OCI-style archives). */
const blobPath = (digest) => `blobs/${digest.replace(':', '/')}`;
/**
 * Find every platform image of an export, given a way to read its JSON documents by path: the
 * OCI `index.json` chain first (nested indexes followed; docker save writes it since Docker 25,
 * with every platform the store holds, while its `manifest.json` names one platform only), else
 * the legacy `manifest.json`. Attestation manifests (provenance, SBOM:
 * `vnd.docker.reference.type: attestation-manifest`, or platform unknown/unknown) are counted and
 * skipped; platforms whose manifest the export lacks are listed in `missing`.
 */
function resolveImages(readJson) {
    const out = { images: [], attestations: 0, missing: [] };
    const index = readJson('index.json');
    if (isObject(index))
        walkIndex(index, readJson, 0, out, new Set());
    if (out.images.length > 0)
        return out;
    const manifest = asArray(readJson('manifest.json')).filter(isObject);
    if (manifest.length && typeof manifest[0].Config === 'string') {
        for (const m of manifest) {
            if (typeof m.Config !== 'string')
                continue;
            out.images.push({ platform: '', configPath: m.Config, layerPaths: asArray(m.Layers).map(asString) });
        }
        out.missing = [];
    }
    return out;
}
function walkIndex(index, readJson, depth, out, seen) {
    if (depth > 4)
        return;
    for (const m of asArray(index.manifests).filter(isObject)) {
        const digest = asString(m.digest);
        const annotations = isObject(m.annotations) ? m.annotations : {};
        const platform = isObject(m.platform) ? m.platform : {};
        if (annotations['vnd.docker.reference.type'] === 'attestation-manifest' || platform.os === 'unknown' || platform.architecture === 'unknown') {
            out.attestations++;
            continue;
        }
        if (!digest || seen.has(digest))
            continue;
        const doc = readJson(blobPath(digest));
        if (!isObject(doc)) {
            out.missing.push(platformString(platform) || '?');
            continue;
        }
        if (Array.isArray(doc.manifests)) {
            walkIndex(doc, readJson, depth + 1, out, seen);
            continue;
        }
        if (!isObject(doc.config))
            continue;
        seen.add(digest);
        const layers = asArray(doc.layers).filter(isObject);
        out.images.push({
            platform: platformString(platform),
            manifestDigest: digest,
            configPath: blobPath(asString(doc.config.digest)),
            layerPaths: layers.map(l => blobPath(asString(l.digest))),
            layerSizes: layers.map(l => (typeof l.size === 'number' ? l.size : 0)),
            layerMediaTypes: layers.map(l => asString(l.mediaType))
        });
    }
}
/**
 * The image manifests among a layout's blobs, for a layout whose index.json names a blob it does
 * not hold. BuildKit 0.13 does that when one build runs the oci exporter beside the docker
 * exporter (`--load`) for a single platform: index.json gets the other exporter's descriptor while
 * the blobs are this exporter's. The layout directory is fresh for each build, so every image
 * manifest in it is this build's; attestation manifests (in-toto layers) are skipped.
 */
function manifestsAmongBlobs(blobs) {
    const out = [];
    for (const b of blobs) {
        const doc = b.read();
        if (!isObject(doc) || !isObject(doc.config) || !Array.isArray(doc.layers) || Array.isArray(doc.manifests))
            continue;
        const layers = doc.layers.filter(isObject);
        if (layers.some(l => asString(l.mediaType).includes('in-toto')))
            continue;
        const configType = asString(doc.config.mediaType);
        if (configType && !/image\.config|container\.image/.test(configType))
            continue;
        out.push({
            platform: '',
            manifestDigest: b.digest,
            configPath: blobPath(asString(doc.config.digest)),
            layerPaths: layers.map(l => blobPath(asString(l.digest))),
            layerSizes: layers.map(l => (typeof l.size === 'number' ? l.size : 0)),
            layerMediaTypes: layers.map(l => asString(l.mediaType))
        });
    }
    return out;
}
/** `linux/arm64/v8` from an OCI platform object (or an image config); empty when it has no os. */
function platformString(p) {
    return [asString(p.os), asString(p.architecture), asString(p.variant)].filter(Boolean).join('/');
}
/** Read the parts of an image config the audit needs. */
function parseImageConfig(doc) {
    const c = isObject(doc) ? doc : {};
    const cfg = isObject(c.config) ? c.config : {};
    const rootfs = isObject(c.rootfs) ? c.rootfs : {};
    const labels = {};
    if (isObject(cfg.Labels))
        for (const [k, v] of Object.entries(cfg.Labels))
            labels[k] = asString(v);
    const health = isObject(cfg.Healthcheck) ? asArray(cfg.Healthcheck.Test).map(asString) : undefined;
    return {
        os: asString(c.os),
        architecture: asString(c.architecture),
        variant: asString(c.variant) || undefined,
        user: asString(cfg.User),
        env: asArray(cfg.Env).map(asString),
        labels,
        healthcheck: health && health.length > 0 ? health : undefined,
        entrypoint: asArray(cfg.Entrypoint).map(asString),
        cmd: asArray(cfg.Cmd).map(asString),
        workingDir: asString(cfg.WorkingDir),
        history: asArray(c.history)
            .filter(isObject)
            .map((h) => ({
            createdBy: asString(h.created_by),
            emptyLayer: h.empty_layer === true,
            comment: asString(h.comment) || undefined
        })),
        diffIds: asArray(rootfs.diff_ids).map(asString)
    };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
;// CONCATENATED MODULE: ./src/inspect/layer-cache.ts
/**
 * Per-layer results on disk, so an unchanged layer is not read again, in two tiers:
 *
 * - **shared** (`dir`; on GitHub saved to the Actions cache, which pull requests, forks included,
 *   can restore): only what is the same whatever the build's secrets are. Layer facts of layers no
 *   secret could reach (secret-reach.ts), read without searching for secrets, keyed by diff id;
 *   the blob index (archive path → diff id); image records of runs without secrets, by image id.
 *   Nothing in it is derived from a secret value, so it cannot confirm a guess of one.
 * - **private** (`privateDir`: under the user's own `cache-dir`, the CLI's user cache, or this
 *   run's temp dir; never saved to a shared store): results of the secret search, i.e. facts of
 *   layers a secret could reach and image records of runs with secrets, keyed by diff id (or image
 *   id) plus a key derived from the secrets (scrypt of ids and values; values are never written).
 *
 * A missing or unreadable cache is never an error: it only costs a re-read.
 */



/** Bump when the shape of cached facts or the scan itself changes. */
const CACHE_VERSION = 4;
const sha256 = (s) => (0,external_node_crypto_.createHash)('sha256').update(s).digest('hex');
const hex = (digest) => digest.replace(/^sha256:/, '').replace(/[^0-9a-f]/gi, '');
/** A key for the set of secrets scanned for; 'none' when there are none. Slow by design (scrypt). */
function secretsKey(secrets) {
    if (secrets.length === 0)
        return 'none';
    const material = JSON.stringify([...secrets].map(s => [s.id, s.value]).sort());
    return (0,external_node_crypto_.scryptSync)(material, `stagecraft-audit-secret-scans-v${CACHE_VERSION}`, 32).toString('hex');
}
/** One directory of JSON records; undefined: remembers nothing. */
class Tier {
    dir;
    constructor(dir) {
        if (!dir)
            return;
        try {
            (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
            this.dir = dir;
        }
        catch {
            this.dir = undefined;
        }
    }
    read(name) {
        if (!this.dir)
            return undefined;
        try {
            const doc = JSON.parse((0,external_node_fs_.readFileSync)((0,external_node_path_.join)(this.dir, name), 'utf8'));
            return doc.v === CACHE_VERSION ? doc.data : undefined;
        }
        catch {
            return undefined;
        }
    }
    write(name, data) {
        if (!this.dir)
            return;
        const file = (0,external_node_path_.join)(this.dir, name);
        const tmp = `${file}.${process.pid}.tmp`;
        try {
            (0,external_node_fs_.writeFileSync)(tmp, JSON.stringify({ v: CACHE_VERSION, data }));
            (0,external_node_fs_.renameSync)(tmp, file);
        }
        catch {
            // A cache that cannot be written only costs a re-read next time.
        }
    }
}
class LayerCache {
    secrets;
    sharedTier;
    privateTier;
    key;
    /**
     * `dir`: the shared tier; `privateDir`: the private tier (see the module comment); `secrets`: the
     * build secrets searched for (none: everything is shared, nothing is secret-dependent).
     */
    constructor(dir, privateDir, secrets) {
        this.secrets = secrets;
        this.sharedTier = new Tier(dir);
        this.privateTier = new Tier(secrets.length > 0 ? privateDir : undefined);
    }
    get enabled() {
        return this.sharedTier.dir !== undefined;
    }
    /** Facts of a layer; `searched`: its facts must come from a secret search with this run's secrets. */
    getLayer(diffId, searched) {
        if (searched && this.secrets.length > 0)
            return this.privateTier.read(this.privateName('layer', diffId));
        const facts = this.sharedTier.read(`layer-${hex(diffId)}.json`);
        return facts && { ...facts, secretHits: [] };
    }
    /** Keep a layer's facts; `searched`: they come from a secret search (kept in the private tier only). */
    putLayer(diffId, facts, searched) {
        if (searched && this.secrets.length > 0)
            this.privateTier.write(this.privateName('layer', diffId), facts);
        else
            this.sharedTier.write(`layer-${hex(diffId)}.json`, { ...facts, secretHits: [] });
    }
    /** The diff id of the blob at `path`, when a previous run saw it. */
    blobDiffId(path) {
        return this.sharedTier.read(`blob-${sha256(path)}.json`)?.diffId;
    }
    putBlob(path, diffId) {
        this.sharedTier.write(`blob-${sha256(path)}.json`, { diffId });
    }
    /** The image's config record: shared for runs without secrets, private (per secret set) with. */
    getImage(id) {
        return this.secrets.length > 0
            ? this.privateTier.read(this.privateName('image', id))
            : this.sharedTier.read(`image-${hex(id)}.json`);
    }
    putImage(id, record) {
        if (this.secrets.length > 0)
            this.privateTier.write(this.privateName('image', id), record);
        else
            this.sharedTier.write(`image-${hex(id)}.json`, record);
    }
    privateName(kind, id) {
        this.key ??= secretsKey(this.secrets);
        return `${kind}-${sha256(`${id}\n${this.key}`)}.json`;
    }
}

// EXTERNAL MODULE: ./src/plan/dockerfile.ts
var plan_dockerfile = __nccwpck_require__(2439);
// EXTERNAL MODULE: ./src/inspect/history.ts
var inspect_history = __nccwpck_require__(4146);
;// CONCATENATED MODULE: ./src/inspect/secret-reach.ts
/**
 * Which layers of the runner image a build secret could have reached, from the Dockerfile alone
 * (never from a secret's value, so what the audit caches for the other layers is the same whatever
 * the secrets are: see layer-cache.ts).
 *
 * A value reaches a layer only through what the build hands an instruction: a `RUN` that mounts a
 * secret, a cache or a bind (a cache may hold what an earlier build wrote with the secret; a bind
 * of the context may hold a file with it); a `COPY`/`ADD` from the build context (an `.npmrc` a
 * CI step wrote there), from a named context or image that is not an earlier stage (conservative:
 * a named context can be a local directory) or from a stage a secret reached; and every `RUN` of a
 * stage after a secret reached its filesystem (it can copy the value anywhere). `WORKDIR` layers
 * hold a directory and nothing else. Layers of the external base image were built elsewhere,
 * before this build's secrets existed.
 *
 * BuildKit makes exactly one layer per RUN, COPY, ADD and WORKDIR of the target's stage chain, on
 * top of the base image's layers, so the last layers of the image map one-to-one to those
 * instructions. When anything does not add up (no Dockerfile, more instructions than layers, a
 * history whose layer-making entries disagree with the chain) every layer counts as reached. One
 * case cannot be told apart: a base image's ONBUILD trigger runs in this build but its layer sits
 * among the base image's (ONBUILD is deprecated in the OCI format and rare today).
 */


/** Instructions that make a layer in BuildKit (one each). */
const LAYER_KEYWORDS = new Set(['RUN', 'COPY', 'ADD', 'WORKDIR']);
/**
 * One flag per layer, bottom first: true when a build secret could be in it (search it), false
 * when it cannot. `history`, when known, must agree with the Dockerfile or every layer is reached.
 * Pure.
 */
function secretReach(dockerfile, layerCount, history) {
    const all = () => Array.from({ length: layerCount }, () => true);
    if (!dockerfile || dockerfile.plan.stages.length === 0)
        return all();
    const steps = (0,plan_dockerfile/* stageChain */.ap)(dockerfile.plan, dockerfile.target).flatMap(s => s.instructions.filter(i => LAYER_KEYWORDS.has(i.keyword)));
    const base = layerCount - steps.length;
    if (base < 0)
        return all();
    if (history && !historyAgrees(history, layerCount, steps))
        return all();
    const taint = layerTaint(dockerfile.plan);
    return [...Array.from({ length: base }, () => false), ...steps.map(i => taint.get(i) ?? true)];
}
/** The history's layer-making entries: as many as the layers, the last ones naming the chain's keywords in order. */
function historyAgrees(history, layerCount, steps) {
    const made = history.filter(h => !h.emptyLayer);
    if (made.length !== layerCount)
        return false;
    const tail = made.slice(made.length - steps.length);
    return tail.every((h, k) => (0,inspect_history/* historyKeyword */.G5)(h.createdBy) === steps[k].keyword);
}
/** Whether each layer-making instruction of the Dockerfile could write a secret into its layer. */
function layerTaint(plan) {
    const layer = new Map();
    /** Whether a secret could be anywhere in the stage's final filesystem. */
    const reached = [];
    const fromTainted = (from, stage) => {
        if (from === undefined)
            return true; // the build context
        const src = (0,plan_dockerfile/* findStage */.U9)(plan, from);
        // An earlier stage: as tainted as its filesystem. A later one or the stage itself is an image
        // or named context of that name to BuildKit; so is anything else: conservatively reached.
        return src && src.index < stage.index ? reached[src.index] : true;
    };
    for (const stage of plan.stages) {
        let fs = stage.baseStage !== undefined && stage.baseStage < stage.index ? reached[stage.baseStage] : false;
        for (const instr of stage.instructions) {
            let t;
            if (instr.keyword === 'RUN')
                t = fs || (instr.flags['mount'] ?? []).some(m => mountReaches((0,plan_dockerfile/* parseMountOptions */.tq)(m), stage, fromTainted));
            else if (instr.keyword === 'COPY' || instr.keyword === 'ADD')
                t = fromTainted(instr.flags['from']?.[0], stage);
            else if (instr.keyword === 'WORKDIR')
                t = false;
            else
                continue;
            layer.set(instr, t);
            fs ||= t;
        }
        reached[stage.index] = fs;
    }
    return layer;
}
function mountReaches(o, stage, fromTainted) {
    switch (o.type) {
        case 'secret':
        case 'cache':
            return true;
        case 'bind':
            return fromTainted(o.from || undefined, stage);
        default:
            return false; // tmpfs, ssh: nothing of the secrets' values
    }
}

// EXTERNAL MODULE: ./src/inspect/secret-search.ts + 1 modules
var secret_search = __nccwpck_require__(8834);
;// CONCATENATED MODULE: ./src/inspect/inspect-image.ts
/**
 * Read an image's facts, per platform, from one of two sources:
 * - the OCI layout the build wrote (`--output type=oci,tar=false`): index, manifests and configs
 *   are read from disk, and only the layer blobs the layer cache does not know are streamed;
 * - the engine's image export (`docker save`, the classic store's only way out): one streaming
 *   pass, or nothing but `docker image inspect` when every layer and the config are cached.
 */









/** Layer blobs read at once from a layout (one gunzip each; two cores). */
const LAYOUT_CONCURRENCY = 2;
/** Inspect a single-platform image (the first platform of a multi-platform one). */
async function inspectImage(req) {
    return (await inspectImages(req))[0];
}
/** Inspect every platform of the image. Throws EnvironmentError with one clear line when it cannot be read. */
async function inspectImages(req) {
    const source = req.source ?? { kind: 'engine', ref: req.image ?? '' };
    const needles = (0,secret_search/* secretNeedles */.h9)(req.secrets);
    const cache = new LayerCache(req.layerCacheDir, req.secretScanCacheDir, req.secrets);
    const reach = (layerCount, history) => secretReach(req.dockerfile, layerCount, history);
    const ctx = { needles, cache, secretIds: req.secrets.map(s => s.id), gzipLevel: req.gzipLevel, reach };
    if (source.kind === 'layout')
        return inspectLayout(source.dir, ctx);
    const facts = await inspectEngineImage(req.docker, source.ref, ctx);
    // The export was read with the reach the layer count gave; when the history the export held
    // disagrees with it, read once more searching every layer (never a layer left unsearched).
    const again = needles.length > 0 && facts.some(f => f.reachOverruled)
        ? await inspectEngineImage(req.docker, source.ref, { ...ctx, reach: n => Array.from({ length: n }, () => true) })
        : facts;
    return again.map(({ reachOverruled: _, ...f }) => f);
}
/** Facts of a layer as read with `needles`: redacted and kept in the private tier when searched, else shared with no hits. */
function keepLayer(ctx, diffId, raw, searched) {
    const facts = searched ? (0,config_secrets/* redactLayer */.pC)(raw, ctx.needles) : { ...raw, secretHits: [] };
    ctx.cache.putLayer(diffId, facts, searched);
    return facts;
}
async function inspectLayout(dir, ctx) {
    const readJson = (p) => {
        try {
            return JSON.parse(external_node_fs_default().readFileSync(external_node_path_default().join(dir, p), 'utf8'));
        }
        catch {
            return undefined;
        }
    };
    if (!external_node_fs_default().existsSync(external_node_path_default().join(dir, 'index.json')))
        throw new errors/* EnvironmentError */.eG(`the build wrote no OCI layout to ${dir} (no index.json)`);
    const resolved = resolveImages(readJson);
    let images = resolved.images;
    if (images.length === 0)
        images = manifestsAmongBlobs(smallBlobs(dir, readJson));
    else if (resolved.missing.length)
        throw new errors/* EnvironmentError */.eG(`the OCI layout in ${dir} lacks the manifest of ${resolved.missing.join(', ')}`);
    if (images.length === 0)
        throw new errors/* EnvironmentError */.eG(`the OCI layout in ${dir} holds no image manifest (only attestations?)`);
    const parsed = images.map(img => {
        const raw = readJson(img.configPath);
        if (raw === undefined)
            throw new errors/* EnvironmentError */.eG(`the OCI layout in ${dir} has no readable image config ${img.configPath}`);
        const facts = configFacts(raw, img, ctx);
        const reach = ctx.needles.length > 0 ? ctx.reach(img.layerPaths.length, facts.config.history) : img.layerPaths.map(() => false);
        return { img, reach, ...facts };
    });
    // Every blob the cache does not know, once, even when several platforms share it (searched when
    // any of them needs it searched); what the cache knows is read from it once too.
    const wanted = new Map();
    const known = new Map();
    const knownKey = (diffId, searched) => `${diffId}
${searched}`;
    for (const { img, config, platform, reach } of parsed) {
        img.layerPaths.forEach((p, i) => {
            const diffId = config.diffIds[i];
            const searched = reach[i];
            const pending = wanted.get(p);
            if (pending) {
                pending.searched ||= searched;
                return;
            }
            if (known.has(knownKey(diffId, searched)))
                return;
            const hit = ctx.cache.getLayer(diffId, searched);
            if (hit)
                known.set(knownKey(diffId, searched), hit);
            else
                wanted.set(p, { diffId, size: img.layerSizes?.[i] ?? 0, where: `layer ${i} (${diffId}) of ${platform}`, searched });
        });
    }
    const read = new Map();
    const queue = [...wanted.entries()];
    const worker = async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
            const [p, { diffId, size, where, searched }] = next;
            const file = external_node_path_default().join(dir, p);
            if (!external_node_fs_default().existsSync(file))
                throw new errors/* EnvironmentError */.eG(`${where} is missing from the OCI layout (${p})`);
            const facts = await scanLayerStream(external_node_fs_default().createReadStream(file, { highWaterMark: 1024 * 1024 }), size, {
                needles: searched ? ctx.needles : [],
                gzipLevel: ctx.gzipLevel
            });
            if ('error' in facts)
                throw new errors/* EnvironmentError */.eG(`${where} cannot be read: ${facts.error}`);
            read.set(p, keepLayer(ctx, diffId, facts, searched));
        }
    };
    await Promise.all(Array.from({ length: Math.min(LAYOUT_CONCURRENCY, queue.length) }, worker));
    return parsed.map(({ img, config, configSecretHits, platform, reach }) => {
        let streamed = 0;
        let cached = 0;
        const layers = img.layerPaths.map((p, index) => {
            const digest = config.diffIds[index];
            let facts = read.get(p);
            if (facts)
                streamed++;
            else {
                facts = known.get(knownKey(digest, reach[index])) ?? known.get(knownKey(digest, true));
                if (!facts)
                    throw new errors/* EnvironmentError */.eG(`layer ${index} (${digest}) of ${platform} could not be read from the OCI layout`);
                cached++;
            }
            // The descriptor's size is the blob as a registry stores it: exact, whatever the cache recorded.
            const blobSize = img.layerSizes?.[index];
            if (blobSize)
                facts = { ...facts, compressedBytes: blobSize, compressedFrom: 'blob' };
            return { index, digest, facts };
        });
        return {
            id: img.manifestDigest ?? '',
            platform,
            config,
            configSecretHits,
            layers,
            secretIds: ctx.secretIds,
            source: { streamed, cached, dockerSave: false, reader: 'oci-layout' }
        };
    });
}
/** JSON-sized blobs of a layout (manifests, configs), each read on demand. */
function smallBlobs(dir, readJson) {
    const base = external_node_path_default().join(dir, 'blobs', 'sha256');
    let names = [];
    try {
        names = external_node_fs_default().readdirSync(base);
    }
    catch {
        return [];
    }
    return names
        .filter(n => /^[0-9a-f]{64}$/.test(n) && external_node_fs_default().statSync(external_node_path_default().join(base, n)).size <= 4 * 1024 * 1024)
        .sort()
        .map(n => ({ digest: `sha256:${n}`, read: () => readJson(`blobs/sha256/${n}`) }));
}
/** Config facts of one image (redacted), its secret hits and its platform; checks the layer count. */
function configFacts(raw, img, ctx) {
    const parsed = parseImageConfig(raw);
    const platform = img.platform || platformString(parsed) || 'unknown';
    const configSecretHits = (0,config_secrets/* findConfigSecrets */.rt)(parsed, ctx.needles);
    const config = (0,config_secrets/* redactConfig */.ql)(parsed, ctx.needles);
    if (config.diffIds.length !== img.layerPaths.length) {
        throw new errors/* EnvironmentError */.eG(`the image config of ${platform} lists ${config.diffIds.length} layers but its manifest ${img.layerPaths.length}`);
    }
    return { config, configSecretHits, platform };
}
async function inspectEngineImage(docker, ref, ctx) {
    const info = await docker.inspectImage(ref);
    if (!info)
        throw new errors/* EnvironmentError */.eG(`image ${ref} is not in the engine's image store`);
    // Which layers to search, from the layer count alone (the history comes with the export, and is checked then).
    const rootfs = info.RootFS?.Layers ?? [];
    const reachBefore = ctx.needles.length > 0 && rootfs.length > 0 ? ctx.reach(rootfs.length) : [];
    const searchedBefore = (diffId) => {
        if (ctx.needles.length === 0)
            return false;
        const i = rootfs.indexOf(diffId);
        return i < 0 ? true : reachBefore[i];
    };
    const record = ctx.cache.getImage(info.Id);
    if (record) {
        const reach = ctx.needles.length > 0 ? ctx.reach(record.config.diffIds.length, record.config.history) : record.config.diffIds.map(() => false);
        const layers = record.config.diffIds.map((digest, index) => ({ index, digest, facts: ctx.cache.getLayer(digest, reach[index]) }));
        if (layers.every(l => l.facts)) {
            return [
                {
                    id: info.Id,
                    platform: platformString(record.config),
                    config: record.config,
                    configSecretHits: record.configSecretHits,
                    layers: layers,
                    secretIds: ctx.secretIds,
                    source: { streamed: 0, cached: layers.length, dockerSave: false, reader: 'cache' }
                }
            ];
        }
    }
    const { stream, done } = await docker.save(ref);
    const known = new Map();
    const reading = readImageArchive(stream, {
        needles: ctx.needles,
        gzipLevel: ctx.gzipLevel,
        skip: p => {
            const diffId = ctx.cache.blobDiffId(p);
            if (!diffId)
                return false;
            const searched = searchedBefore(diffId);
            const facts = ctx.cache.getLayer(diffId, searched);
            if (facts)
                known.set(p, { facts, searched });
            return facts !== undefined;
        }
    });
    // A parse failure leaves the pipe unread: stop docker save rather than let it block forever.
    let stopped = false;
    reading.catch(() => {
        if (stream.readableEnded)
            return; // docker save ended the stream itself: its own error (if any) tells why
        stopped = true;
        stream.destroy();
    });
    const [readResult, saved] = await Promise.allSettled([reading, done]);
    if (saved.status === 'rejected' && !stopped) {
        throw saved.reason instanceof errors/* EnvironmentError */.eG ? saved.reason : new errors/* EnvironmentError */.eG((0,errors/* errorMessage */.gJ)(saved.reason));
    }
    if (readResult.status === 'rejected') {
        throw new errors/* EnvironmentError */.eG(`the image stream of ${ref} is corrupt: ${(0,errors/* errorMessage */.gJ)(readResult.reason)}`);
    }
    const contents = readResult.value;
    const { images, missing } = resolveImages(p => contents.json.get(p));
    if (images.length === 0)
        throw new errors/* EnvironmentError */.eG(`docker save ${ref} wrote no image manifest (manifest.json / index.json)`);
    if (missing.length) {
        throw new errors/* EnvironmentError */.eG(`${ref} lists ${missing.join(', ')} but the engine's store does not hold ${missing.length === 1 ? 'that platform' : 'those platforms'}, so it cannot be audited (pull every platform, or audit the build's own output)`);
    }
    const facts = images.map(img => {
        const raw = contents.json.get(img.configPath);
        if (raw === undefined)
            throw new errors/* EnvironmentError */.eG(`docker save ${ref} wrote no image config (${img.configPath})`);
        const { config, configSecretHits, platform } = configFacts(raw, img, ctx);
        const reach = ctx.needles.length > 0 ? ctx.reach(img.layerPaths.length, config.history) : img.layerPaths.map(() => false);
        let streamed = 0;
        let cached = 0;
        let reachOverruled = false;
        const layers = img.layerPaths.map((p, index) => {
            const digest = config.diffIds[index];
            const blob = contents.blobs.get(p);
            if (blob && 'error' in blob)
                throw new errors/* EnvironmentError */.eG(`layer ${index} (${digest}) of ${ref} (${platform}) cannot be read: ${blob.error}`);
            let layerFacts;
            if (blob) {
                // Every streamed blob was searched; a layer no secret can reach keeps no hits (and is shared).
                layerFacts = keepLayer(ctx, digest, blob, reach[index]);
                streamed++;
                ctx.cache.putBlob(p, digest);
            }
            else {
                const hit = known.get(p);
                if (hit && !hit.searched && reach[index])
                    reachOverruled = true;
                layerFacts = hit?.facts ?? ctx.cache.getLayer(digest, reach[index]);
                if (!layerFacts)
                    throw new errors/* EnvironmentError */.eG(`layer ${index} (${digest}) of ${ref} (${platform}) is missing from the image export`);
                cached++;
            }
            return { index, digest, facts: layerFacts };
        });
        const result = {
            id: images.length === 1 ? info.Id : (img.manifestDigest ?? info.Id),
            platform,
            config,
            configSecretHits,
            layers,
            secretIds: ctx.secretIds,
            source: { streamed, cached, dockerSave: true, reader: 'engine-export' },
            ...(reachOverruled ? { reachOverruled } : {})
        };
        return result;
    });
    if (facts.length === 1)
        ctx.cache.putImage(info.Id, { config: facts[0].config, configSecretHits: facts[0].configSecretHits, layerPaths: images[0].layerPaths });
    return facts;
}


/***/ }),

/***/ 169:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  q: () => (/* binding */ scanLayerTar)
});

;// CONCATENATED MODULE: ./src/inspect/databases.ts
/** Files whose bodies the layer scan keeps (capped), by path without leading slash. */
function isDatabasePath(path) {
    return path === 'etc/passwd' || path === 'var/lib/dpkg/status' || /^var\/lib\/dpkg\/status\.d\/[^/]+$/.test(path) || path === 'lib/apk/db/installed';
}
/** Parse whichever database `path` is; undefined for other paths. */
function parseDatabase(path, text) {
    if (path === 'etc/passwd')
        return { passwd: parsePasswd(text) };
    if (path === 'lib/apk/db/installed')
        return { packages: parseApkInstalled(text) };
    if (path.startsWith('var/lib/dpkg/status')) {
        // status.d files are `<pkg>` or `<pkg>.md5sums`; only the stanza files are databases.
        if (path.endsWith('.md5sums'))
            return { packages: [] };
        return { packages: parseDpkgStatus(text) };
    }
    return undefined;
}
/** `name:x:uid:gid:gecos:home:shell` lines; malformed lines are skipped. */
function parsePasswd(text) {
    const out = [];
    for (const line of text.split('\n')) {
        if (!line.trim() || line.startsWith('#'))
            continue;
        const f = line.split(':');
        if (f.length < 4 || !/^\d+$/.test(f[2]) || !/^\d+$/.test(f[3]))
            continue;
        out.push({ name: f[0], uid: Number(f[2]), gid: Number(f[3]), shell: (f[6] ?? '').trim() });
    }
    return out;
}
/** dpkg status stanzas; only packages whose Status says they are installed. */
function parseDpkgStatus(text) {
    const out = [];
    for (const stanza of text.split(/\n\s*\n/)) {
        const field = (name) => stanza.match(new RegExp(`^${name}:[ \\t]*(.*)$`, 'm'))?.[1]?.trim();
        const name = field('Package');
        if (!name)
            continue;
        const status = field('Status');
        // status.d stanzas (distroless) carry no Status field: they list installed packages only.
        if (status !== undefined && !/\binstalled$/.test(status))
            continue;
        if (status !== undefined && /\bnot-installed$|\bconfig-files$/.test(status))
            continue;
        const kib = Number(field('Installed-Size') ?? '0');
        const pkg = { name, version: field('Version') ?? '', manager: 'dpkg', installedBytes: Number.isFinite(kib) ? kib * 1024 : 0 };
        const depends = dependencyNames([field('Pre-Depends'), field('Depends')]);
        if (depends.length)
            pkg.depends = depends;
        out.push(pkg);
    }
    return out;
}
/** apk `installed` database: `P:` name, `V:` version, `I:` installed bytes, blank line between. */
function parseApkInstalled(text) {
    const out = [];
    for (const block of text.split(/\n\s*\n/)) {
        let name = '';
        let version = '';
        let size = 0;
        let depends = [];
        let provides = [];
        for (const line of block.split('\n')) {
            if (line.startsWith('P:'))
                name = line.slice(2).trim();
            else if (line.startsWith('V:'))
                version = line.slice(2).trim();
            else if (line.startsWith('I:'))
                size = Number(line.slice(2).trim()) || 0;
            else if (line.startsWith('D:'))
                depends = apkNames(line.slice(2));
            else if (line.startsWith('p:'))
                provides = apkNames(line.slice(2));
        }
        if (!name)
            continue;
        const pkg = { name, version, manager: 'apk', installedBytes: size };
        if (depends.length)
            pkg.depends = depends;
        if (provides.length)
            pkg.provides = provides;
        out.push(pkg);
    }
    return out;
}
/** `libc6 (>= 2.34), libx | liby:any` → every package name, alternatives included, versions and arch dropped. */
function dependencyNames(fields) {
    const names = new Set();
    for (const f of fields) {
        for (const alt of (f ?? '').split(/[,|]/)) {
            const name = alt.trim().split(/[\s(:[]/)[0];
            if (name)
                names.add(name);
        }
    }
    return [...names];
}
/** apk `D:`/`p:` lists: `so:libc.musl-x86_64.so.1 cmd:sh=1.36 !conflict` → names without versions or conflicts. */
function apkNames(list) {
    return list
        .split(/\s+/)
        .filter(w => w && !w.startsWith('!'))
        .map(w => w.split(/[=<>~]/)[0]);
}
/** Language package manifests whose bodies the layer scan keeps (npm package roots, Python distributions). */
function isManifestPath(path) {
    if (/(^|\/)node_modules\/(@[^/]+\/)?[^/@.][^/]*\/package\.json$/.test(path))
        return 'npm';
    if (/\.dist-info\/METADATA$|\.egg-info\/PKG-INFO$/.test(path))
        return 'python';
    return undefined;
}
/** Name and version of a manifest; undefined when it names no package. `text` may be a capped prefix. */
function parseManifest(path, manager, text) {
    let name = '';
    let version = '';
    let depends = [];
    if (manager === 'npm') {
        try {
            const doc = JSON.parse(text);
            name = typeof doc.name === 'string' ? doc.name : '';
            version = typeof doc.version === 'string' ? doc.version : '';
            if (doc.dependencies && typeof doc.dependencies === 'object')
                depends = Object.keys(doc.dependencies);
        }
        catch {
            // A body cut at the read cap is not JSON: its first name/version keys are the package's.
            name = text.match(/"name"\s*:\s*"([^"]*)"/)?.[1] ?? '';
            version = text.match(/"version"\s*:\s*"([^"]*)"/)?.[1] ?? '';
        }
    }
    else {
        // Core metadata: RFC 822 headers up to the first blank line.
        const head = text.split(/\r?\n\r?\n/)[0];
        name = head.match(/^Name:[ \t]*(.+)$/m)?.[1]?.trim() ?? '';
        version = head.match(/^Version:[ \t]*(.+)$/m)?.[1]?.trim() ?? '';
        for (const m of head.matchAll(/^Requires-Dist:[ \t]*([A-Za-z0-9][A-Za-z0-9._-]*)(.*)$/gm))
            if (!/\bextra\s*==/.test(m[2]))
                depends.push(m[1]);
    }
    if (!name)
        return undefined;
    const out = { path, manager, name, version };
    if (depends.length)
        out.depends = depends;
    return out;
}

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __nccwpck_require__(7075);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __nccwpck_require__(8522);
var external_node_zlib_default = /*#__PURE__*/__nccwpck_require__.n(external_node_zlib_);
// EXTERNAL MODULE: ./src/inspect/secret-search.ts + 1 modules
var secret_search = __nccwpck_require__(8834);
// EXTERNAL MODULE: ./src/inspect/tar-entries.ts
var tar_entries = __nccwpck_require__(9812);
;// CONCATENATED MODULE: ./src/inspect/zip-entries.ts
/**
 * The entries of a zip held in memory (jar, war, wheel, egg, apk and plain .zip), read from the
 * central directory at its end: so entries written with a data descriptor (sizes after the data,
 * as streaming zippers do) have their sizes, which a local-header-only reader would not know for
 * stored data. Stored and deflated entries are read (deflate by Node's native zlib, bounded by
 * `maxOutputLength`); anything else (encrypted, other methods, zip64) is named, not guessed at.
 */

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** True when `head` starts like a zip (a local file header, or the end record of an empty zip). */
function looksLikeZip(head) {
    return head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && ((head[2] === 3 && head[3] === 4) || (head[2] === 5 && head[3] === 6));
}
/**
 * The file entries of `zip` in central-directory order. `budget()` is asked before each entry
 * is inflated how many bytes it may still produce; an entry that would exceed it is skipped
 * with a reason. Throws when the zip has no readable central directory.
 */
function* zipEntries(zip, budget) {
    const end = findEnd(zip);
    if (end < 0)
        throw new Error('no zip end-of-central-directory record');
    const count = zip.readUInt16LE(end + 10);
    let at = zip.readUInt32LE(end + 16);
    if (count === 0xffff || at === 0xffffffff)
        throw new Error('zip64 archive (not supported)');
    for (let i = 0; i < count; i++) {
        if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL)
            throw new Error('corrupt zip central directory');
        const flags = zip.readUInt16LE(at + 8);
        const method = zip.readUInt16LE(at + 10);
        const csize = zip.readUInt32LE(at + 20);
        const usize = zip.readUInt32LE(at + 24);
        const nameLen = zip.readUInt16LE(at + 28);
        const extraLen = zip.readUInt16LE(at + 30);
        const commentLen = zip.readUInt16LE(at + 32);
        const local = zip.readUInt32LE(at + 42);
        const name = zip.toString('utf8', at + 46, at + 46 + nameLen);
        at += 46 + nameLen + extraLen + commentLen;
        if (name.endsWith('/'))
            continue;
        yield entry(zip, name, { flags, method, csize, usize, local }, budget);
    }
}
function entry(zip, name, e, budget) {
    if (e.flags & 1)
        return { name, skipped: 'encrypted' };
    if (e.csize === 0xffffffff || e.usize === 0xffffffff || e.local === 0xffffffff)
        return { name, skipped: 'zip64 entry (not supported)' };
    if (e.local + 30 > zip.length || zip.readUInt32LE(e.local) !== LOCAL)
        return { name, skipped: 'corrupt local header' };
    const start = e.local + 30 + zip.readUInt16LE(e.local + 26) + zip.readUInt16LE(e.local + 28);
    if (start + e.csize > zip.length)
        return { name, skipped: 'truncated entry' };
    const raw = zip.subarray(start, start + e.csize);
    const left = budget();
    if (e.method === 0)
        return raw.length > left ? { name, skipped: 'decompression bound reached' } : { name, data: raw };
    if (e.method !== 8)
        return { name, skipped: `compression method ${e.method} (not supported)` };
    if (left <= 0)
        return { name, skipped: 'decompression bound reached' };
    try {
        return { name, data: external_node_zlib_default().inflateRawSync(raw, { maxOutputLength: left, chunkSize: 1024 * 1024 }) };
    }
    catch (error) {
        const code = error.code;
        return { name, skipped: code === 'ERR_BUFFER_TOO_LARGE' ? 'decompression bound reached' : 'corrupt deflate data' };
    }
}
/** Offset of the end-of-central-directory record (it ends the file, after a comment of < 64 KB). */
function findEnd(zip) {
    const stop = Math.max(0, zip.length - 22 - 0xffff);
    for (let i = zip.length - 22; i >= stop; i--)
        if (zip.readUInt32LE(i) === EOCD)
            return i;
    return -1;
}

;// CONCATENATED MODULE: ./src/inspect/content-search.ts
/**
 * The secret search of one file's bytes, and of the files archived inside it: a debug bundle
 * (`.tar.gz`, `.tgz`), a `.tar`, a `.gz`, a zip (jar, war, wheel, egg, apk). Archives are sniffed
 * by their magic bytes, not their names: gzip is decompressed streaming (and if it holds a tar, its
 * members are searched), a tar's members are read streaming, a zip is held in memory up to
 * MAX_ZIP_BYTES and read from its central directory (zip-entries.ts). Archives nest up to
 * MAX_DEPTH. Every bound (depth, decompressed bytes, time, zip size) and every archive that could
 * not be read is recorded as a limit, never passed over silently.
 *
 * The file's own bytes are always searched as well; a secret found inside a member is reported
 * with the member's path, and not again on the archive's raw bytes (a stored zip or a tar holds the
 * member's bytes as they are).
 */





/** Archives inside archives are opened down to this depth (a tgz in a tar in a zip: 3). */
const MAX_DEPTH = 3;
/** A zip is read from its central directory at its end: held in memory up to this size. */
const MAX_ZIP_BYTES = 64 * 1024 * 1024;
/** Decompressed bytes allowed per file: this many times its size ... */
const EXPANSION = 16;
/** ... but at least this much (small archives of text compress well) ... */
const MIN_EXPANDED_BYTES = 64 * 1024 * 1024;
/** ... and at most this much, whatever the file's size. */
const MAX_EXPANDED_BYTES = 1024 * 1024 * 1024;
/** Time allowed for looking inside one file's archives. */
const MAX_ARCHIVE_MS = 60_000;
const SNIFF = 263;
/** Searches one file's bytes and the archives inside them; write chunks, then `end()`. */
class ContentSearch {
    needles;
    budget;
    depth;
    member;
    nameHint;
    search;
    head = [];
    headBytes = 0;
    sniffed = false;
    inner;
    innerHits = [];
    constructor(needles, budget, depth, member, nameHint) {
        this.needles = needles;
        this.budget = budget;
        this.depth = depth;
        this.member = member;
        this.nameHint = nameHint;
        this.search = new secret_search/* StreamSearch */.Zm(needles);
    }
    /** The search of a file of `size` bytes at `path` in a layer. */
    static forFile(needles, path, size) {
        const bytesLeft = Math.min(MAX_EXPANDED_BYTES, Math.max(MIN_EXPANDED_BYTES, EXPANSION * size));
        return new ContentSearch(needles, { bytesLeft, deadline: Date.now() + MAX_ARCHIVE_MS, limits: [] }, 0, undefined, path);
    }
    /** True when nothing more can be learnt from the rest of the bytes. */
    done() {
        return this.sniffed && !this.inner && this.search.done();
    }
    /** Look at the next chunk of the file. */
    write(chunk) {
        if (!this.search.done())
            this.search.feed(chunk);
        if (this.sniffed)
            return this.inner?.write(chunk);
        this.head.push(chunk);
        this.headBytes += chunk.length;
        if (this.headBytes >= SNIFF)
            return this.sniff();
    }
    /** The end of the file: finish reading the archives in it; the hits and limits. */
    async end() {
        if (!this.sniffed)
            await this.sniff();
        if (this.inner)
            await this.inner.end();
        const inside = new Set(this.innerHits.map(h => h.match.id));
        const own = this.search
            .matches()
            .filter(m => !inside.has(m.id))
            .map((match) => (this.member === undefined ? { match, where: 'content' } : { match, member: this.member, where: 'content' }));
        return { hits: [...own, ...this.innerHits], limits: this.depth === 0 ? this.budget.limits : [] };
    }
    sniff() {
        this.sniffed = true;
        const head = this.head.length === 1 ? this.head[0] : Buffer.concat(this.head);
        this.head.length = 0;
        const kind = head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b ? 'gzip' : looksLikeZip(head) ? 'zip' : isTar(head) ? 'tar' : undefined;
        if (!kind)
            return;
        if (this.depth >= MAX_DEPTH) {
            this.limit(`${kind} nested deeper than ${MAX_DEPTH} archives: not opened`);
            return;
        }
        this.inner = kind === 'gzip' ? this.gzip(head) : kind === 'zip' ? this.zip() : this.tar();
        return this.inner.write(head);
    }
    limit(reason, member = this.member) {
        this.budget.limits.push(member === undefined ? { reason } : { member, reason });
    }
    /** A search of a member of this file's archive (one level down). */
    child(name) {
        const member = this.member === undefined ? name : `${this.member}!${name}`;
        for (const match of (0,secret_search/* findSecrets */.dL)(this.needles, name))
            this.innerHits.push({ match, member, where: 'path' });
        return new ContentSearch(this.needles, this.budget, this.depth + 1, member, name);
    }
    async finishChild(c) {
        const { hits } = await c.end();
        this.innerHits.push(...hits);
    }
    /** Bytes about to be produced by decompression: false (and a limit) once a bound is reached. */
    spend(bytes) {
        if (this.budget.bytesLeft < bytes) {
            this.limit(`decompression bound reached (${EXPANSION}x the file size, at most ${MAX_EXPANDED_BYTES / 1024 ** 3} GiB): the rest was not searched`);
            this.budget.bytesLeft = -1;
            return false;
        }
        if (Date.now() > this.budget.deadline) {
            this.limit(`time bound reached (${MAX_ARCHIVE_MS / 1000} s): the rest was not searched`);
            this.budget.bytesLeft = -1;
            return false;
        }
        this.budget.bytesLeft -= bytes;
        return true;
    }
    /** gzip: decompressed streaming into a search of its content, named as gunzip would name it. */
    gzip(head) {
        const gunzip = external_node_zlib_default().createGunzip({ chunkSize: 256 * 1024 });
        const content = this.child(gzipName(head, this.nameHint));
        let failed;
        const reading = (async () => {
            try {
                for await (const out of gunzip) {
                    if (!this.spend(out.length))
                        break;
                    await content.write(out);
                }
            }
            catch (error) {
                failed = `corrupt gzip data (${error.message}): searched up to the error`;
            }
            gunzip.destroy();
            await this.finishChild(content);
        })();
        return {
            write: chunk => feed(gunzip, chunk),
            end: async () => {
                if (!gunzip.destroyed)
                    gunzip.end();
                await reading;
                if (failed)
                    this.limit(failed);
            }
        };
    }
    /** tar: each member read streaming into its own search. */
    tar() {
        const input = new external_node_stream_.PassThrough();
        let failed;
        const reading = (0,tar_entries/* forEachTarEntry */.oL)(input, async (header, body) => {
            const name = (0,tar_entries/* normalisePath */.qb)(header.name);
            if (header.type !== 'file' && header.type !== 'contiguous-file')
                return (0,tar_entries/* skipBody */.iN)(body);
            const c = this.child(name);
            for await (const chunk of body)
                await c.write(chunk);
            await this.finishChild(c);
        }).catch((error) => {
            failed = `corrupt tar (${error.message}): searched up to the error`;
            input.destroy();
        });
        return {
            write: chunk => feed(input, chunk),
            end: async () => {
                if (!input.destroyed)
                    input.end();
                await reading;
                if (failed)
                    this.limit(failed);
            }
        };
    }
    /** zip: held in memory up to MAX_ZIP_BYTES, then read from its central directory. */
    zip() {
        const parts = [];
        let size = 0;
        return {
            write: chunk => {
                size += chunk.length;
                if (size <= MAX_ZIP_BYTES)
                    parts.push(chunk);
                else
                    parts.length = 0;
            },
            end: async () => {
                if (size > MAX_ZIP_BYTES)
                    return this.limit(`zip larger than ${MAX_ZIP_BYTES / 1024 ** 2} MB: its entries were not opened (only its raw bytes were searched)`);
                try {
                    for (const e of zipEntries(Buffer.concat(parts), () => this.budget.bytesLeft)) {
                        const c = this.child(e.name);
                        if ('skipped' in e)
                            this.limit(e.skipped, c.member);
                        else if (this.spend(e.data.length))
                            await c.write(e.data);
                        await this.finishChild(c);
                    }
                }
                catch (error) {
                    this.limit(`unreadable zip (${error.message})`);
                }
            }
        };
    }
}
/** A ustar or GNU tar header: the magic at offset 257 and a valid header checksum. */
function isTar(head) {
    if (head.length < 263 || head.toString('latin1', 257, 262) !== 'ustar')
        return false;
    let sum = 0;
    for (let i = 0; i < 512 && i < head.length; i++)
        sum += i >= 148 && i < 156 ? 32 : head[i];
    return head.length < 512 || parseInt(head.toString('latin1', 148, 156), 8) === sum;
}
/** The name gunzip gives the content: the FNAME in the gzip header, else the file name less .gz. */
function gzipName(head, hint) {
    if (head.length > 10 && head[3] & 0x08) {
        let at = 10;
        if (head[3] & 0x04)
            at += 2 + head.readUInt16LE(10);
        const end = head.indexOf(0, at);
        if (end > at)
            return (0,tar_entries/* normalisePath */.qb)(head.toString('latin1', at, end));
    }
    const base = hint.slice(hint.lastIndexOf('/') + 1);
    return base.replace(/\.t?gz$/i, m => (m.toLowerCase() === '.tgz' ? '.tar' : '')) || base;
}
/** Write `chunk` to a stream, waiting for it to drain (or to close or fail: never forever). */
function feed(s, chunk) {
    if (s.destroyed || s.writableEnded)
        return;
    if (s.write(chunk))
        return;
    return (0,tar_entries/* drained */.oB)(s);
}

;// CONCATENATED MODULE: ./src/inspect/layer-scan.ts




/** A database larger than this is not read (a dpkg status of thousands of packages is ~3 MB). */
const MAX_DATABASE_BYTES = 32 * 1024 * 1024;
/** Only this much of a package manifest is read (name and version come first) ... */
const MAX_MANIFEST_BYTES = 256 * 1024;
/** ... and at most this much of all manifests of one layer (a huge node_modules costs no more). */
const MAX_MANIFEST_BYTES_PER_LAYER = 64 * 1024 * 1024;
/** Archive limits kept per file (a zip of thousands of encrypted entries says so once, with a count). */
const MAX_LIMITS_PER_FILE = 10;
/** Scan the uncompressed layer tar streaming from `input`. Rejects when it is not a valid tar. */
async function scanLayerTar(input, needles) {
    const scan = { files: [], whiteouts: [], opaqueDirs: [], secretHits: [] };
    // Config-only needles (short or low-entropy values) are never searched in layers.
    const searching = needles.some(n => n.scope === 'all');
    let manifestBytes = 0;
    await (0,tar_entries/* forEachTarEntry */.oL)(input, async (header, body) => {
        const path = (0,tar_entries/* normalisePath */.qb)(header.name);
        const slash = path.lastIndexOf('/');
        const base = path.slice(slash + 1);
        const dir = slash < 0 ? '' : path.slice(0, slash);
        if (base.startsWith('.wh.')) {
            if (base === '.wh..wh..opq')
                scan.opaqueDirs.push(dir);
            // A bare `.wh.` names no file: kept as a whiteout of '' it would hide the whole filesystem.
            else if (!base.startsWith('.wh..wh.') && base.length > 4)
                scan.whiteouts.push(dir ? `${dir}/${base.slice(4)}` : base.slice(4));
            return (0,tar_entries/* skipBody */.iN)(body);
        }
        if (!path)
            return (0,tar_entries/* skipBody */.iN)(body);
        const file = toLayerFile(path, header);
        scan.files.push(file);
        if (searching) {
            for (const m of (0,secret_search/* findSecrets */.dL)(needles, path))
                scan.secretHits.push(secretHit(m, path, 'path'));
            for (const m of (0,secret_search/* findSecrets */.dL)(needles, file.link ?? ''))
                scan.secretHits.push(secretHit(m, path, 'link'));
        }
        if (file.type !== 'file' || file.size === 0)
            return (0,tar_entries/* skipBody */.iN)(body);
        const manifest = isManifestPath(path);
        if (manifest && manifestBytes < MAX_MANIFEST_BYTES_PER_LAYER) {
            manifestBytes += Math.min(file.size, MAX_MANIFEST_BYTES);
            return readManifest(body, path, file.size, manifest, needles, scan);
        }
        const keep = isDatabasePath(path) && file.size <= MAX_DATABASE_BYTES;
        if (!keep && !searching)
            return (0,tar_entries/* skipBody */.iN)(body);
        await readBody(body, path, file.size, keep, needles, scan);
    });
    return scan;
}
async function readBody(body, path, size, keep, needles, scan) {
    const search = needles.some(n => n.scope === 'all') ? ContentSearch.forFile(needles, path, size) : undefined;
    const kept = [];
    for await (const chunk of body) {
        if (search && !search.done())
            await search.write(chunk);
        if (keep)
            kept.push(chunk);
    }
    if (search)
        record(await search.end(), path, scan);
    if (!keep)
        return;
    const parsed = parseDatabase(path, Buffer.concat(kept).toString('utf8'));
    if (!parsed)
        return;
    if ('passwd' in parsed)
        scan.passwd = parsed.passwd;
    else
        (scan.packages ??= []).push({ source: path, packages: parsed.packages });
}
/** Keep the first MAX_MANIFEST_BYTES of a manifest (the rest still goes through the secret search). */
async function readManifest(body, path, fileSize, manager, needles, scan) {
    const search = needles.some(n => n.scope === 'all') ? ContentSearch.forFile(needles, path, fileSize) : undefined;
    const kept = [];
    let size = 0;
    for await (const chunk of body) {
        if (search && !search.done())
            await search.write(chunk);
        if (size < MAX_MANIFEST_BYTES)
            kept.push(chunk.subarray(0, MAX_MANIFEST_BYTES - size));
        size += chunk.length;
    }
    if (search)
        record(await search.end(), path, scan);
    const parsed = parseManifest(path, manager, Buffer.concat(kept).toString('utf8'));
    if (parsed)
        (scan.manifests ??= []).push(parsed);
}
/** The hits and archive limits of one file's search, into the layer's facts. */
function record(found, path, scan) {
    for (const h of found.hits) {
        const hit = secretHit(h.match, path, h.where);
        scan.secretHits.push(h.member === undefined ? hit : { ...hit, member: h.member });
    }
    if (found.limits.length === 0)
        return;
    const limits = (scan.archiveLimits ??= []);
    for (const l of found.limits.slice(0, MAX_LIMITS_PER_FILE))
        limits.push({ path, ...l });
    const more = found.limits.length - MAX_LIMITS_PER_FILE;
    if (more > 0)
        limits.push({ path, reason: `and ${more} more members not searched` });
}
/** A hit; the encoding only when the value was not written as is (keeps cached facts small). */
function secretHit(m, path, where) {
    return m.encoding === 'raw' ? { secretId: m.id, path, where } : { secretId: m.id, path, where, encoding: m.encoding };
}
function toLayerFile(path, h) {
    const type = h.type === 'file' || h.type === 'contiguous-file'
        ? 'file'
        : h.type === 'directory'
            ? 'dir'
            : h.type === 'symlink'
                ? 'symlink'
                : h.type === 'link'
                    ? 'hardlink'
                    : 'other';
    const file = {
        path,
        type,
        size: type === 'file' ? (h.size ?? 0) : 0,
        mode: h.mode ?? 0,
        uid: h.uid ?? 0,
        gid: h.gid ?? 0
    };
    if (h.linkname)
        file.link = type === 'hardlink' ? (0,tar_entries/* normalisePath */.qb)(h.linkname) : h.linkname;
    return file;
}


/***/ }),

/***/ 8834:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Wl: () => (/* binding */ MIN_CONTENT_BITS),
  FS: () => (/* binding */ MIN_CONTENT_BYTES),
  SI: () => (/* binding */ MIN_SECRET_BYTES),
  Zm: () => (/* binding */ StreamSearch),
  dL: () => (/* binding */ findSecrets),
  h9: () => (/* binding */ secretNeedles),
  uy: () => (/* binding */ unscannableSecrets)
});

// UNUSED EXPORTS: entropyBits, secretCoverage, textHasSecret

;// CONCATENATED MODULE: ./src/inspect/multi-search.ts
/**
 * One pass over a byte stream for many patterns at once (Wu–Manber over byte pairs). A 64K-entry
 * table says, for every pair of bytes, how far the window of `m` bytes (m = the shortest pattern)
 * may move when its last two bytes are that pair: for random bytes and a few dozen patterns almost
 * every pair is in no pattern, so the scan touches one byte pair in every m − 1 bytes. Only windows
 * whose last pair ends some pattern's m-byte prefix are verified, byte by byte, against those
 * patterns. Measured (bench/secret-search.ts): faster than one native `indexOf` per pattern from
 * about 3 patterns up, and far faster than stepping an Aho–Corasick automaton byte by byte in JS.
 *
 * Patterns are found across chunk boundaries with constant memory: the last m − 1 bytes are kept
 * for windows that straddle the seam, and a pattern whose prefix matched at the end of a chunk is
 * verified on into the next chunks (a few counters, however long the pattern).
 */
/** The compiled patterns: build once, then give each stream its own `MultiSearchStream`. */
class MultiPattern {
    /** The patterns, as given. */
    patterns;
    /** Window length: the shortest pattern's length, at most 255 (shifts fit a byte). */
    m;
    /** Per byte pair (`b[i-1] << 8 | b[i]`): how far the window may move; 0: verify the bucket. */
    shift;
    /**
     * One bit per byte pair: set when the pair occurs in some pattern's prefix (its shift is below
     * m − 1). 8 KB, so it stays in the L1 cache where the 64 KB shift table does not: the hot loop
     * reads it first and touches `shift` only for the rare pairs it has (measured 2–3× faster).
     */
    inPrefix;
    /** Per byte pair, the first pattern whose m-byte prefix ends in it (−1: none); `next` chains the rest. */
    head;
    next;
    constructor(patterns) {
        if (patterns.length === 0)
            throw new Error('MultiPattern needs at least one pattern');
        if (patterns.some(p => p.length < 2))
            throw new Error('MultiPattern patterns must be at least 2 bytes long');
        this.patterns = patterns;
        this.m = Math.min(255, ...patterns.map(p => p.length));
        const m = this.m;
        this.shift = new Uint8Array(65536).fill(m - 1);
        this.head = new Int32Array(65536).fill(-1);
        this.next = new Int32Array(patterns.length).fill(-1);
        this.inPrefix = new Uint32Array(2048);
        patterns.forEach((p, k) => {
            for (let j = 0; j + 1 < m; j++) {
                const pair = (p[j] << 8) | p[j + 1];
                const s = m - 2 - j;
                if (s < this.shift[pair])
                    this.shift[pair] = s;
                this.inPrefix[pair >>> 5] |= 1 << (pair & 31);
            }
            // Appended, so a bucket lists its patterns in the order given.
            const last = (p[m - 2] << 8) | p[m - 1];
            if (this.head[last] < 0)
                this.head[last] = k;
            else {
                let e = this.head[last];
                while (this.next[e] >= 0)
                    e = this.next[e];
                this.next[e] = k;
            }
        });
    }
}
/** The search state of one stream over a `MultiPattern`: feed chunks in order. */
class MultiSearchStream {
    set;
    /** The last m − 1 bytes of the stream so far (right-aligned in `tail`, `tailLen` valid). */
    tail;
    tailLen = 0;
    /** Patterns whose start matched but whose end lies in chunks not seen yet: index, bytes matched. */
    pending = [];
    constructor(set) {
        this.set = set;
        this.tail = new Uint8Array(set.m - 1);
    }
    /**
     * Search the next chunk; `onMatch(k)` is called for every occurrence of pattern k that ends in
     * this chunk (including those that started in earlier chunks). `skip(k)`, when given, says a
     * pattern no longer matters (its secret was found): it is not verified.
     */
    feed(chunk, onMatch, skip) {
        const n = chunk.length;
        if (n === 0)
            return;
        if (this.pending.length > 0)
            this.continuePending(chunk, onMatch, skip);
        const { m, shift, inPrefix, head, next } = this.set;
        const tail = this.tail;
        const tl = this.tailLen;
        // Windows that start in the tail and end in this chunk: byte x of the joined stream is
        // tail[tail.length + x] for x < 0, chunk[x] otherwise.
        const at = (x) => (x < 0 ? tail[tail.length + x] : chunk[x]);
        const seamEnd = Math.min(m - 2, n - 1);
        for (let i = m - 1 - tl; i <= seamEnd; i++) {
            if (shift[(at(i - 1) << 8) | at(i)] !== 0)
                continue;
            for (let k = head[(at(i - 1) << 8) | at(i)]; k >= 0; k = next[k])
                this.verify(k, i - m + 1, chunk, onMatch, skip);
        }
        // Windows inside the chunk: the hot loop, in a small function V8 optimises on its own.
        for (let i = nextCandidate(chunk, m - 1, inPrefix, shift, m - 1); i < n; i = nextCandidate(chunk, i + 1, inPrefix, shift, m - 1)) {
            for (let k = head[(chunk[i - 1] << 8) | chunk[i]]; k >= 0; k = next[k])
                this.verify(k, i - m + 1, chunk, onMatch, skip);
        }
        this.keepTail(chunk);
    }
    /** Compare pattern k at `start` (negative: in the tail); a match running past the chunk is pending. */
    verify(k, start, chunk, onMatch, skip) {
        if (skip?.(k))
            return;
        const p = this.set.patterns[k];
        const tail = this.tail;
        const end = Math.min(p.length, chunk.length - start);
        for (let j = 0; j < end; j++) {
            const x = start + j;
            const b = x < 0 ? tail[tail.length + x] : chunk[x];
            if (b !== p[j])
                return;
        }
        if (end === p.length)
            onMatch(k);
        else
            this.pending.push({ k, got: end });
    }
    continuePending(chunk, onMatch, skip) {
        const still = [];
        for (const q of this.pending) {
            if (skip?.(q.k))
                continue;
            const p = this.set.patterns[q.k];
            const take = Math.min(p.length - q.got, chunk.length);
            let ok = true;
            for (let j = 0; j < take; j++) {
                if (chunk[j] !== p[q.got + j]) {
                    ok = false;
                    break;
                }
            }
            if (!ok)
                continue;
            if (q.got + take === p.length)
                onMatch(q.k);
            else
                still.push({ k: q.k, got: q.got + take });
        }
        this.pending = still;
    }
    keepTail(chunk) {
        const keep = this.tail.length;
        if (keep === 0)
            return;
        if (chunk.length >= keep) {
            this.tail.set(chunk.subarray(chunk.length - keep));
            this.tailLen = keep;
            return;
        }
        // A chunk shorter than the tail: shift the kept bytes left and append.
        this.tail.copyWithin(0, chunk.length);
        this.tail.set(chunk, keep - chunk.length);
        this.tailLen = Math.min(keep, this.tailLen + chunk.length);
    }
}
/**
 * The first window end at or after `i` whose last byte pair ends some pattern's prefix (shift 0),
 * or `chunk.length`. Pairs in no prefix move the window by `max` (m − 1) bytes.
 */
function nextCandidate(chunk, i, inPrefix, shift, max) {
    const n = chunk.length;
    // Unrolled while three more full moves stay in the chunk (no bound check between them).
    const safe = n - 3 * max;
    for (;;) {
        while (i < safe) {
            let pair = (chunk[i - 1] << 8) | chunk[i];
            if ((inPrefix[pair >>> 5] & (1 << (pair & 31))) !== 0)
                break;
            i += max;
            pair = (chunk[i - 1] << 8) | chunk[i];
            if ((inPrefix[pair >>> 5] & (1 << (pair & 31))) !== 0)
                break;
            i += max;
            pair = (chunk[i - 1] << 8) | chunk[i];
            if ((inPrefix[pair >>> 5] & (1 << (pair & 31))) !== 0)
                break;
            i += max;
            pair = (chunk[i - 1] << 8) | chunk[i];
            if ((inPrefix[pair >>> 5] & (1 << (pair & 31))) !== 0)
                break;
            i += max;
        }
        if (i >= n)
            return n;
        const pair = (chunk[i - 1] << 8) | chunk[i];
        if ((inPrefix[pair >>> 5] & (1 << (pair & 31))) === 0) {
            i += max;
            continue;
        }
        const s = shift[pair];
        if (s === 0)
            return i;
        i += s;
    }
}

// EXTERNAL MODULE: ./src/encodings.ts
var encodings = __nccwpck_require__(4283);
;// CONCATENATED MODULE: ./src/inspect/secret-search.ts
/**
 * Streaming search for build-secret values in file bytes, and the needles it looks for: each value
 * as given, trimmed, and in the encodings a value is commonly written in (base64 at every
 * alignment, base64url, hex, URL- and JSON-escaped). All needles of all secrets are searched in
 * one pass over the bytes (multi-search.ts), across chunk boundaries, so memory stays constant
 * whatever the file size. Values are held only in memory, never returned.
 *
 * Short or low-entropy values (`postgres`, `changeme`, a PIN) would match ordinary files: they are
 * not searched in file bytes, names or encoded; they are still checked as whole values in ENV,
 * labels and build args, and the audit reports each one and why (see `secretCoverage`).
 */


/** Shorter values would match almost anything: not searched at all (reported). */
const MIN_SECRET_BYTES = 4;
/** Values shorter than this are searched only in the image config, as whole values. */
const MIN_CONTENT_BYTES = 10;
/** Values whose estimated entropy (Shannon, over their bytes, times length) is below this: config only. */
const MIN_CONTENT_BITS = 28;
/** The shorter of the common base64 line widths (PEM 64, coreutils base64 76). */
const WRAP = 64;
/** Encoded needles shorter than this are dropped (they would match by chance). */
const MIN_NEEDLE_BYTES = 8;
/** Shannon entropy of `b` in bits per byte, times its length: a rough guess of how guessable it is. */
function entropyBits(b) {
    if (b.length === 0)
        return 0;
    const counts = new Map();
    for (const x of b)
        counts.set(x, (counts.get(x) ?? 0) + 1);
    let h = 0;
    for (const c of counts.values()) {
        const p = c / b.length;
        h -= p * Math.log2(p);
    }
    return h * b.length;
}
function classify(value) {
    const b = Buffer.from(value.trim(), 'utf8');
    if (b.length < MIN_SECRET_BYTES)
        return 'too-short';
    if (b.length < MIN_CONTENT_BYTES)
        return 'short';
    if (entropyBits(b) < MIN_CONTENT_BITS)
        return 'low-entropy';
    return undefined;
}
/** The secrets not searched everywhere, and why. */
function secretCoverage(secrets) {
    const out = [];
    for (const s of secrets) {
        const reason = classify(s.value);
        if (reason)
            out.push({ id: s.id, scanned: reason === 'too-short' ? 'none' : 'config', reason });
    }
    return out;
}
/** The secrets the audit must report as not (fully) searched: `secretCoverage` under its older name. */
const unscannableSecrets = secretCoverage;
/** The byte strings to look for: see the module comment. */
function secretNeedles(secrets) {
    const out = [];
    const seen = new Set();
    const add = (id, text, encoding, scope) => {
        const bytes = Buffer.from(text, 'utf8');
        if (encoding !== 'raw' && bytes.length < MIN_NEEDLE_BYTES)
            return;
        const key = `${id}\n${scope}\n${bytes.toString('hex')}`;
        if (seen.has(key))
            return;
        seen.add(key);
        out.push({ id, bytes, encoding, scope });
    };
    for (const secret of secrets) {
        const reason = classify(secret.value);
        if (reason === 'too-short')
            continue;
        const values = [...new Set([secret.value, secret.value.trim()])].filter(v => v.length > 0);
        if (reason) {
            for (const v of values)
                add(secret.id, v, 'raw', 'config');
            continue;
        }
        for (const v of values)
            add(secret.id, v, 'raw', 'all');
        for (const v of values) {
            const b = Buffer.from(v, 'utf8');
            for (const b64 of (0,encodings/* base64Variants */.w)(b)) {
                add(secret.id, b64, 'base64', 'all');
                add(secret.id, b64.replace(/\+/g, '-').replace(/\//g, '_'), 'base64url', 'all');
            }
            // `base64` and PEM tools wrap lines at 76 or 64 characters: a long value encoded alone is
            // found by its first line (the encoding of its first 48 bytes).
            const whole = b.toString('base64');
            if (whole.length > WRAP)
                add(secret.id, whole.slice(0, WRAP), 'base64', 'all');
            add(secret.id, b.toString('hex'), 'hex', 'all');
            add(secret.id, b.toString('hex').toUpperCase(), 'hex', 'all');
            add(secret.id, encodeURIComponent(v), 'url', 'all');
            add(secret.id, JSON.stringify(v).slice(1, -1), 'json', 'all');
        }
    }
    // An encoded form equal to the raw value (a hex-looking value, nothing to escape) is the raw one.
    const raw = new Set(out.filter(n => n.encoding === 'raw').map(n => `${n.id}\n${n.bytes.toString('hex')}`));
    return out.filter(n => n.encoding === 'raw' || !raw.has(`${n.id}\n${n.bytes.toString('hex')}`));
}
const WORD = /[A-Za-z0-9]/;
/** True when `needle` occurs in `buf` with no letter or digit right before or after it. */
function wholeValueIn(buf, needle) {
    for (let at = buf.indexOf(needle); at >= 0; at = buf.indexOf(needle, at + 1)) {
        const before = at > 0 ? String.fromCharCode(buf[at - 1]) : '';
        const after = at + needle.length < buf.length ? String.fromCharCode(buf[at + needle.length]) : '';
        if (!WORD.test(before) && !WORD.test(after))
            return true;
    }
    return false;
}
/**
 * The secrets whose needles occur in `text` (one match per secret, the first encoding found).
 * `scope` `config` also tries the config-only needles, as whole values.
 */
function findSecrets(needles, text, scope = 'all') {
    if (!text)
        return [];
    const buf = Buffer.from(text, 'utf8');
    const found = new Map();
    for (const n of needles) {
        if (found.has(n.id))
            continue;
        if (n.scope === 'config' && scope !== 'config')
            continue;
        const hit = n.scope === 'config' ? wholeValueIn(buf, n.bytes) : buf.indexOf(n.bytes) >= 0;
        if (hit)
            found.set(n.id, n.encoding);
    }
    return [...found].map(([id, encoding]) => ({ id, encoding }));
}
/** Ids of the secrets whose (file-scope) needles occur in `text`. */
function textHasSecret(needles, text) {
    return findSecrets(needles, text).map(m => m.id);
}
/** Compiled per needle list: a layer scan opens one StreamSearch per file, all over the same list. */
const compiled = new WeakMap();
function compile(needles) {
    let c = compiled.get(needles);
    if (!c) {
        const all = needles.filter(n => n.scope === 'all');
        c = { needles: all, set: all.length ? new MultiPattern(all.map(n => n.bytes)) : undefined, secrets: new Set(all.map(n => n.id)).size };
        compiled.set(needles, c);
    }
    return c;
}
/**
 * Searches one stream (a file's body) for every file-scope needle in one pass (see multi-search.ts);
 * feed chunks, then read `found()`. Within one chunk, a secret matched in several encodings is
 * reported in the first of them in needle order (raw before encoded forms).
 */
class StreamSearch {
    needles;
    stream;
    secrets;
    hit = new Map();
    constructor(needles) {
        const c = compile(needles);
        this.needles = c.needles;
        this.secrets = c.secrets;
        this.stream = c.set && new MultiSearchStream(c.set);
    }
    /** Look at the next chunk of the stream. */
    feed(chunk) {
        if (!this.stream)
            return;
        // Per secret, the first needle (in needle order) that matched in this chunk.
        let first;
        this.stream.feed(chunk, k => {
            const id = this.needles[k].id;
            first ??= new Map();
            const was = first.get(id);
            if (was === undefined || k < was)
                first.set(id, k);
        }, k => this.hit.has(this.needles[k].id));
        if (first)
            for (const [id, k] of first)
                this.hit.set(id, this.needles[k].encoding);
    }
    /** Secrets found so far (one per secret, with the encoding it was found in). */
    matches() {
        return [...this.hit].map(([id, encoding]) => ({ id, encoding }));
    }
    /** Secret ids found so far (deduplicated). */
    found() {
        return [...this.hit.keys()];
    }
    /** True when every secret has been found: the rest of the stream need not be searched. */
    done() {
        return this.hit.size === this.secrets;
    }
}


/***/ }),

/***/ 302:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ summarise)
/* harmony export */ });
/** Build the summary. Pure. */
function summarise(facts, origins, fs) {
    const layers = facts.layers.map((l) => ({
        index: l.index,
        digest: l.digest,
        bytes: l.facts.tarBytes,
        fileBytes: l.facts.files.reduce((n, f) => n + f.size, 0),
        compressedBytes: l.facts.compressedBytes,
        compressedFrom: l.facts.compressedFrom,
        files: l.facts.files.length,
        instruction: origins[l.index]?.instruction ?? '',
        line: origins[l.index]?.line ?? 1,
        fromBase: origins[l.index]?.fromBase ?? true,
        wastedBytes: fs.wastedBytes[l.index] ?? 0
    }));
    const sum = (k) => layers.reduce((n, l) => n + l[k], 0);
    return {
        id: facts.id,
        user: facts.config.user,
        os: facts.config.os,
        architecture: facts.config.architecture,
        variant: facts.config.variant,
        totalBytes: sum('bytes'),
        compressedBytes: sum('compressedBytes'),
        wastedBytes: sum('wastedBytes'),
        layers
    };
}


/***/ }),

/***/ 9812:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   iN: () => (/* binding */ skipBody),
/* harmony export */   oB: () => (/* binding */ drained),
/* harmony export */   oL: () => (/* binding */ forEachTarEntry),
/* harmony export */   qb: () => (/* binding */ normalisePath)
/* harmony export */ });
/* harmony import */ var tar_stream__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8006);

/**
 * Parse the tar coming from `input`, calling `onEntry` for each entry in order. Resolves when the
 * archive ends; rejects on a malformed archive, a truncated stream or an error from `onEntry`.
 */
function forEachTarEntry(input, onEntry) {
    return new Promise((resolve, reject) => {
        const extract = tar_stream__WEBPACK_IMPORTED_MODULE_0__.extract();
        let settled = false;
        const fail = (error) => {
            if (settled)
                return;
            settled = true;
            input.unpipe(extract);
            extract.destroy();
            reject(error instanceof Error ? error : new Error(String(error)));
        };
        extract.on('entry', (header, body, next) => {
            onEntry(header, body).then(() => next(), fail);
        });
        extract.on('finish', () => {
            if (settled)
                return;
            settled = true;
            resolve();
        });
        extract.on('error', fail);
        input.on('error', fail);
        input.pipe(extract);
    });
}
/** Resolves when `s` drains, closes or fails: a writer waiting on it never waits forever. */
function drained(s) {
    return new Promise(resolve => {
        const done = () => {
            s.off('drain', done);
            s.off('close', done);
            s.off('error', done);
            resolve();
        };
        s.on('drain', done);
        s.on('close', done);
        s.on('error', done);
    });
}
/** Drain a body without looking at it. */
function skipBody(body) {
    return new Promise((resolve, reject) => {
        body.on('end', resolve);
        body.on('error', (e) => reject(e));
        body.resume();
    });
}
/**
 * `./usr/bin/` → `usr/bin`: the form the rules use (no leading `./` or `/` in any mix, such as
 * `/./etc/passwd`, and no trailing `/`). Index scans: a regex on a long run of slashes (PAX paths
 * have no length limit) backtracks quadratically.
 */
function normalisePath(name) {
    const SLASH = 47;
    const DOT = 46;
    let start = 0;
    let end = name.length;
    for (;;) {
        if (name.charCodeAt(start) === SLASH)
            start++;
        else if (name.charCodeAt(start) === DOT && name.charCodeAt(start + 1) === SLASH)
            start += 2;
        else
            break;
    }
    while (end > start && name.charCodeAt(end - 1) === SLASH)
        end--;
    const p = name.slice(start, end);
    return p === '.' ? '' : p;
}


/***/ }),

/***/ 1107:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   cg: () => (/* binding */ flushStdio),
/* harmony export */   i_: () => (/* binding */ TailText),
/* harmony export */   vX: () => (/* binding */ TailBuffer)
/* harmony export */ });
/** Keep the last `size` lines of a stream. */
class TailBuffer {
    size;
    lines = [];
    constructor(size) {
        this.size = size;
    }
    push(line) {
        this.lines.push(line);
        if (this.lines.length > this.size)
            this.lines.shift();
    }
    get() {
        return [...this.lines];
    }
}
/** Keep the last `max` characters of a text that arrives in pieces (memory stays bounded however much arrives). */
class TailText {
    max;
    parts = [];
    length = 0;
    /** Characters dropped from the front so far. */
    dropped = 0;
    constructor(max) {
        this.max = max;
    }
    push(text) {
        this.parts.push(text);
        this.length += text.length;
        // Compact once twice the bound is held: amortised linear, never more than 2 × max retained.
        if (this.length > 2 * this.max)
            this.compact();
    }
    get() {
        this.compact();
        return this.parts.join('');
    }
    /** Characters held now (at most 2 × max). */
    get retained() {
        return this.length;
    }
    compact() {
        const all = this.parts.join('');
        const keep = all.length > this.max ? all.slice(all.length - this.max) : all;
        this.dropped += all.length - keep.length;
        this.parts = [keep];
        this.length = keep.length;
    }
}
/** Resolve once everything written so far to stdout and stderr is flushed (before an explicit exit). */
async function flushStdio() {
    await Promise.all([process.stdout, process.stderr].map(s => new Promise(resolve => s.write('', () => resolve()))));
}


/***/ }),

/***/ 8169:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Tl: () => (/* binding */ examineImage)
});

// UNUSED EXPORTS: MAX_WASTED, auditImage, baselineContentsFor, baselineFor, contentsOf, mergeInto, withContents

// EXTERNAL MODULE: ./src/inspect/summary.ts
var summary = __nccwpck_require__(302);
;// CONCATENATED MODULE: ./src/audit/allow.ts
/** True when `rule` accepts `finding`. */
function allows(r, finding) {
    if (r.rule && r.rule !== finding.rule && !(r.rule === 'hygiene' && finding.rule.startsWith('hygiene/')))
        return false;
    if (r.path)
        return finding.evidence.path !== undefined && r.path.test(finding.evidence.path);
    return true;
}
/** True when `finding` matches one of `rules`. */
function isAllowed(finding, rules) {
    return rules.some(r => allows(r, finding));
}
/** The patterns (as written, comment stripped) that accept none of `findings`: typos, or stale entries. */
function unusedAllow(rules, findings) {
    return rules.filter(r => !findings.some(f => allows(r, f))).map(r => r.pattern);
}

// EXTERNAL MODULE: ./src/plan/dockerfile.ts
var dockerfile = __nccwpck_require__(2439);
// EXTERNAL MODULE: ./src/inspect/filesystem.ts
var filesystem = __nccwpck_require__(5047);
// EXTERNAL MODULE: ./src/inspect/history.ts
var inspect_history = __nccwpck_require__(4146);
// EXTERNAL MODULE: ./src/size/units.ts
var units = __nccwpck_require__(6252);
;// CONCATENATED MODULE: ./src/audit/context.ts




/** Sizes in findings read like every other size Stagecraft prints. */

/** Join facts and plan. Pure. */
function buildContext(facts, plan, target, secretCoverage = []) {
    const chain = (0,dockerfile/* stageChain */.ap)(plan, target);
    const fs = (0,filesystem/* mergeLayers */.J)(facts.layers.map(l => l.facts));
    const passwdFile = fs.files.get('etc/passwd');
    const passwdEntries = passwdFile ? facts.layers[passwdFile.layer]?.facts.passwd : undefined;
    return {
        facts,
        plan,
        target,
        chain,
        fs,
        layers: (0,inspect_history/* attributeLayers */.LH)(facts.config.history, facts.layers.length, chain),
        history: (0,inspect_history/* attributeHistory */.vD)(facts.config.history, chain),
        passwd: passwdEntries && passwdFile ? { entries: passwdEntries, layer: passwdFile.layer } : undefined,
        packages: finalPackages(facts, fs),
        secretCoverage
    };
}
/** Packages of the database files present in the final filesystem, each with the layer that introduced it. */
function finalPackages(facts, fs) {
    const firstSeen = new Map();
    for (const layer of facts.layers) {
        for (const db of layer.facts.packages ?? []) {
            for (const p of db.packages) {
                const key = `${p.manager}:${p.name}`;
                if (!firstSeen.has(key))
                    firstSeen.set(key, layer.index);
            }
        }
    }
    const out = [];
    for (const [path, file] of fs.files) {
        if (file.type !== 'file')
            continue;
        const db = facts.layers[file.layer]?.facts.packages?.find(d => d.source === path);
        if (!db)
            continue;
        for (const p of db.packages)
            out.push({ ...p, layer: firstSeen.get(`${p.manager}:${p.name}`) ?? file.layer });
    }
    return out;
}
/** Evidence pointing at layer `index`: its digest, instruction and Dockerfile line. */
function layerEvidence(ctx, index) {
    const layer = ctx.facts.layers[index];
    const origin = ctx.layers[index];
    return {
        layer: layer ? { index, digest: layer.digest } : undefined,
        line: origin?.line ?? ctx.chain[0]?.line,
        instruction: origin?.instruction || undefined
    };
}
/** Evidence for a file of the final filesystem. */
function fileEvidence(ctx, file) {
    return { path: `/${file.path}`, bytes: file.size, ...layerEvidence(ctx, file.layer) };
}
/** The last instruction with `keyword` in the target's stage chain. */
function lastInstruction(ctx, keyword) {
    for (let s = ctx.chain.length - 1; s >= 0; s--) {
        const found = [...ctx.chain[s].instructions].reverse().find(i => i.keyword === keyword);
        if (found)
            return found;
    }
    return undefined;
}
/** Make a finding, dropping undefined evidence fields so reports stay tidy. */
function finding(rule, severity, message, evidence) {
    const clean = {};
    for (const [k, v] of Object.entries(evidence))
        if (v !== undefined)
            clean[k] = v;
    return { rule, severity, message, evidence: clean };
}

;// CONCATENATED MODULE: ./src/audit/match.ts
/** Match `signatures` (first match wins for each path / package). Pure. */
function matchSignatures(ctx, signatures, opts) {
    const groups = new Map();
    const add = (sig, layer, item) => {
        const line = ctx.layers[layer]?.line ?? ctx.chain[0]?.line ?? 1;
        const key = `${sig.id}\n${line}`;
        let g = groups.get(key);
        if (!g)
            groups.set(key, (g = { signature: sig, line, files: [], packages: [], layer, dirs: [], fileBytes: 0 }));
        if (item.file)
            g.files.push(item.file);
        if (item.pkg)
            g.packages.push(item.pkg);
    };
    const paths = [...ctx.fs.files.keys()].sort();
    for (const path of paths) {
        const file = ctx.fs.files.get(path);
        if (file.type !== 'file')
            continue;
        const sig = signatures.find(s => s.match(path));
        if (sig)
            add(sig, file.layer, { file });
    }
    if (opts.packages) {
        for (const pkg of ctx.packages) {
            const sig = signatures.find(s => s.matchPackage(pkg.name));
            if (sig)
                add(sig, pkg.layer, { pkg });
        }
    }
    // Best evidence first; the group's layer is its first file's (more precise than the database).
    for (const g of groups.values()) {
        g.files.sort((a, b) => g.signature.rank(a.path) - g.signature.rank(b.path) || a.path.localeCompare(b.path));
        g.layer = g.files[0]?.layer ?? g.packages[0]?.layer ?? g.layer;
        g.dirs = enclosingDirs(g);
        g.fileBytes = bytesUnder(ctx, g);
    }
    return [...groups.values()].sort((a, b) => a.line - b.line || a.signature.id.localeCompare(b.signature.id));
}
/** The outermost directories of `g.signature.dirs` that hold one of the group's files. */
function enclosingDirs(g) {
    const found = new Set();
    for (const f of g.files) {
        const parts = f.path.split('/');
        for (let i = 1; i < parts.length; i++) {
            const dir = parts.slice(0, i).join('/');
            if (g.signature.matchDir(dir)) {
                found.add(dir);
                break;
            }
        }
    }
    return [...found].sort();
}
/** Sizes of the group's files plus every other regular file under its directories, each counted once. */
function bytesUnder(ctx, g) {
    let n = 0;
    const inDir = (p) => g.dirs.some(d => p.startsWith(`${d}/`));
    for (const f of g.files)
        if (!inDir(f.path))
            n += f.size;
    if (g.dirs.length === 0)
        return n;
    for (const [path, f] of ctx.fs.files)
        if (f.type === 'file' && inDir(path))
            n += f.size;
    return n;
}
/**
 * Bytes a group costs: the larger of its packages' installed size (dpkg Installed-Size, apk I:)
 * and its files' bytes, where a file inside a package directory counts the whole directory.
 */
function groupBytes(g) {
    const pkgs = g.packages.reduce((n, p) => n + p.installedBytes, 0);
    return Math.max(g.fileBytes, pkgs);
}
/** "/usr/bin/gcc-12 and 3 more files" */
function describeFiles(files) {
    if (files.length === 0)
        return '';
    const more = files.length - 1;
    return `/${files[0].path}${more > 0 ? ` and ${more} more file${more > 1 ? 's' : ''}` : ''}`;
}
/** "packages gcc-12 12.2.0-14, cpp-12 12.2.0-14 (dpkg)" */
function describePackages(pkgs) {
    if (pkgs.length === 0)
        return '';
    const shown = pkgs.slice(0, 4).map(p => `${p.name}${p.version ? ` ${p.version}` : ''}`);
    const more = pkgs.length > 4 ? ` and ${pkgs.length - 4} more` : '';
    return `package${pkgs.length > 1 ? 's' : ''} ${shown.join(', ')}${more} (${pkgs[0].manager})`;
}

// EXTERNAL MODULE: ./src/glob.ts
var glob = __nccwpck_require__(6171);
;// CONCATENATED MODULE: ./src/audit/signatures.ts
/**
 * What the toolchain, dev-leftover and package-cache rules look for, as data. Paths are globs on
 * the final filesystem without the leading slash (see ../glob.ts: a trailing `/**` also matches
 * the directory itself, so everything strictly below is written `/**` + `/*`); package names are globs on the
 * names recorded in the dpkg / apk database. Add a line here to teach the audit a new tool.
 */

/** Binary directories: `bin`, `sbin`, `usr/bin`, `usr/sbin`, `usr/local/bin`, `usr/local/sbin`. */
const BIN = '{,usr/,usr/local/}{bin,sbin}';
const NM = '**/node_modules';
/** Python package directories (a package and its `<name>-<version>.dist-info` count whole). */
const SP = '**/{site,dist}-packages';
/** Compilers, assemblers, linkers, build tools, language toolchains, headers, build meta-packages. */
const TOOLCHAIN_SIGNATURES = [
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
];
/** Files that should not ship in a runtime image (warnings: they cost bytes and may leak sources). */
const DEV_LEFTOVER_SIGNATURES = [
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
        what: 'test frameworks (node_modules, site-packages)',
        paths: [
            `${NM}/{jest,jest-cli,@jest/core,mocha,vitest,ava,jasmine,jasmine-core,tap,karma,cypress,playwright,@playwright/test,supertest,chai,sinon,nyc,c8,ts-jest}/**/*`,
            `${SP}/{pytest,_pytest,pytest-*,pytest_*,hypothesis,tox,nose,coverage}{,-*.dist-info}/**/*`
        ]
    },
    {
        id: 'linters',
        what: 'linters, formatters and type checkers (node_modules, site-packages)',
        paths: [
            `${NM}/{eslint,@eslint/js,prettier,tslint,stylelint,@typescript-eslint/parser,@typescript-eslint/eslint-plugin,@biomejs/biome}/**/*`,
            `${SP}/{mypy,mypyc,black,ruff,flake8,pylint,isort,pyflakes,pycodestyle}{,-*.dist-info}/**/*`
        ]
    }
];
/** Package-manager caches and indexes left in the image. */
const PACKAGE_CACHE_SIGNATURES = [
    { id: 'apt-lists', what: 'apt package lists (/var/lib/apt/lists)', paths: ['var/lib/apt/lists/**/*'], except: ['var/lib/apt/lists/lock'] },
    { id: 'apt-cache', what: 'apt cache (/var/cache/apt)', paths: ['var/cache/apt/**/*'] },
    { id: 'apk-cache', what: 'apk cache', paths: ['var/cache/apk/**/*', 'etc/apk/cache/**/*'] },
    { id: 'npm-cache', what: 'npm cache', paths: ['**/.npm/_cacache/**/*'] },
    { id: 'yarn-cache', what: 'yarn cache', paths: ['**/.cache/yarn/**/*', 'usr/local/share/.cache/yarn/**/*'] },
    { id: 'pip-cache', what: 'pip cache', paths: ['**/.cache/pip/**/*'] }
];
/** Shells (a notice: an attacker's first tool, and rarely needed by a runtime). */
const SHELL_PATHS = ['bin/sh', 'bin/bash', 'bin/dash', 'bin/ash', 'bin/zsh', 'usr/bin/sh', 'usr/bin/bash', 'usr/bin/dash', 'usr/bin/zsh', 'bin/busybox'];
/** Compile the globs of `signatures` once. */
function compileSignatures(signatures) {
    return signatures.map(s => {
        const paths = (s.paths ?? []).map(glob/* globToRegExp */.tL);
        const except = (s.except ?? []).map(glob/* globToRegExp */.tL);
        const packages = (s.packages ?? []).map(glob/* globToRegExp */.tL);
        const dirs = (s.dirs ?? []).map(glob/* globToRegExp */.tL);
        return {
            ...s,
            matchDir: (d) => dirs.some(r => r.test(d)),
            match: (p) => paths.some(r => r.test(p)) && !except.some(r => r.test(p)),
            rank: (p) => paths.findIndex(r => r.test(p)),
            matchPackage: (n) => packages.some(r => r.test(n))
        };
    });
}

;// CONCATENATED MODULE: ./src/audit/rules/dev-leftover.ts
/**
 * dev-leftover (warning): source maps, .git directories, .env files, test frameworks and linters
 * in node_modules: they cost bytes and may leak sources or configuration.
 */



const SIGNATURES = compileSignatures(DEV_LEFTOVER_SIGNATURES);
function devLeftoverRule(ctx) {
    return matchSignatures(ctx, SIGNATURES, { packages: false }).map(g => {
        const bytes = groupBytes(g);
        return finding('dev-leftover', 'warning', `${g.signature.what} in the runner image: ${describeFiles(g.files)}, wasting ${(0,units/* formatBytes */.z3)(bytes)}. Exclude them (.dockerignore, a production install, or a narrower COPY).`, { path: `/${g.files[0].path}`, bytes, ...layerEvidence(ctx, g.layer), line: g.line });
    });
}

;// CONCATENATED MODULE: ./src/audit/rules/hygiene.ts
/**
 * hygiene: no HEALTHCHECK (warning), setuid/setgid files (warning), package-manager caches left in
 * the image (warning), a shell present (notice).
 */



const CACHES = compileSignatures(PACKAGE_CACHE_SIGNATURES);
function hygieneRule(ctx) {
    return [...healthcheck(ctx), ...setuid(ctx), ...caches(ctx), ...shell(ctx)];
}
function healthcheck(ctx) {
    const test = ctx.facts.config.healthcheck;
    if (test && test[0] !== 'NONE')
        return [];
    return [
        finding('hygiene/no-healthcheck', 'warning', `The image has no HEALTHCHECK${test ? ' (disabled with HEALTHCHECK NONE)' : ''}: nothing tells the runtime whether the service inside is healthy.`, { line: ctx.target.line })
    ];
}
function setuid(ctx) {
    const byLine = new Map();
    for (const [path, f] of [...ctx.fs.files].sort(([a], [b]) => a.localeCompare(b))) {
        if (f.type !== 'file' || (f.mode & 0o6000) === 0)
            continue;
        const line = ctx.layers[f.layer]?.line ?? ctx.chain[0].line;
        const g = byLine.get(line) ?? { paths: [], layer: f.layer };
        g.paths.push(`/${path}`);
        byLine.set(line, g);
    }
    return [...byLine].map(([line, g]) => finding('hygiene/setuid', 'warning', `${g.paths.length} setuid/setgid file${g.paths.length > 1 ? 's' : ''} (${g.paths.slice(0, 5).join(', ')}${g.paths.length > 5 ? ', …' : ''}): a way to gain privileges inside the container. Remove them or clear the bits (chmod u-s,g-s).`, { path: g.paths[0], ...layerEvidence(ctx, g.layer), line }));
}
function caches(ctx) {
    return matchSignatures(ctx, CACHES, { packages: false })
        .filter(g => groupBytes(g) > 0)
        .map(g => {
        const bytes = groupBytes(g);
        return finding('hygiene/package-cache', 'warning', `${g.signature.what} left in the image: ${describeFiles(g.files)}, ${(0,units/* formatBytes */.z3)(bytes)}. Clean it in the same RUN, or use a cache mount.`, { path: `/${g.files[0].path}`, bytes, ...layerEvidence(ctx, g.layer), line: g.line });
    });
}
function shell(ctx) {
    const present = SHELL_PATHS.filter(p => {
        const f = ctx.fs.files.get(p);
        return f && (f.type === 'file' || f.type === 'symlink' || f.type === 'hardlink');
    });
    if (present.length === 0)
        return [];
    const first = ctx.fs.files.get(present[0]);
    return [
        finding('hygiene/shell', 'notice', `A shell is present (${present.map(p => `/${p}`).join(', ')}): handy for an attacker and rarely needed at runtime.`, {
            path: `/${present[0]}`,
            ...layerEvidence(ctx, first.layer)
        })
    ];
}

;// CONCATENATED MODULE: ./src/audit/rules/non-root.ts
/**
 * non-root: the runner must not run as root. Errors for no USER (implicit root), `root`, `0`,
 * `0:<g>`, `root:<g>`, and a name that the image's own /etc/passwd maps to uid 0. A non-numeric
 * user gets a warning: Kubernetes runAsNonRoot can only verify a numeric uid.
 */


function nonRootRule(ctx) {
    const user = ctx.facts.config.user.trim();
    const userInstr = lastInstruction(ctx, 'USER');
    // USER set by the base image rather than the Dockerfile points at FROM.
    const line = userInstr?.line ?? (user ? ctx.chain[0].line : ctx.target.line);
    const instruction = userInstr ? `USER ${userInstr.args}` : undefined;
    const stageName = (0,dockerfile/* stageLabel */.Hn)(ctx.target);
    // What the Dockerfile says, and what it resolved to when that differs (`USER ${APP_USER}` → "root").
    const written = userInstr?.args.trim();
    const said = !userInstr ? `The base image's USER ${user}` : written === user ? `USER ${user}` : `USER ${written} (resolved to "${user}")`;
    if (!user) {
        return [
            finding('non-root', 'error', `The image sets no USER, so it runs as root (uid 0). Add \`USER <uid>\` with a numeric non-zero uid (e.g. USER 65532) to stage ${stageName}.`, { line, instruction: ctx.target.instructions[0] ? `FROM ${ctx.target.instructions[0].args}` : undefined })
        ];
    }
    const name = user.split(':')[0];
    if (/^\d+$/.test(name)) {
        if (Number(name) !== 0)
            return [];
        return [
            finding('non-root', 'error', `${said} runs as root (uid 0). Use a non-zero numeric uid, e.g. USER 65532.`, {
                line,
                instruction
            })
        ];
    }
    if (name === 'root') {
        return [
            finding('non-root', 'error', `${said} runs as root (uid 0). Use a non-zero numeric uid, e.g. USER 65532.`, {
                line,
                instruction
            })
        ];
    }
    const entry = ctx.passwd?.entries.find(e => e.name === name);
    const passwdEvidence = ctx.passwd ? { path: '/etc/passwd', ...layerEvidence(ctx, ctx.passwd.layer) } : {};
    if (entry?.uid === 0) {
        return [
            finding('non-root', 'error', `${said}: the image's /etc/passwd maps "${name}" to uid 0, so it runs as root. Give the user a non-zero uid and set USER to that number.`, { ...passwdEvidence, line, instruction })
        ];
    }
    if (!entry) {
        return [
            finding('non-root', 'warning', `${said}: "${name}" is not in the image's /etc/passwd, so the container cannot start as it; and Kubernetes runAsNonRoot can only verify a numeric uid. Use USER <uid>.`, { line, instruction })
        ];
    }
    return [
        finding('non-root', 'warning', `${said} is a name, not a number: Kubernetes runAsNonRoot can only verify a numeric uid. Use USER ${entry.uid}${user.includes(':') ? `:${user.split(':')[1]}` : ''} instead.`, { line, instruction })
    ];
}

// EXTERNAL MODULE: ./src/inspect/secret-search.ts + 1 modules
var secret_search = __nccwpck_require__(8834);
// EXTERNAL MODULE: ./src/inspect/config-secrets.ts
var config_secrets = __nccwpck_require__(4442);
;// CONCATENATED MODULE: ./src/audit/rules/secret-leak.ts
/**
 * secret-leak: a build secret's value must not occur in any layer's file bytes, file names, ENV,
 * labels or history, including in a file that a later layer deleted (it still ships in the lower
 * layer). Findings name the secret id, path, layer and Dockerfile line; never the value.
 */



function secretLeakRule(ctx) {
    return [...fileLeaks(ctx), ...configLeaks(ctx), ...unscannable(ctx), ...archiveLimits(ctx)];
}
function fileLeaks(ctx) {
    const out = [];
    for (const layer of ctx.facts.layers) {
        const seen = new Set();
        for (const hit of layer.facts.secretHits) {
            const key = `${hit.secretId}\n${hit.path}\n${hit.member ?? ''}\n${hit.encoding ?? ''}`;
            if (seen.has(key))
                continue;
            seen.add(key);
            const final = ctx.fs.files.get(hit.path);
            const deleted = !final || final.layer !== layer.index;
            const file = layer.facts.files.find(f => f.path === hit.path);
            const where = hit.where === 'content' ? 'in the bytes of' : hit.where === 'path' ? 'in the name of' : 'in the link target of';
            // In an archive's member: "in the bytes of logs/env.txt, archived in /app/debug.tar.gz".
            const target = hit.member === undefined ? `/${hit.path}` : `${hit.member}, archived in /${hit.path}`;
            const later = deleted ? ' A later layer deletes or replaces the file, but layer ' + layer.index + ' still ships it to anyone who pulls the image.' : '';
            out.push(finding('secret-leak', 'error', `The value of build secret "${hit.secretId}"${encoded(hit.encoding)} is ${where} ${target} (layer ${layer.index}).${later} Read secrets from the mount only, in the RUN that needs them, and never write them to a file.`, { path: `/${hit.path}`, member: hit.member, bytes: file?.size, ...layerEvidence(ctx, layer.index), secretId: hit.secretId }));
        }
    }
    return out;
}
function configLeaks(ctx) {
    // One finding per secret and Dockerfile line (ENV x=… shows up in both Env and the history).
    const groups = new Map();
    for (const hit of ctx.facts.configSecretHits) {
        const line = configLine(ctx, hit);
        const key = `${hit.secretId}\n${line}`;
        const g = groups.get(key) ?? { secretId: hit.secretId, line, places: [] };
        const place = describe(hit, ctx) + (hit.encoding ? `, ${ENCODING_NAMES[hit.encoding]}` : '');
        if (!g.places.includes(place))
            g.places.push(place);
        groups.set(key, g);
    }
    return [...groups.values()].map(g => finding('secret-leak', 'error', `The value of build secret "${g.secretId}" is in the image config (${g.places.join(', ')}), readable by anyone with the image (docker inspect / docker history). Pass it with RUN --mount=type=secret, never with ARG, ENV or LABEL.`, { line: g.line, secretId: g.secretId, instruction: instructionAt(ctx, g.line) }));
}
/**
 * A build arg whose value is the secret: BuildKit records `|1 NAME=value` in the history of every RUN
 * after the ARG, so these hits are reported once, on the ARG line. The history text is redacted
 * already, so the arg is the one whose value reads `***` (and the command itself holds no `***`).
 */
function leakedBuildArg(ctx, hit) {
    if (hit.field !== 'history')
        return undefined;
    if (hit.arg)
        return argLine(ctx, hit.arg);
    const text = ctx.facts.config.history[Number(hit.key)]?.createdBy ?? '';
    const m = text.match(/^RUN \|(\d+) (.*)$/);
    if (!m)
        return undefined;
    const tokens = m[2].split(' ');
    const args = tokens.slice(0, Number(m[1]));
    if (tokens.slice(Number(m[1])).join(' ').includes(config_secrets/* REDACTED */.XF))
        return undefined;
    const name = args.find(a => a.includes(config_secrets/* REDACTED */.XF))?.split('=')[0];
    return name ? argLine(ctx, name) : undefined;
}
/** The ARG instruction declaring `name` in the stage chain. */
function argLine(ctx, name) {
    for (let s = ctx.chain.length - 1; s >= 0; s--) {
        const arg = [...ctx.chain[s].instructions].reverse().find(i => i.keyword === 'ARG' && i.args.split(/[=\s]/)[0] === name);
        if (arg)
            return { name, line: arg.line };
    }
    return undefined;
}
function describe(hit, ctx) {
    const arg = leakedBuildArg(ctx, hit);
    if (arg)
        return `build arg ${arg.name}, recorded in the history of every later RUN`;
    if (hit.field === 'env')
        return `ENV ${hit.key}`;
    if (hit.field === 'label')
        return `LABEL ${hit.key}`;
    if (hit.field === 'config')
        return hit.key;
    const entry = ctx.facts.config.history[Number(hit.key)];
    const keyword = entry?.createdBy.trim().split(/\s+/)[0] ?? '';
    return `history of ${keyword || 'a step'}`;
}
/** The Dockerfile line a config hit comes from. */
function configLine(ctx, hit) {
    const arg = leakedBuildArg(ctx, hit);
    if (arg)
        return arg.line;
    if (hit.field === 'history')
        return ctx.history[Number(hit.key)]?.line ?? ctx.chain[0].line;
    const keyword = hit.field === 'env' ? 'ENV' : hit.field === 'label' ? 'LABEL' : undefined;
    if (keyword) {
        for (let s = ctx.chain.length - 1; s >= 0; s--) {
            const instr = [...ctx.chain[s].instructions]
                .reverse()
                .find(i => i.keyword === keyword && new RegExp(`(^|\\s)["']?${escapeRe(hit.key)}["']?(=|\\s|$)`).test(i.args));
            if (instr)
                return instr.line;
        }
        return ctx.chain[0].line; // set by the base image
    }
    const field = hit.key === 'Cmd' ? 'CMD' : hit.key === 'Entrypoint' ? 'ENTRYPOINT' : hit.key === 'User' ? 'USER' : 'WORKDIR';
    for (let s = ctx.chain.length - 1; s >= 0; s--) {
        const instr = [...ctx.chain[s].instructions].reverse().find(i => i.keyword === field);
        if (instr)
            return instr.line;
    }
    return ctx.chain[0].line;
}
function instructionAt(ctx, line) {
    for (const s of ctx.chain) {
        const i = s.instructions.find(x => x.line === line);
        if (i)
            return i.keyword; // never the arguments: they may hold the value
    }
    return undefined;
}
const ENCODING_NAMES = {
    base64: 'base64-encoded',
    base64url: 'base64url-encoded',
    hex: 'hex-encoded',
    url: 'URL-encoded',
    json: 'JSON-escaped'
};
const encoded = (e) => (e ? ` (${ENCODING_NAMES[e]})` : '');
/** One warning per secret the search left out, saying why and what was still checked (no silent skip). */
function unscannable(ctx) {
    return ctx.secretCoverage.map(c => {
        const why = c.reason === 'too-short'
            ? `is shorter than ${secret_search/* MIN_SECRET_BYTES */.SI} bytes, too short to search for without matching everywhere: it was not checked anywhere.`
            : `${c.reason === 'short' ? `is shorter than ${secret_search/* MIN_CONTENT_BYTES */.FS} bytes` : `has too little entropy (under ${secret_search/* MIN_CONTENT_BITS */.Wl} bits: a word-like or repetitive value)`}, so it would match ordinary files: it was not searched in file contents, file names or encoded forms, only as a whole value in ENV, labels and build args.`;
        return finding('secret-leak', 'warning', `Build secret "${c.id}" ${why} Use a longer, random value to have it checked everywhere.`, {
            secretId: c.id,
            line: ctx.target.line
        });
    });
}
const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** One notice per archive the secret search could not fully look inside (bounds, unreadable): never silent. */
function archiveLimits(ctx) {
    const out = [];
    for (const layer of ctx.facts.layers) {
        for (const l of layer.facts.archiveLimits ?? []) {
            const what = l.member === undefined ? `/${l.path}` : `${l.member} in /${l.path}`;
            out.push(finding('secret-leak', 'notice', `Archive ${what} (layer ${layer.index}) was not fully searched for build secrets: ${l.reason}.`, {
                path: `/${l.path}`,
                member: l.member,
                ...layerEvidence(ctx, layer.index)
            }));
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/audit/rules/toolchain.ts
/**
 * toolchain: compilers, assemblers, linkers, build tools, language toolchains, node-gyp, the
 * TypeScript compiler and JS build tooling, development headers and build meta-packages must not
 * ship in the runner. One error per tool and Dockerfile line, with its paths, packages and bytes.
 *
 * Headers (C, Python) and -dev packages build nothing without a compiler, assembler or linker: on
 * their own they are a warning (bytes wasted, e.g. the official python:3.X-slim's Python.h); next to
 * a compiler they are part of the toolchain error.
 */



const toolchain_SIGNATURES = compileSignatures(TOOLCHAIN_SIGNATURES);
function toolchainRule(ctx) {
    const groups = matchSignatures(ctx, toolchain_SIGNATURES, { packages: true });
    const compiler = groups.find(g => g.signature.compiles);
    return groups.map(g => {
        const bytes = groupBytes(g);
        const where = [describeWhere(g), describePackages(g.packages)].filter(Boolean).join('; ');
        // Without a Dockerfile (auditing a bare image) every layer looks inherited: name the layer instead.
        const origin = ctx.plan.stages.length === 0 ? `layer ${g.layer}` : ctx.layers[g.layer]?.fromBase ? 'inherited from the base image' : 'added by this line';
        const evidence = {
            path: g.files[0] ? `/${g.files[0].path}` : g.packages[0]?.manager === 'apk' ? '/lib/apk/db/installed' : '/var/lib/dpkg/status',
            bytes,
            ...layerEvidence(ctx, g.layer),
            line: g.line
        };
        if (g.signature.headers && !compiler) {
            return finding('toolchain', 'warning', `${g.signature.what} in the runner image (${origin}): ${where}; ${(0,units/* formatBytes */.z3)(bytes)} wasted. No compiler, assembler or linker is present, so they build nothing; drop them (or build in an earlier stage) to save the bytes.`, evidence);
        }
        const withCompiler = g.signature.headers && compiler ? ` With ${compiler.signature.what} present (${compilerWhere(compiler)}), they complete a toolchain.` : '';
        return finding('toolchain', 'error', `${g.signature.what} in the runner image (${origin}): ${where}; ${(0,units/* formatBytes */.z3)(bytes)}.${withCompiler} Build in an earlier stage and copy only the output.`, evidence);
    });
}
/** The package directories when the signature counts whole directories, else the files. */
function describeWhere(g) {
    if (g.dirs.length === 0)
        return describeFiles(g.files);
    const more = g.dirs.length - 1;
    return `/${g.dirs[0]}/${more > 0 ? ` and ${more} more director${more > 1 ? 'ies' : 'y'}` : ''}`;
}
function compilerWhere(g) {
    return g.files[0] ? `/${g.files[0].path}` : describePackages(g.packages);
}

;// CONCATENATED MODULE: ./src/audit/rules/wasted-space.ts

/** Wasted bytes below this are not reported (10 MB). */
const WASTE_MIN_BYTES = 10_000_000;
/** Nor below this share of the image's uncompressed size (10%). */
const WASTE_MIN_SHARE = 0.1;
/** Files named in the message. */
const SHOWN = 3;
function wastedSpaceRule(ctx) {
    const bare = ctx.plan.stages.length === 0;
    const ours = ctx.fs.wasted.filter(w => bare || !ctx.layers[w.removedBy]?.fromBase);
    const bytes = ours.reduce((n, w) => n + w.size, 0);
    const total = ctx.facts.layers.reduce((n, l) => n + l.facts.tarBytes, 0);
    if (bytes < WASTE_MIN_BYTES || total === 0 || bytes / total < WASTE_MIN_SHARE)
        return [];
    const largest = [...ours].sort((a, b) => b.size - a.size || a.path.localeCompare(b.path));
    const shown = largest.slice(0, SHOWN).map(w => wasted_space_describe(ctx, w));
    const more = ours.length - shown.length;
    const top = largest[0];
    return [
        finding('hygiene/wasted-space', 'warning', `${(0,units/* formatBytes */.z3)(bytes)} (${Math.round((bytes / total) * 100)}% of the image) are files that a later layer deletes or overwrites: they still ship in the layer that created them. Largest: ${shown.join('; ')}${more > 0 ? `; and ${more} more file${more > 1 ? 's' : ''}` : ''}. Remove files in the same RUN that creates them, or create them in an earlier stage and copy only what the runner needs.`, { path: `/${top.path}`, bytes, ...layerEvidence(ctx, top.layer) })
    ];
}
function lineOf(ctx, layer) {
    const o = ctx.layers[layer];
    if (!o || ctx.plan.stages.length === 0)
        return `layer ${layer}`;
    return o.fromBase ? `the base image (line ${o.line})` : `line ${o.line}`;
}
function wasted_space_describe(ctx, w) {
    return `/${w.path} (${(0,units/* formatBytes */.z3)(w.size)}, created by ${lineOf(ctx, w.layer)}, removed by ${lineOf(ctx, w.removedBy)})`;
}

// EXTERNAL MODULE: ./src/audit/severity.ts
var severity = __nccwpck_require__(2374);
;// CONCATENATED MODULE: ./src/audit/index.ts
/**
 * The runner audit (pure): the image's facts joined with the Dockerfile, the rules run,
 * audit-allow applied, and what fails counted. Reading the image is the caller's (examine.ts).
 */











/** The pure part: facts + Dockerfile + options → report. */
function auditFacts(facts, plan, target, options, coverage = []) {
    const ctx = buildContext(facts, plan, target, coverage);
    const all = [
        ...(options.requireNonRoot ? nonRootRule(ctx) : []),
        ...(options.forbidToolchains ? toolchainRule(ctx) : []),
        ...secretLeakRule(ctx),
        ...devLeftoverRule(ctx),
        ...hygieneRule(ctx),
        ...wastedSpaceRule(ctx)
    ].sort((a, b) => (0,severity/* severityRank */.q)(b.severity) - (0,severity/* severityRank */.q)(a.severity) || (a.evidence.line ?? 0) - (b.evidence.line ?? 0));
    const findings = all.filter(f => !isAllowed(f, options.allow));
    const allowed = all.filter(f => isAllowed(f, options.allow));
    return {
        image: (0,summary/* summarise */.f)(facts, ctx.layers, ctx.fs),
        findings,
        allowed,
        failing: findings.filter(f => (0,severity/* atLeast */.j)(f.severity, options.failOn)).length,
        unusedAllow: unusedAllow(options.allow, all),
        source: facts.source
    };
}

// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(2174);
// EXTERNAL MODULE: ./src/inspect/inspect-image.ts + 4 modules
var inspect_image = __nccwpck_require__(2227);
;// CONCATENATED MODULE: ./src/size/budget.ts

/** Violations of the budgets; an increase budget without a baseline cannot be violated. */
function checkBudgets(b, report, delta) {
    const out = [];
    if (b.maxSize !== undefined && report.bytes > b.maxSize) {
        out.push({
            budget: 'max-size',
            limit: (0,units/* formatBytes */.z3)(b.maxSize),
            actual: (0,units/* formatBytes */.z3)(report.bytes),
            message: `image is ${(0,units/* formatBytes */.z3)(report.bytes)}, over the max-size budget of ${(0,units/* formatBytes */.z3)(b.maxSize)}`
        });
    }
    if (b.maxIncrease && delta) {
        const grew = delta.bytes - delta.baseBytes;
        const over = b.maxIncrease.kind === 'bytes' ? grew > b.maxIncrease.value : delta.percent !== null && delta.percent > b.maxIncrease.value;
        if (over) {
            const limit = b.maxIncrease.kind === 'bytes' ? (0,units/* formatBytes */.z3)(b.maxIncrease.value) : `${b.maxIncrease.value}%`;
            out.push({
                budget: 'max-increase',
                limit,
                actual: `${(0,units/* formatDelta */.CW)(grew)} (${(0,units/* formatPercent */.l9)(delta.percent)})`,
                message: `image grew by ${(0,units/* formatDelta */.CW)(grew)} (${(0,units/* formatPercent */.l9)(delta.percent)}) against the baseline, over the max-increase budget of ${limit}`
            });
        }
    }
    return out;
}

// EXTERNAL MODULE: ./src/size/model.ts
var model = __nccwpck_require__(278);
;// CONCATENATED MODULE: ./src/size/registry.ts
/** The pushed platform manifest's layer sizes (bottom first). */
async function registryLayerSizes(docker, repo, digest, platform) {
    const top = await docker.registryManifest(`${repo}@${digest}`);
    let manifest = top;
    if (top.manifests) {
        const match = top.manifests.find(m => m.platform?.os === platform.os && m.platform?.architecture === platform.architecture);
        if (!match)
            throw new Error(`the pushed index has no ${platform.os}/${platform.architecture} manifest`);
        manifest = await docker.registryManifest(`${repo}@${match.digest}`);
    }
    return (manifest.layers ?? []).map(l => l.size);
}
/** The report with the registry's layer sizes, when they line up with the measured layers. */
function withRegistrySizes(report, sizes) {
    if (sizes.length !== report.layers.length)
        return report;
    const layers = report.layers.map((l, i) => ({ ...l, compressedBytes: sizes[i] }));
    return { ...report, layers, compressedBytes: sizes.reduce((a, b) => a + b, 0), compressedFrom: 'registry' };
}
/** `registry.example/app:1.2` → `registry.example/app` (tag dropped, digest kept out). */
function repositoryOf(tag) {
    const at = tag.indexOf('@');
    const noDigest = at >= 0 ? tag.slice(0, at) : tag;
    const slash = noDigest.lastIndexOf('/');
    const colon = noDigest.lastIndexOf(':');
    return colon > slash ? noDigest.slice(0, colon) : noDigest;
}

// EXTERNAL MODULE: ./src/inspect/contents.ts + 1 modules
var contents = __nccwpck_require__(9333);
// EXTERNAL MODULE: ../main/node_modules/@renovatebot/pep440/index.js
var pep440 = __nccwpck_require__(3170);
// EXTERNAL MODULE: ../main/node_modules/semver/functions/compare.js
var compare = __nccwpck_require__(837);
var compare_default = /*#__PURE__*/__nccwpck_require__.n(compare);
// EXTERNAL MODULE: ../main/node_modules/semver/functions/valid.js
var valid = __nccwpck_require__(6716);
var valid_default = /*#__PURE__*/__nccwpck_require__.n(valid);
;// CONCATENATED MODULE: ./src/size/package-delta.ts



/**
 * Version order of the package's own ecosystem: semver (npm's own parser, loose, prereleases
 * before their release) for npm, PEP 440 (pre, post and dev releases, epochs, normalised forms)
 * for Python, and dpkg's algorithm for dpkg and apk. A version its ecosystem's parser rejects
 * falls back to dpkg order. <0, 0, >0 like a comparator.
 */
function compareVersions(x, y, manager) {
    if (manager === 'npm') {
        const a = valid_default()(x, { loose: true });
        const b = valid_default()(y, { loose: true });
        if (a && b)
            return compare_default()(a, b);
    }
    else if (manager === 'python' && (0,pep440.valid)(x) && (0,pep440.valid)(y)) {
        return (0,pep440.compare)(x, y);
    }
    return compareDpkgVersions(x, y);
}
/**
 * Debian's version order (epoch, upstream, revision; `~` sorts before anything), as dpkg and
 * (closely enough for up/down) apk order versions. <0, 0, >0 like a comparator.
 */
function compareDpkgVersions(x, y) {
    const split = (v) => {
        const epoch = /^\d+:/.test(v) ? Number(v.slice(0, v.indexOf(':'))) : 0;
        const rest = v.replace(/^\d+:/, '');
        const dash = rest.lastIndexOf('-');
        return { epoch, upstream: dash > 0 ? rest.slice(0, dash) : rest, revision: dash > 0 ? rest.slice(dash + 1) : '' };
    };
    const a = split(x);
    const b = split(y);
    return a.epoch - b.epoch || verrevcmp(a.upstream, b.upstream) || verrevcmp(a.revision, b.revision);
}
function order(c) {
    if (c === undefined)
        return 0;
    if (c === '~')
        return -1;
    if (/\d/.test(c))
        return 0;
    if (/[A-Za-z]/.test(c))
        return c.charCodeAt(0);
    return c.charCodeAt(0) + 256;
}
function verrevcmp(a, b) {
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
        let first = 0;
        while ((i < a.length && !/\d/.test(a[i])) || (j < b.length && !/\d/.test(b[j]))) {
            const ac = order(a[i]);
            const bc = order(b[j]);
            if (ac !== bc)
                return ac - bc;
            i++;
            j++;
        }
        while (a[i] === '0')
            i++;
        while (b[j] === '0')
            j++;
        while (i < a.length && /\d/.test(a[i]) && j < b.length && /\d/.test(b[j])) {
            if (!first)
                first = a.charCodeAt(i) - b.charCodeAt(j);
            i++;
            j++;
        }
        if (i < a.length && /\d/.test(a[i]))
            return 1;
        if (j < b.length && /\d/.test(b[j]))
            return -1;
        if (first)
            return first;
    }
    return 0;
}
const pkgKey = (p) => `${p.manager}:${p.manager === 'python' ? p.name.toLowerCase().replace(/[-_.]+/g, '_') : p.name}`;
/**
 * Group newly installed packages with the dependencies installed with them. The rule: among the
 * packages added, a package that no other added package of its manager depends on is a root; each
 * root takes, largest root first, every added package it reaches through dependencies (dpkg
 * Depends + Pre-Depends, any alternative; apk `D:` resolved through `p:` provides; npm
 * `dependencies`; Python `Requires-Dist` without extras) that no earlier root took. Packages only
 * reachable from each other (a cycle) make their largest member a root. Keys: `manager:name`.
 */
function groupAdded(added) {
    const byName = new Map();
    for (const p of added) {
        byName.set(pkgKey(p), p);
        for (const alias of p.provides ?? [])
            if (!byName.has(pkgKey({ manager: p.manager, name: alias })))
                byName.set(pkgKey({ manager: p.manager, name: alias }), p);
    }
    const deps = (p) => [...new Set((p.depends ?? []).map(d => byName.get(pkgKey({ manager: p.manager, name: d })))).values()].filter((d) => !!d && d !== p);
    const pulled = new Set();
    for (const p of new Set(byName.values()))
        for (const d of deps(p))
            pulled.add(d);
    const bySize = [...new Set(byName.values())].sort((x, y) => y.bytes - x.bytes || x.name.localeCompare(y.name));
    const groups = new Map();
    const taken = new Set();
    const take = (root) => {
        taken.add(root);
        const members = [];
        const queue = [root];
        while (queue.length) {
            for (const d of deps(queue.shift())) {
                if (taken.has(d))
                    continue;
                taken.add(d);
                members.push(d);
                queue.push(d);
            }
        }
        groups.set(pkgKey(root), members);
    };
    for (const p of bySize)
        if (!pulled.has(p) && !taken.has(p))
            take(p);
    for (const p of bySize)
        if (!taken.has(p))
            take(p);
    return groups;
}
/** Packages added, removed, upgraded, downgraded; added ones grouped with their dependencies. */
function packageChanges(before, after) {
    const old = new Map(before.map(p => [pkgKey(p), p]));
    const now = new Map(after.map(p => [pkgKey(p), p]));
    const added = after.filter(p => !old.has(pkgKey(p)));
    const groups = groupAdded(added);
    const out = [];
    for (const p of added) {
        const members = groups.get(pkgKey(p));
        if (!members)
            continue; // installed with another added package: on its line
        const c = { manager: p.manager, name: p.name, after: p.version, status: 'added', bytes: p.bytes, delta: p.bytes };
        if (members.length) {
            c.with = members.map(m => m.name);
            c.withBytes = members.reduce((n, m) => n + m.bytes, 0);
        }
        out.push(c);
    }
    for (const p of before) {
        const q = now.get(pkgKey(p));
        if (!q) {
            out.push({ manager: p.manager, name: p.name, before: p.version, status: 'removed', bytes: 0, delta: -p.bytes });
            continue;
        }
        const cmp = compareVersions(q.version, p.version, p.manager);
        if (cmp === 0)
            continue;
        out.push({
            manager: p.manager,
            name: p.name,
            before: p.version,
            after: q.version,
            status: cmp > 0 ? 'upgraded' : 'downgraded',
            bytes: q.bytes,
            delta: q.bytes - p.bytes
        });
    }
    const weight = (c) => Math.abs(c.delta) + (c.withBytes ?? 0);
    return out.sort((x, y) => weight(y) - weight(x) || x.name.localeCompare(y.name));
}

;// CONCATENATED MODULE: ./src/size/contents-delta.ts

/** At most this many path and package changes are kept (the JSON report; the comment shows fewer). */
const MAX_CHANGES = 200;
/** A directory whose files changed by fewer bytes than this is never an entry of its own. */
const MIN_ENTRY_BYTES = 4096;
/** A subdirectory is followed when it holds at least this share of its parent's change ... */
const SHARE = 0.2;
/** ... or at least this share of the whole image's change (a big directory's big parts are named). */
const ROOT_SHARE = 0.1;
function tree(dirs) {
    const byPath = new Map(dirs.map(d => [d.path, d]));
    const children = new Map();
    for (const d of dirs) {
        if (d.path === '')
            continue;
        const parent = d.path.includes('/') ? d.path.slice(0, d.path.lastIndexOf('/')) : '';
        children.set(parent, [...(children.get(parent) ?? []), d.path]);
    }
    return { byPath, children };
}
/** Bytes under `path` in `t`: listed, 0 when it provably did not exist, undefined when folded away. */
function bytesIn(t, path) {
    const own = t.byPath.get(path);
    if (own)
        return own.bytes;
    let up = path;
    while (up !== '') {
        up = up.includes('/') ? up.slice(0, up.lastIndexOf('/')) : '';
        const d = t.byPath.get(up);
        if (d)
            return d.folded || d.kind ? undefined : 0;
    }
    return 0;
}
/**
 * The directories that explain the change, walking down from the root:
 * - a directory added or removed as a whole, a package root, or one with no listed subdirectories
 *   is an entry (nothing smaller explains it);
 * - otherwise the walk follows each subdirectory holding at least SHARE of the directory's change,
 *   or ROOT_SHARE of the whole change
 *   (change = the sum of |Δ| of the files' directories under it, so growth and shrinkage in two
 *   places do not cancel); when none does, the change is spread thin and the directory is the entry,
 *   unless its parts mostly cancel out (net change under half the change) or it is the root: then
 *   every subdirectory with a change of MIN_ENTRY_BYTES is followed;
 *   when the followed ones leave SHARE or more unexplained, the directory is an entry for the rest.
 */
function pathChanges(before, after) {
    const a = tree(before);
    const b = tree(after);
    const churnMemo = new Map();
    // A subdirectory listed on one side only, below a folded directory on the other, cannot be
    // compared: its bytes stay in its parent's own change.
    const known = (p) => bytesIn(a, p) !== undefined && bytesIn(b, p) !== undefined;
    const kids = (p) => [...new Set([...(a.children.get(p) ?? []), ...(b.children.get(p) ?? [])])].filter(known);
    const leaf = (p) => !!(a.byPath.get(p)?.kind || b.byPath.get(p)?.kind) || kids(p).length === 0;
    const churn = (p) => {
        const memo = churnMemo.get(p);
        if (memo !== undefined)
            return memo;
        const x = bytesIn(a, p) ?? 0;
        const y = bytesIn(b, p) ?? 0;
        let c;
        if (leaf(p))
            c = Math.abs(y - x);
        else {
            const cs = kids(p);
            const direct = y - cs.reduce((n, k) => n + (bytesIn(b, k) ?? 0), 0) - (x - cs.reduce((n, k) => n + (bytesIn(a, k) ?? 0), 0));
            c = Math.abs(direct) + cs.reduce((n, k) => n + churn(k), 0);
        }
        churnMemo.set(p, c);
        return c;
    };
    const out = [];
    const emit = (p, rest) => {
        const x = rest?.before ?? bytesIn(a, p) ?? 0;
        const y = rest?.after ?? bytesIn(b, p) ?? 0;
        if (x === y)
            return;
        const e = {
            path: `/${p}`,
            before: x,
            after: y,
            delta: y - x,
            status: x === 0 ? 'added' : y === 0 ? 'removed' : y > x ? 'grown' : 'shrunk'
        };
        const kind = b.byPath.get(p)?.kind ?? a.byPath.get(p)?.kind;
        if (kind)
            e.kind = kind;
        const line = b.byPath.get(p)?.line;
        if (line && y > 0)
            e.line = line;
        if (rest)
            e.rest = true;
        out.push(e);
    };
    const walk = (p) => {
        const x = bytesIn(a, p) ?? 0;
        const y = bytesIn(b, p) ?? 0;
        if (churn(p) < MIN_ENTRY_BYTES)
            return;
        if ((x === 0) !== (y === 0) || leaf(p))
            return emit(p);
        let cutoff = Math.max(MIN_ENTRY_BYTES, Math.min(SHARE * churn(p), ROOT_SHARE * churn('')));
        let followed = kids(p).filter(k => churn(k) >= cutoff);
        // Spread thin: the directory is the entry when its net change tells the story; when its parts
        // cancel out (300 packages swapped for 300 others of the same size), or it is "/", the parts are named.
        if (followed.length === 0 && p !== '' && 2 * Math.abs(y - x) >= churn(p))
            return emit(p);
        if (followed.length === 0) {
            cutoff = MIN_ENTRY_BYTES;
            followed = kids(p).filter(k => churn(k) >= cutoff);
        }
        for (const k of followed)
            walk(k);
        const left = churn(p) - followed.reduce((n, k) => n + churn(k), 0);
        if (left >= cutoff) {
            // The rest: the directory's own files and its changed subdirectories not followed.
            const aside = kids(p).filter(k => followed.includes(k) || bytesIn(a, k) === bytesIn(b, k));
            const sum = (t) => aside.reduce((n, k) => n + (bytesIn(t, k) ?? 0), 0);
            emit(p, { before: x - sum(a), after: y - sum(b) });
        }
    };
    walk('');
    out.sort((p, q) => Math.abs(q.delta) - Math.abs(p.delta) || p.path.localeCompare(q.path));
    const explained = out.reduce((n, e) => n + Math.abs(e.delta), 0);
    return { paths: out, unexplained: Math.max(0, churn('') - explained) };
}
/** The contents delta, bounded to MAX_CHANGES entries of each kind. */
function contentsDelta(before, after, max = MAX_CHANGES) {
    const { paths, unexplained } = pathChanges(before.dirs, after.dirs);
    const packages = packageChanges(before.packages, after.packages);
    const d = {
        paths: paths.slice(0, max),
        packages: packages.slice(0, max),
        unexplained: unexplained + paths.slice(max).reduce((n, p) => n + Math.abs(p.delta), 0),
        composition: { before: before.composition, after: after.composition }
    };
    if (paths.length > max || packages.length > max)
        d.omitted = { paths: Math.max(0, paths.length - max), packages: Math.max(0, packages.length - max) };
    return d;
}

// EXTERNAL MODULE: ./src/pipeline/phase.ts
var phase = __nccwpck_require__(9135);
;// CONCATENATED MODULE: ./src/pipeline/examine.ts
/**
 * The audit and size phases, shared by the pipeline (after the runner build) and the CLI's
 * `audit`/`compare` commands: inspect every platform of the image once, audit each, size each
 * against the baseline, apply the budgets per platform. Every outcome lands in the result (a
 * phase that could not look is failed with its reason); nothing is thrown.
 */












/** At most this many wasted files per platform in the report. */
const MAX_WASTED = 100;
/** Run the audit and size phases into `result`. A phase that fails sets `result.failure` and its outcome. */
async function examineImage(result, req, timed) {
    let platforms;
    try {
        platforms = await timed(req.audit ? 'Audit' : 'Measure', async () => {
            const facts = await (0,inspect_image/* inspectImages */.J)({
                docker: req.docker,
                source: req.source,
                secrets: req.secrets,
                layerCacheDir: req.layerCacheDir,
                secretScanCacheDir: req.secretScanCacheDir,
                dockerfile: req.dockerfile
            });
            const unscannable = (0,secret_search/* unscannableSecrets */.uy)(req.secrets);
            return facts.map(f => {
                const audit = auditFacts(f, req.dockerfile.plan, req.dockerfile.target, req.options, unscannable);
                const tag = (list) => list.map(x => ({ ...x, platform: f.platform }));
                const kept = req.audit ? audit : { ...audit, findings: [], allowed: [], failing: 0 };
                // Without a Dockerfile (an image given by name) no layer can be told apart as the base image's.
                const noDockerfile = req.dockerfile.plan.stages.length === 0;
                const { contents, wasted } = contentsOf(f, noDockerfile ? audit.image.layers.map(l => ({ ...l, fromBase: false })) : audit.image.layers);
                if (noDockerfile)
                    contents.composition.baseKnown = false;
                return {
                    platform: f.platform,
                    audit: { ...kept, findings: tag(kept.findings), allowed: tag(kept.allowed) },
                    size: (0,model/* sizeReportOf */.h5)(f.id || req.label, audit.image.layers),
                    budgets: [],
                    contents,
                    wasted
                };
            });
        });
    }
    catch (e) {
        result.failure = `${req.audit ? 'audit' : 'size'}: the image ${req.label} could not be read, so it was not audited or sized (${(0,errors/* errorMessage */.gJ)(e)})`;
        result.phases.push({ name: 'Size', durationMs: 0, outcome: 'skipped', reason: 'the image could not be read' });
        return;
    }
    try {
        await timed('Size', async () => {
            for (const p of platforms) {
                if (req.pushed && p.size.compressedFrom === 'gzip-estimate') {
                    try {
                        const [os, architecture] = p.platform.split('/');
                        const sizes = await registryLayerSizes(req.docker, repositoryOf(req.pushed.tag), req.pushed.digest, { os, architecture });
                        p.size = withRegistrySizes(p.size, sizes);
                    }
                    catch (e) {
                        (0,phase/* warn */.R)(result, req.reporter, `compressed size of ${p.platform}: could not read the pushed manifest (${(0,errors/* errorMessage */.gJ)(e)}); the size is a gzip estimate`);
                    }
                }
                const base = baselineFor(req.baseline, p.platform, platforms.length);
                if (base && req.baseline?.info)
                    p.delta = withContents((0,model/* sizeDelta */.GL)(p.size, base, req.baseline.info), p.contents, baselineContentsFor(req.baseline, p.platform, platforms.length));
                p.budgets = checkBudgets(req.budgets, p.size, p.delta).map(b => platforms.length > 1 ? { ...b, platform: p.platform, message: `${p.platform}: ${b.message}` } : b);
            }
        });
    }
    catch (e) {
        result.failure = `size: ${(0,errors/* errorMessage */.gJ)(e)}`;
    }
    mergeInto(result, platforms);
}
/** The baseline's size for `platform`: its own platform entry, else its only image when that is comparable. */
function baselineFor(baseline, platform, count) {
    if (!baseline?.report)
        return undefined;
    const own = baseline.platforms?.find(p => p.platform === platform);
    if (own)
        return own.size;
    if (baseline.platforms && baseline.platforms.length > 1)
        return undefined;
    if (baseline.platform && baseline.platform !== platform)
        return count === 1 ? baseline.report : undefined;
    return baseline.report;
}
/** The contents summary and wasted files of one platform, from its facts and its layers' lines. Pure. */
function contentsOf(facts, layers) {
    const fs = (0,filesystem/* mergeLayers */.J)(facts.layers.map(l => l.facts));
    return { contents: (0,contents/* imageContents */.Y9)(facts, fs, layers), wasted: (0,contents/* wastedEntries */.pM)((0,filesystem/* largestWasted */.B)(fs.wasted, MAX_WASTED), layers) };
}
/** The baseline's contents for `platform`, by the same rule as baselineFor. */
function baselineContentsFor(baseline, platform, count) {
    if (!baselineFor(baseline, platform, count))
        return undefined;
    return baseline?.platforms?.find(p => p.platform === platform)?.contents ?? baseline?.contents;
}
/** The size delta with the contents delta, or a note saying why there is none. Pure. */
function withContents(delta, now, before) {
    if (now && before)
        return { ...delta, contents: contentsDelta(before, now) };
    const note = !before
        ? 'the baseline report predates file and package summaries (it was saved by an older Stagecraft), so only the layer delta is shown; the next report saved on the base branch will have them'
        : 'this image has no contents summary';
    return { ...delta, contentsNote: note };
}
/** The single-value view (largest platform) plus every platform, into the pipeline result. Pure. */
function mergeInto(result, platforms) {
    if (platforms.length === 0)
        return;
    const largest = platforms.reduce((a, b) => (b.size.bytes > a.size.bytes ? b : a));
    result.platforms = platforms;
    result.size = largest.size;
    result.delta = largest.delta;
    result.budgets = platforms.flatMap(p => p.budgets);
    const audits = platforms.map(p => p.audit);
    result.audit = {
        image: largest.audit.image,
        findings: audits.flatMap(a => a.findings).sort((a, b) => (0,severity/* severityRank */.q)(b.severity) - (0,severity/* severityRank */.q)(a.severity)),
        allowed: audits.flatMap(a => a.allowed),
        failing: audits.reduce((n, a) => n + a.failing, 0),
        // A pattern is unused when no platform's findings matched it.
        unusedAllow: audits[0].unusedAllow.filter(p => audits.every(a => a.unusedAllow.includes(p))),
        source: {
            streamed: audits.reduce((n, a) => n + a.source.streamed, 0),
            cached: audits.reduce((n, a) => n + a.source.cached, 0),
            dockerSave: audits.some(a => a.source.dockerSave),
            reader: largest.audit.source.reader
        }
    };
}
/** Audit one image (every platform), no baseline: the audit phase alone, for tests, bench and tools. Throws when it cannot be read. */
async function auditImage(req) {
    const result = { phases: [], testResult: 'skipped', runnerStage: '', warnings: [], cacheMounts: [], budgets: [] };
    const silent = { info: () => { }, warning: () => { }, setSecret: () => { }, group: (_n, fn) => fn() };
    await examineImage(result, {
        docker: req.docker,
        reporter: silent,
        source: req.source ?? { kind: 'engine', ref: req.image ?? '' },
        label: req.image ?? req.source?.kind ?? '',
        dockerfile: { plan: req.dockerfile.plan, target: req.target },
        secrets: req.secrets,
        options: req.options,
        audit: true,
        layerCacheDir: req.layerCacheDir,
        secretScanCacheDir: req.secretScanCacheDir,
        budgets: {}
    }, (_name, fn) => fn());
    if (!result.audit)
        throw new EnvironmentError(result.failure ?? 'the image could not be audited');
    return result.audit;
}


/***/ }),

/***/ 9135:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ phase),
/* harmony export */   R: () => (/* binding */ warn)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2174);
/** Phases of a run: timed, folded in the log, and ending in an outcome recorded on the result. */

/** Time `fn` as a phase of `result` inside a reporter group (the CLI's image commands use it too). */
async function phase(result, deps, name, fn) {
    const start = Date.now();
    try {
        const v = await deps.reporter.group(name, fn);
        result.phases.push({ name, durationMs: Date.now() - start, outcome: 'ok' });
        return v;
    }
    catch (e) {
        result.phases.push({ name, durationMs: Date.now() - start, outcome: 'failed', reason: (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(e) });
        throw e;
    }
}
/** Record a warning in the result and show it (the pipeline's and the examine phases' one way to warn). */
function warn(result, reporter, message) {
    result.warnings.push(message);
    reporter.warning(message);
}


/***/ }),

/***/ 3384:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  aI: () => (/* binding */ runPipeline)
});

// UNUSED EXPORTS: ENGINE_PHASE, imageSource

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
var external_node_fs_default = /*#__PURE__*/__nccwpck_require__.n(external_node_fs_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/baseline/baseline.ts + 1 modules
var baseline = __nccwpck_require__(1286);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
var external_node_os_default = /*#__PURE__*/__nccwpck_require__.n(external_node_os_);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __nccwpck_require__(9524);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(2174);
// EXTERNAL MODULE: ./src/log.ts
var log = __nccwpck_require__(1107);
// EXTERNAL MODULE: ./src/plan/dockerfile.ts
var dockerfile = __nccwpck_require__(2439);
// EXTERNAL MODULE: ./src/inputs/attest.ts
var inputs_attest = __nccwpck_require__(4846);
;// CONCATENATED MODULE: ./src/build/args.ts
/**
 * Pure argv builders for `docker buildx build`. Secrets arrive as ready-made `--secret` specs
 * that reference files or env names, so no secret value can ever reach argv.
 */

/** Arguments after `docker buildx build`. The context is last. */
function buildArgs(inputs, req) {
    const a = ['--progress', 'plain', '--file', inputs.file];
    if (req.target)
        a.push('--target', req.target);
    const each = (flag, values) => values.forEach(v => a.push(flag, v));
    each('--build-arg', inputs['build-args']);
    each('--build-context', inputs['build-contexts']);
    if (inputs.platforms.length)
        a.push('--platform', inputs.platforms.join(','));
    if (inputs.builder)
        a.push('--builder', inputs.builder);
    if (inputs.pull)
        a.push('--pull');
    if (inputs['no-cache'])
        a.push('--no-cache');
    each('--cache-from', inputs['cache-from']);
    each('--secret', req.secretSpecs);
    // What RUN steps see (hosts, network, /dev/shm, limits, ssh, entitlements): the same for the
    // test stage and the runner, so the runner build reuses the test build's cached stages.
    each('--add-host', inputs['add-hosts']);
    each('--allow', inputs.allow);
    if (inputs['cgroup-parent'])
        a.push('--cgroup-parent', inputs['cgroup-parent']);
    if (inputs.network)
        a.push('--network', inputs.network);
    each('--no-cache-filter', inputs['no-cache-filters']);
    if (inputs['shm-size'])
        a.push('--shm-size', inputs['shm-size']);
    each('--ssh', inputs.ssh);
    each('--ulimit', inputs.ulimit);
    if (req.kind === 'test') {
        // The gate only has to run; its layers stay in the builder's cache for the runner build.
        a.push('--output', 'type=cacheonly');
    }
    else {
        each('--label', inputs.labels);
        each('--annotation', inputs.annotations);
        each('--tag', inputs.tags);
        each('--cache-to', inputs['cache-to']);
        a.push(...attestArgs(inputs, req.attestations ?? true));
        // Extra exporters go beside the image Stagecraft audits; the audit never reads them.
        each('--output', inputs.outputs);
        if (inputs.push)
            a.push('--push');
        if (req.load)
            a.push('--load');
        if (req.ociDir)
            a.push('--output', `type=oci,dest=${req.ociDir},tar=false`);
        // buildx refuses an image ID file beside a local or tar exporter (BPA drops it too).
        if (req.iidFile && !(0,inputs_attest/* hasExporterType */.sw)('local', inputs.outputs) && !(0,inputs_attest/* hasExporterType */.sw)('tar', inputs.outputs))
            a.push('--iidfile', req.iidFile);
        if (req.metadataFile)
            a.push('--metadata-file', req.metadataFile);
    }
    a.push(inputs.context);
    return a;
}
/**
 * `--attest` flags as BPA v7 gives them: `provenance` and `sbom` first (a bare boolean becomes
 * `disabled=`), then `attests` lines whose type those two did not already set. Without
 * `provenance` or a provenance line, BPA's default (public repo: mode=max, private:
 * mode=min,inline-only=true) unless `load` or a docker output asks for the docker exporter.
 */
function attestArgs(inputs, builderAttests = true) {
    const a = [];
    // BPA looks at what the user asked for (load, a docker output), not at a --load added for the audit.
    const dockerExporter = inputs.load || (0,inputs_attest/* hasExporterType */.sw)('docker', inputs.outputs);
    if (inputs.provenance)
        a.push('--attest', (0,inputs_attest/* resolveAttestationAttrs */.nb)(`type=provenance,${inputs.provenance}`));
    else if (inputs['provenance-default'] && !dockerExporter && builderAttests)
        a.push('--attest', `type=provenance,${inputs['provenance-default']}`);
    if (inputs.sbom)
        a.push('--attest', (0,inputs_attest/* resolveAttestationAttrs */.nb)(`type=sbom,${inputs.sbom}`));
    for (const attest of inputs.attests) {
        const provenance = (0,inputs_attest/* hasAttestationType */.$i)('provenance', attest);
        const sbom = (0,inputs_attest/* hasAttestationType */.$i)('sbom', attest);
        if (!provenance && !sbom)
            a.push('--attest', (0,inputs_attest/* resolveAttestationAttrs */.nb)(attest));
        else if (provenance && !inputs.provenance)
            a.push('--attest', attest);
        else if (sbom && !inputs.sbom)
            a.push('--attest', attest);
    }
    return a;
}

;// CONCATENATED MODULE: ./src/build/build.ts
/**
 * The two builds: the test-stage gate, then the runner image. Both go through the Docker
 * gateway with the same builder, build args, cache and secrets, so the runner build reuses the
 * stages the test build already made.
 */








/** How a stage is shown to people: its name, or `stage-N` as BuildKit names an unnamed one. */
function stageRef(stage) {
    return (0,dockerfile/* stageLabel */.Hn)(stage);
}
/** What buildx gets as --target: the name; none for an unnamed stage (only the last can be built). */
function buildTarget(stage) {
    return stage.name;
}
/** Build the test stage; a non-zero exit means the tests failed (or the stage did not build). */
async function runTestStage(ctx, stage) {
    const tail = new log/* TailBuffer */.vX(constants/* TEST_LOG_TAIL_LINES */.PC);
    const args = buildArgs(ctx.inputs, {
        kind: 'test',
        target: buildTarget(stage),
        secretSpecs: ctx.secrets.specs,
        driver: ctx.driver
    });
    const r = await ctx.docker.buildx(args, {
        env: ctx.secrets.env,
        onLine: line => {
            ctx.onLine(line);
            tail.push(line);
        }
    });
    return { result: r.exitCode === 0 ? 'passed' : 'failed', stage: stageRef(stage), exitCode: r.exitCode, logTail: tail.get() };
}
class BuildFailedError extends Error {
    stage;
    logTail;
    constructor(stage, logTail) {
        super(`build of stage "${stage}" failed`);
        this.stage = stage;
        this.logTail = logTail;
        this.name = 'BuildFailedError';
    }
}
/** Build the runner stage and return what identifies the image, from the build's own result. */
async function buildRunner(ctx, stage, exp) {
    const dir = external_node_fs_default().mkdtempSync(external_node_path_default().join(process.env.RUNNER_TEMP || external_node_os_default().tmpdir(), 'stagecraft-build-'));
    try {
        const iidFile = external_node_path_default().join(dir, 'iid');
        const metadataFile = external_node_path_default().join(dir, 'metadata.json');
        const layoutDir = exp.plan.layout === 'none' ? undefined : exp.layoutDir;
        if (layoutDir)
            external_node_fs_default().rmSync(layoutDir, { recursive: true, force: true });
        const tail = new log/* TailBuffer */.vX(constants/* TEST_LOG_TAIL_LINES */.PC);
        const onLine = (line) => {
            ctx.onLine(line);
            tail.push(line);
        };
        const base = { kind: 'runner', target: buildTarget(stage), secretSpecs: ctx.secrets.specs, driver: ctx.driver, attestations: ctx.attestations };
        const args = buildArgs(ctx.inputs, {
            ...base,
            iidFile,
            metadataFile,
            load: exp.plan.load,
            ociDir: exp.plan.layout === 'same-build' ? layoutDir : undefined
        });
        const r = await ctx.docker.buildx(args, { env: ctx.secrets.env, onLine });
        if (r.exitCode !== 0)
            throw new BuildFailedError(stageRef(stage), tail.get());
        if (exp.plan.layout === 'second-build' && layoutDir) {
            // BuildKit before 0.13 runs one exporter per build: export the (now cached) result once more.
            const only = { ...ctx.inputs, push: false, tags: [], labels: ctx.inputs.labels, 'cache-to': [], outputs: [] };
            const again = await ctx.docker.buildx(buildArgs(only, { ...base, ociDir: layoutDir }), { env: ctx.secrets.env, onLine });
            if (again.exitCode !== 0)
                throw new BuildFailedError(stageRef(stage), tail.get());
        }
        const metadata = external_node_fs_default().existsSync(metadataFile) ? external_node_fs_default().readFileSync(metadataFile, 'utf8') : '{}';
        const ids = buildIdentity(metadata);
        // buildx writes no iidfile beside a local or tar exporter (`outputs`): the metadata names the image then.
        const iid = (external_node_fs_default().existsSync(iidFile) ? external_node_fs_default().readFileSync(iidFile, 'utf8').trim() : '') || ids.configDigest || '';
        if (!iid)
            throw new errors/* EnvironmentError */.eG('buildx finished without an image id (no --iidfile or metadata written)');
        let imageId = iid;
        let inEngine = false;
        if (exp.plan.inEngine) {
            // The engine names an image by its config digest (classic store) or its manifest/index digest (containerd store).
            for (const ref of [ids.manifestDigest, iid].filter((x) => !!x)) {
                const found = await ctx.docker.inspectImage(ref);
                if (found) {
                    imageId = found.Id;
                    inEngine = true;
                    break;
                }
            }
        }
        return {
            imageId,
            digest: ctx.inputs.push ? ids.manifestDigest : undefined,
            metadata,
            tags: ctx.inputs.tags,
            manifestDigest: ids.manifestDigest,
            configDigest: ids.configDigest ?? iid,
            inEngine,
            layoutDir
        };
    }
    finally {
        external_node_fs_default().rmSync(dir, { recursive: true, force: true });
    }
}
/** The digests buildx's metadata file gives for the exported image (pure; unreadable metadata gives none). */
function buildIdentity(metadata) {
    try {
        const m = JSON.parse(metadata);
        const str = (v) => (typeof v === 'string' && v.startsWith('sha256:') ? v : undefined);
        const descriptor = m['containerimage.descriptor'];
        return { manifestDigest: str(m['containerimage.digest']) ?? str(descriptor?.digest), configDigest: str(m['containerimage.config.digest']) };
    }
    catch {
        return {};
    }
}

// EXTERNAL MODULE: ./src/docker/builder.ts
var builder = __nccwpck_require__(9645);
;// CONCATENATED MODULE: ./src/build/check.ts


/** `--call` (and its `--check` shorthand) came with buildx 0.15.0. */
const CALL_MIN_BUILDX = '0.15.0';
/** The method of a `call` value: `check` for `check,format=json`; `build` when empty. */
function callMethod(call) {
    return call.split(',')[0].trim() || 'build';
}
/** A one-line error when this buildx cannot run `call`; undefined when it can (or call is a build). */
function callUnsupported(call, buildx) {
    const method = callMethod(call);
    if (method === 'build' || (0,builder/* versionAtLeast */.zy)(buildx, CALL_MIN_BUILDX))
        return undefined;
    const why = method === 'check' ? ' (BuildKit build checks)' : '';
    return `call: "${method}" needs buildx ${CALL_MIN_BUILDX} or newer${why}; this runner has buildx ${buildx}`;
}
/**
 * Argv for `docker buildx build` with `--call`: the shared flags of the test-stage build (so checks
 * see the same build args, contexts and secrets) without its exporter; `check` asks for JSON.
 */
function callArgs(inputs, req) {
    const argv = buildArgs(inputs, { ...req, kind: 'test' });
    const out = argv.indexOf('--output');
    if (out >= 0 && argv[out + 1] === 'type=cacheonly')
        argv.splice(out, 2);
    const call = callMethod(inputs.call) === 'check' && !/format=/.test(inputs.call) ? `${inputs.call},format=json` : inputs.call;
    return ['--call', call, ...argv];
}
/**
 * Parse buildx's `--call check,format=json` stdout (BuildKit's `lint.LintResults`: `warnings`
 * with ruleName/description/url/detail/location, `sources`, optional `buildError`). Each warning
 * is a `warning` finding; a build error (e.g. with `# check=error=true`) is an `error` one.
 */
function parseCheckResult(stdout) {
    const start = stdout.indexOf('{');
    if (start < 0)
        throw new Error('build checks printed no JSON result');
    const r = JSON.parse(stdout.slice(start));
    const where = (loc) => {
        // protobuf JSON omits a zero sourceIndex; -1 means "no source".
        const idx = loc ? (loc.sourceIndex ?? 0) : -1;
        const line = loc?.ranges?.[0]?.start?.line;
        return { line: line && line > 0 ? line : undefined, file: idx >= 0 ? r.sources?.[idx]?.filename : undefined };
    };
    const out = (r.warnings ?? []).map(w => ({
        rule: `build-check/${w.ruleName}`,
        severity: 'warning',
        message: `${w.detail || w.description || w.ruleName}${w.url ? ` (${w.url})` : ''}`,
        ...where(w.location),
        url: w.url
    }));
    if (r.buildError)
        out.push({ rule: 'build-check/error', severity: 'error', message: r.buildError.message, ...where(r.buildError.location) });
    return out.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

;// CONCATENATED MODULE: ./src/build/call.ts


async function runCall(ctx, runner) {
    const method = callMethod(ctx.inputs.call);
    const args = callArgs(ctx.inputs, { target: buildTarget(runner), secretSpecs: ctx.secrets.specs, driver: ctx.driver });
    // check's JSON (stdout) is data, kept whole and parsed; stderr (progress) and the other methods' output stream as usual.
    const r = await ctx.docker.buildx(args, { env: ctx.secrets.env, onLine: ctx.onLine, stdout: method === 'check' ? 'data' : 'log' });
    if (method !== 'check')
        return { method, exitCode: r.exitCode, checks: [] };
    // buildx exits 1 when a check warned; only a missing or broken result is a failure here.
    return { method, exitCode: r.exitCode, checks: parseCheckResult(r.stdout) };
}

;// CONCATENATED MODULE: ./src/build/exporters.ts

function exportPlan(inputs, builder) {
    const multi = inputs.platforms.length > 1;
    if (builder.driver === 'docker') {
        // With push, the docker driver's image exporter stores the image in the engine itself; a
        // --load beside it would name the same image twice ("already exists").
        if (builder.features.ociExporter)
            return { load: !inputs.push, layout: 'same-build', inEngine: true };
        if (multi) {
            return {
                load: false,
                layout: 'none',
                inEngine: false,
                blocked: `platforms: a multi-platform image (${inputs.platforms.join(', ')}) cannot be built, stored or audited on the classic image store (builder "${builder.name}", docker driver): use a docker-container builder (docker/setup-buildx-action) or turn on the containerd image store`
            };
        }
        // The docker driver stores the image by itself only when no exporter is named: beside a user's
        // `outputs` exporter it is loaded explicitly (unless that output already is the engine's).
        const outputs = inputs.outputs ?? [];
        const extra = outputs.length > 0 && !inputs.push && !(0,inputs_attest/* hasExporterType */.sw)('docker', outputs) && !(0,inputs_attest/* hasExporterType */.sw)('image', outputs);
        return { load: extra, layout: 'none', inEngine: true };
    }
    if (!builder.features.ociExporter) {
        return { load: inputs.load, layout: 'none', inEngine: inputs.load, blocked: `builder "${builder.name}" (${builder.driver} driver) cannot export an OCI layout, so the runner image cannot be audited` };
    }
    const another = inputs.load || inputs.push;
    return { load: inputs.load, layout: another && !builder.features.multipleExporters ? 'second-build' : 'same-build', inEngine: inputs.load };
}

;// CONCATENATED MODULE: ./src/build/secrets.ts
/**
 * Hand build secrets to buildx without putting values on argv: `value` secrets are written to
 * 0600 files in a private 0700 directory (removed by `cleanup`), files and env vars are referenced.
 */



function materializeSecrets(secrets, tmpRoot = process.env.RUNNER_TEMP || external_node_os_default().tmpdir()) {
    const specs = [];
    const env = {};
    let dir;
    const cleanup = () => {
        if (dir)
            external_node_fs_default().rmSync(dir, { recursive: true, force: true });
    };
    try {
        add();
    }
    catch (e) {
        cleanup(); // no file of a half-written set stays behind
        throw e;
    }
    return { specs, env, cleanup };
    function add() {
        for (const s of secrets) {
            switch (s.source.kind) {
                case 'value': {
                    dir ??= external_node_fs_default().mkdtempSync(external_node_path_default().join(tmpRoot, 'stagecraft-secrets-'));
                    external_node_fs_default().chmodSync(dir, 0o700);
                    const file = external_node_path_default().join(dir, s.id);
                    external_node_fs_default().writeFileSync(file, s.source.value, { mode: 0o600 });
                    specs.push(`id=${s.id},src=${file}`);
                    break;
                }
                case 'file':
                    specs.push(`id=${s.id},src=${s.source.path}`);
                    break;
                case 'env':
                    specs.push(`id=${s.id},env=${s.source.env}`);
                    env[s.source.env] = s.source.value;
                    break;
            }
        }
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: ./src/glob.ts
var glob = __nccwpck_require__(6171);
// EXTERNAL MODULE: ./src/inputs/list.ts
var list = __nccwpck_require__(3403);
;// CONCATENATED MODULE: ./src/cache-mounts/keys.ts
/**
 * Which BuildKit cache a `RUN --mount=type=cache` uses, and the store keys for it. Pure.
 *
 * BuildKit finds a cache mount by `<BUILDKIT_CACHE_MOUNT_NS>/<id>` (id defaults to the cleaned
 * target) *and* by the base it was created from: with uid, gid or mode set, that base is an
 * internal `mkdir /cache` with those values, so `id=x,uid=1000` and `id=x` are different caches.
 * Target, sharing and the stage's image do not matter. One "entry" is one such cache; several
 * RUN instructions may share it.
 */


const KEY_PREFIX = 'stagecraft-cache-mount-v1';
/** BuildKit's cache id for a mount: `id=` as written, else `path.Clean(target)`. */
function cacheId(m) {
    if (m.id !== m.target)
        return m.id;
    const cleaned = external_node_path_default().posix.normalize(m.target);
    return cleaned.length > 1 ? cleaned.replace(/\/+$/, '') : cleaned;
}
/** Why a mount cannot be persisted, or undefined when it can. */
function unpersistableReason(m) {
    if (m.from)
        return `it starts from another stage or image (from=${m.from})`;
    if (m.source)
        return `it mounts a sub-path (source=${m.source})`;
    const spec = [m.id, m.target, m.mode ?? ''].join(' ');
    if (spec.includes('$'))
        return 'its id or target uses a build variable';
    if (!m.target)
        return 'it has no target';
    if ([m.uid, m.gid].some(v => v !== undefined && !Number.isInteger(v)))
        return 'its uid or gid is not a number';
    if (m.mode !== undefined && !/^[0-7]{1,4}$/.test(m.mode))
        return `its mode "${m.mode}" is not octal`;
    return undefined;
}
/** Group mounts by the BuildKit cache they use (id + uid/gid/mode), in Dockerfile order. */
function groupMounts(mounts) {
    const byIdentity = new Map();
    for (const m of mounts) {
        const e = { id: cacheId(m), uid: m.uid, gid: m.gid, mode: m.mode, sharing: m.sharing, mounts: [m] };
        const k = identity(e);
        const seen = byIdentity.get(k);
        if (seen)
            seen.mounts.push(m);
        else
            byIdentity.set(k, e);
    }
    return [...byIdentity.values()];
}
/** A stable string naming the cache BuildKit will use for `e`. */
function identity(e, namespace = '') {
    const mode = e.mode !== undefined ? parseInt(e.mode, 8).toString(8) : '';
    return `${namespace}/${e.id}|uid=${e.uid ?? ''}|gid=${e.gid ?? ''}|mode=${mode}`;
}
/**
 * Store keys for an entry. `platform` keeps caches of different architectures apart;
 * `keyFilesHash` is hashKeyFiles() of the lockfiles.
 */
function entryKeys(e, opts) {
    const h = sha256(`${identity(e, opts.namespace)}|${opts.platform}`).slice(0, 12);
    const prefix = `${opts.prefix ?? KEY_PREFIX}-${slug(e.id)}-${h}`;
    return { prefix, key: `${prefix}-${opts.keyFilesHash.slice(0, 16)}`, restoreKeys: [`${prefix}-`] };
}
/** The key an entry is saved under: its key plus the contents' fingerprint. */
function savedKey(keys, fingerprint) {
    return `${keys.key}-${fingerprint.slice(0, 16)}`;
}
/** `/root/.cache/pip` → `root-cache-pip`: readable in the Actions cache list. */
function slug(id) {
    const s = id
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '');
    return (s || 'cache').slice(0, 40).replace(/-+$/, '');
}
function sha256(text) {
    return (0,external_node_crypto_.createHash)('sha256').update(text).digest('hex');
}

;// CONCATENATED MODULE: ./src/cache-mounts/inputs.ts
/**
 * The cache-mount inputs, parsed and validated without the engine: `cache-mounts` (which
 * `RUN --mount=type=cache` to persist) and `cache-key-files` (what keys their store entries).
 */







/** Lockfile names looked for in the context when cache-key-files is empty (globs, see ../glob.ts). */
const LOCKFILE_PATTERNS = [
    'package-lock.json',
    'npm-shrinkwrap.json',
    'yarn.lock',
    'pnpm-lock.yaml',
    'bun.lockb',
    'bun.lock',
    'requirements*.txt',
    'poetry.lock',
    'Pipfile.lock',
    'uv.lock',
    'pdm.lock',
    'go.sum',
    'Cargo.lock',
    'Gemfile.lock',
    'composer.lock',
    'mix.lock',
    'pubspec.lock',
    'packages.lock.json',
    'gradle.lockfile',
    'Package.resolved',
    'conan.lock',
    'vcpkg.json'
];
/** LOCKFILE_PATTERNS at any depth, compiled on first use (not when the module loads). */
let lockfileRes;
/** Directories never searched for lockfiles: vendored or generated trees. */
const SKIP_DIRS = new Set(['node_modules', '.git', 'vendor', 'target', 'dist', 'build', '.venv', 'venv', '__pycache__', '.tox']);
const MAX_DEPTH = 3;
const MAX_FILES = 64;
/** How deep a cache-key-files glob searches below its literal directory. */
const GLOB_DEPTH = 8;
/**
 * The mounts to persist. `auto` (or empty) → every cache mount in the Dockerfile; `false`/`none`
 * → none; otherwise a list (newlines or commas) of cache ids or targets, each of which must name
 * a cache mount of the Dockerfile.
 */
function parseCacheMounts(value, plan) {
    const v = value.trim();
    if (v === '' || /^(auto|true)$/i.test(v))
        return [...plan.cacheMounts];
    if (/^(false|none|off)$/i.test(v))
        return [];
    const wanted = v
        .split(/\r?\n|,/)
        .map(s => s.trim())
        .filter(s => s && !s.startsWith('#'));
    const picked = new Set();
    for (const name of wanted) {
        const n = stripSlash(name);
        const found = plan.cacheMounts.filter(m => m.id === name || cacheId(m) === n || stripSlash(m.target) === n);
        if (found.length === 0) {
            const has = plan.cacheMounts.length ? plan.cacheMounts.map(describeMount).join(', ') : 'none';
            throw new errors/* InputError */.dz('cache-mounts', `no RUN --mount=type=cache with id or target "${name}" in the Dockerfile; it has: ${has}`);
        }
        found.forEach(m => picked.add(m));
    }
    return plan.cacheMounts.filter(m => picked.has(m));
}
/** `/root/.npm (line 5)` or `npm → /root/.npm (line 5)` when the id differs from the target. */
function describeMount(m) {
    const id = cacheId(m);
    return id === stripSlash(m.target) ? `${m.target} (line ${m.line})` : `${id} → ${m.target} (line ${m.line})`;
}
/**
 * The files whose contents key the store entries, as absolute paths, sorted. Empty `value` →
 * the lockfiles found in `contextDir` (up to three levels deep, vendored trees skipped). Otherwise
 * one path per line, relative to the context, each of which may be a glob in the dialect of
 * ../glob.ts (say `services/` + `*` + `/requirements*.txt`), searched below its literal directory
 * with vendored trees skipped. A line that matches no file is an InputError.
 */
function cacheKeyFiles(value, contextDir) {
    // One per line (a brace glob keeps its commas); `#` starts a comment line.
    const items = (0,list/* parseList */.E1)(value, { ignoreComma: true, quote: false });
    if (items.length === 0)
        return findFiles(contextDir, (lockfileRes ??= LOCKFILE_PATTERNS.map(p => (0,glob/* globToRegExp */.tL)(`**/${p}`))), MAX_DEPTH);
    const out = new Set();
    for (const item of items) {
        let matches;
        const parts = (0,glob/* globParts */.tZ)(item);
        if (parts) {
            let re;
            try {
                re = (0,glob/* globToRegExp */.tL)(parts.glob);
            }
            catch (e) {
                throw new errors/* InputError */.dz('cache-key-files', `"${item}" is not a valid glob (${(0,errors/* errorMessage */.gJ)(e)})`);
            }
            matches = findFiles(external_node_path_default().resolve(contextDir, parts.base), [re], parts.glob.includes('**') ? GLOB_DEPTH : parts.glob.split('/').length - 1);
        }
        else {
            const abs = external_node_path_default().resolve(contextDir, item);
            matches = isFile(abs) ? [abs] : [];
        }
        if (matches.length === 0)
            throw new errors/* InputError */.dz('cache-key-files', `no file matches "${item}" (relative to the context ${contextDir})`);
        matches.forEach(m => out.add(m));
    }
    return [...out].sort();
}
/**
 * One hash of the key files' paths (relative to `contextDir`) and contents. No files → a fixed
 * value, so entries still have a stable key.
 */
function hashKeyFiles(files, contextDir) {
    const h = (0,external_node_crypto_.createHash)('sha256');
    h.update('stagecraft-key-files-v1\n');
    for (const f of [...files].sort()) {
        const rel = external_node_path_default().relative(contextDir, f).split((external_node_path_default()).sep).join('/');
        const content = (0,external_node_crypto_.createHash)('sha256').update(external_node_fs_default().readFileSync(f)).digest('hex');
        h.update(`${rel}\0${content}\n`);
    }
    return h.digest('hex');
}
/**
 * Files below `root` whose path relative to it matches one of `res`: at most MAX_FILES, at most
 * `depth` directories down, never inside vendored or generated trees or dot-directories.
 */
function findFiles(root, res, depth) {
    const out = [];
    const walk = (dir, level) => {
        let entries;
        try {
            entries = external_node_fs_default().readdirSync(dir, { withFileTypes: true });
        }
        catch {
            return;
        }
        entries.sort((a, b) => (a.name < b.name ? -1 : 1));
        for (const e of entries) {
            if (out.length >= MAX_FILES)
                return;
            const p = external_node_path_default().join(dir, e.name);
            const rel = external_node_path_default().relative(root, p).split((external_node_path_default()).sep).join('/');
            if (e.isFile() && res.some(r => r.test(rel)))
                out.push(p);
            else if (e.isDirectory() && level < depth && !SKIP_DIRS.has(e.name) && !e.name.startsWith('.'))
                walk(p, level + 1);
        }
    };
    walk(root, 0);
    return out.sort();
}
function stripSlash(p) {
    // A loop, not /\/+$/: that regex is quadratic on a long run of slashes.
    if (p.length <= 1)
        return p;
    let end = p.length;
    while (end > 0 && p[end - 1] === '/')
        end--;
    return p.slice(0, end);
}
function isFile(p) {
    try {
        return external_node_fs_default().statSync(p).isFile();
    }
    catch {
        return false;
    }
}

// EXTERNAL MODULE: ./src/inspect/config-secrets.ts
var config_secrets = __nccwpck_require__(4442);
// EXTERNAL MODULE: ./src/inspect/layer-scan.ts + 3 modules
var layer_scan = __nccwpck_require__(169);
// EXTERNAL MODULE: ./src/inspect/secret-search.ts + 1 modules
var secret_search = __nccwpck_require__(8834);
;// CONCATENATED MODULE: ./src/cache-mounts/helper-dockerfile.ts
/** Where the helper RUN sees things. */
const HELPER_DIR = '/stagecraft-helper';
const CACHE_DIR = '/stagecraft-cache';
const SEED_DIR = '/stagecraft-seed';
const OUT_DIR = '/stagecraft-out';
/** Name of the tarball inside a store entry and in a helper's output. */
const TARBALL = 'cache.tar';
/** Exit code and log marker of the script when the image lacks a tool it needs. */
const MISSING_TOOL_EXIT = 97;
const MISSING_TOOL_MARKER = 'stagecraft-missing-tool:';
/** Tools the script needs; the busybox fallback links each of them. */
const HELPER_TOOLS = ['sh', 'tar', 'find', 'stat', 'sort', 'sha256sum', 'awk', 'cut', 'ls', 'wc', 'head', 'mkdir', 'cat', 'tr'];
/**
 * The script run inside the helper: `cache-mount.sh inject|extract NONCE COUNT [PREV...]`.
 * Per mount i it writes OUT_DIR/i/{state,fingerprint,files,bytes} and, when extracting changed
 * contents, OUT_DIR/i/cache.tar. The fingerprint hashes a listing (name, size, mtime, inode,
 * mode, owner) rather than the bytes: it is cheap on 500 MB and changes whenever a package
 * manager adds, rewrites or deletes a file.
 */
const HELPER_SCRIPT = `#!/bin/sh
# Stagecraft cache-mount helper (generated). Usage: cache-mount.sh inject|extract NONCE COUNT [PREV...]
set -eu
mode=$1; count=$3; shift 3
for t in ${HELPER_TOOLS.filter(t => t !== 'sh').join(' ')}; do
  command -v "$t" >/dev/null 2>&1 || { echo "${MISSING_TOOL_MARKER} $t"; exit ${MISSING_TOOL_EXIT}; }
done
fingerprint() { find . -exec stat -c '%n|%s|%Y|%i|%f|%u|%g' {} + | LC_ALL=C sort | sha256sum | cut -c1-64; }
i=0
while [ "$i" -lt "$count" ]; do
  prev=\${1:--}; [ $# -gt 0 ] && shift
  out=${OUT_DIR}/$i
  mkdir -p "$out"
  cd "${CACHE_DIR}/$i"
  if [ -n "$(ls -A . | head -n 1)" ]; then state=warm; else state=empty; fi
  if [ "$mode" = inject ]; then
    if [ -f "${SEED_DIR}/$i/${TARBALL}" ] && [ "$state" = empty ]; then
      tar --numeric-owner -xf "${SEED_DIR}/$i/${TARBALL}"
      state=restored
    fi
    fingerprint > "$out/fingerprint"
  else
    fp=$(fingerprint)
    echo "$fp" > "$out/fingerprint"
    if [ "$state" = empty ]; then :
    elif [ "$fp" = "$prev" ]; then state=unchanged
    else tar --numeric-owner -cf "$out/${TARBALL}" .; state=changed
    fi
  fi
  echo "$state" > "$out/state"
  find . -type f | wc -l | tr -d ' ' > "$out/files"
  find . -type f -exec stat -c %s {} + | awk '{ s += $1 } END { printf "%.0f\\n", s }' > "$out/bytes"
  echo "stagecraft-cache-mount $i $mode: $state, $(cat "$out/files") files, $(cat "$out/bytes") bytes"
  i=$((i + 1))
done
`;
/** The `--mount=type=cache,...` flag that reaches the same BuildKit cache as `e`. */
function cacheMountFlag(e, target) {
    const parts = ['type=cache', `id=${e.id}`, `target=${target}`, `sharing=${e.sharing}`];
    if (e.uid !== undefined)
        parts.push(`uid=${e.uid}`);
    if (e.gid !== undefined)
        parts.push(`gid=${e.gid}`);
    if (e.mode !== undefined)
        parts.push(`mode=${e.mode}`);
    return `--mount=${parts.join(',')}`;
}
/** Build-context name of seed i. */
const seedContext = (i) => `stagecraft-seed-${i}`;
/** Build-context name of the helper directory (script, optional busybox). */
const HELPER_CONTEXT = 'stagecraft-helper';
/**
 * The helper Dockerfile: one RUN with every cache mount, then a scratch stage holding only
 * OUT_DIR (so `--output type=local` exports the results, not the base image).
 */
function helperDockerfile(mode, base, entries, nonce) {
    const mounts = [`--mount=type=bind,from=${HELPER_CONTEXT},target=${HELPER_DIR}`];
    entries.forEach((h, i) => {
        mounts.push(cacheMountFlag(h.entry, `${CACHE_DIR}/${i}`));
        if (mode === 'inject' && h.seed)
            mounts.push(`--mount=type=bind,from=${seedContext(i)},target=${SEED_DIR}/${i}`);
    });
    const args = [mode, nonce, String(entries.length), ...(mode === 'extract' ? entries.map(h => h.prev || '-') : [])];
    const lines = ['# Generated by Stagecraft: moves BuildKit cache-mount contents in or out.'];
    let sh = '/bin/sh';
    if (base.kind === 'image') {
        // USER root: the script must own what it restores; the base may default to a non-root user.
        lines.push(`FROM ${base.ref} AS stagecraft-work`, 'USER root');
    }
    else {
        lines.push('FROM scratch AS stagecraft-work', `ENV PATH=${HELPER_DIR}/bin`);
        sh = `${HELPER_DIR}/bin/sh`;
    }
    // Exec form: no dependence on the image's SHELL; the nonce makes the instruction unique.
    const argv = [sh, `${HELPER_DIR}/cache-mount.sh`, ...args].map(a => JSON.stringify(a));
    lines.push(`RUN ${mounts.join(' \\\n    ')} \\\n    [${argv.join(', ')}]`);
    lines.push('FROM scratch');
    lines.push(`COPY --from=stagecraft-work ${OUT_DIR}/ ${OUT_DIR}/`);
    return lines.join('\n') + '\n';
}

;// CONCATENATED MODULE: ./src/cache-mounts/helper.ts
/**
 * Runs the helper builds of helper-dockerfile.ts on the user's builder and reads their results.
 * Tries each candidate base in turn (the mount stages' root images, then scratch + a static
 * busybox from the host) until one has the tools; all through the Docker gateway.
 */





/**
 * Candidate bases for the helper, best first: the root image of each stage that uses one of the
 * entries' mounts (following `FROM <stage>`; skipping scratch and `$VAR` references), then
 * scratch with a host busybox when one was found.
 */
function helperBases(plan, entries, busybox) {
    const out = [];
    for (const e of entries) {
        for (const m of e.mounts) {
            const stage = plan.stages[m.stage];
            if (!stage)
                continue;
            const ref = (0,dockerfile/* stageChain */.ap)(plan, stage)[0].base;
            if (!ref || ref.toLowerCase() === 'scratch' || ref.includes('$'))
                continue;
            if (!out.some(b => b.kind === 'image' && b.ref === ref))
                out.push({ kind: 'image', ref });
        }
    }
    if (busybox)
        out.push({ kind: 'tools' });
    return out;
}
/** The first statically linked busybox on this host (it can run in `scratch`), if any. */
function findStaticBusybox(env = process.env) {
    const dirs = [...(env.PATH ?? '').split((external_node_path_default()).delimiter), '/bin', '/usr/bin', '/usr/local/bin', '/sbin'];
    for (const d of dirs) {
        if (!d)
            continue;
        const p = external_node_path_default().join(d, 'busybox');
        try {
            if (external_node_fs_default().statSync(p).isFile() && isStaticElf(external_node_fs_default().readFileSync(p)))
                return external_node_fs_default().realpathSync(p);
        }
        catch {
            // not here
        }
    }
    return undefined;
}
/** True for an ELF executable without a PT_INTERP program header (no dynamic loader needed). */
function isStaticElf(buf) {
    if (buf.length < 64 || buf.readUInt32BE(0) !== 0x7f454c46)
        return false;
    const is64 = buf[4] === 2;
    const le = buf[5] === 1;
    const u16 = (o) => (le ? buf.readUInt16LE(o) : buf.readUInt16BE(o));
    const u32 = (o) => (le ? buf.readUInt32LE(o) : buf.readUInt32BE(o));
    const phoff = is64 ? Number(le ? buf.readBigUInt64LE(32) : buf.readBigUInt64BE(32)) : u32(28);
    const phentsize = u16(is64 ? 54 : 42);
    const phnum = u16(is64 ? 56 : 44);
    if (phoff <= 0 || phentsize <= 0 || phoff + phnum * phentsize > buf.length)
        return false;
    for (let i = 0; i < phnum; i++)
        if (u32(phoff + i * phentsize) === 3)
            return false;
    return true;
}
/** Run the helper on the first base that works. Never throws for a failed build. */
async function runHelper(docker, run) {
    const start = Date.now();
    const helperDir = external_node_path_default().join(run.workDir, 'helper');
    writeHelperDir(helperDir, run.busybox);
    const emptyCtx = external_node_path_default().join(run.workDir, 'context');
    external_node_fs_default().mkdirSync(emptyCtx, { recursive: true });
    const errors = [];
    for (const base of run.bases) {
        const nonce = (0,external_node_crypto_.randomBytes)(8).toString('hex');
        const tag = base.kind === 'image' ? base.ref : 'scratch + host busybox';
        const dockerfile = external_node_path_default().join(run.workDir, `Dockerfile.${run.mode}.${nonce}`);
        external_node_fs_default().writeFileSync(dockerfile, helperDockerfile(run.mode, base, run.entries, nonce));
        const out = external_node_path_default().join(run.workDir, `out-${nonce}`);
        const args = ['--progress', 'plain', '--provenance=false', '--file', dockerfile, '--output', `type=local,dest=${out}`];
        if (run.builder)
            args.push('--builder', run.builder);
        if (run.platform)
            args.push('--platform', run.platform);
        if (run.namespace)
            args.push('--build-arg', `BUILDKIT_CACHE_MOUNT_NS=${run.namespace}`);
        args.push('--build-context', `${HELPER_CONTEXT}=${helperDir}`);
        for (const [i, dir] of run.seeds ?? [])
            args.push('--build-context', `${seedContext(i)}=${dir}`);
        args.push(emptyCtx);
        const tail = [];
        const r = await docker.buildx(args, {
            onLine: l => {
                tail.push(l);
                if (tail.length > 30)
                    tail.shift();
            }
        });
        if (r.exitCode === 0) {
            try {
                return { ok: true, base, results: readResults(external_node_path_default().join(out, OUT_DIR), run.entries.length), durationMs: Date.now() - start };
            }
            catch (e) {
                errors.push(`${tag}: ${e.message}`);
                continue;
            }
        }
        errors.push(`${tag}: ${explainFailure(tail)}`);
    }
    if (run.bases.length === 0)
        errors.push('no usable base image (every mount stage starts from scratch or a build variable) and no static busybox on this host');
    return { ok: false, error: errors.join('; '), durationMs: Date.now() - start };
}
/** The line of a failed helper build worth showing. */
function explainFailure(tail) {
    const missing = tail.find(l => l.includes(MISSING_TOOL_MARKER));
    if (missing)
        return `the image has no ${missing.split(MISSING_TOOL_MARKER)[1].trim()}`;
    const err = [...tail].reverse().find(l => /^ERROR:|error:|failed to/i.test(l));
    return (err ?? tail[tail.length - 1] ?? 'docker buildx build failed').replace(/^#\d+ [\d.]+ /, '').trim();
}
function writeHelperDir(dir, busybox) {
    external_node_fs_default().mkdirSync(dir, { recursive: true });
    external_node_fs_default().writeFileSync(external_node_path_default().join(dir, 'cache-mount.sh'), HELPER_SCRIPT, { mode: 0o755 });
    if (!busybox)
        return;
    const bin = external_node_path_default().join(dir, 'bin');
    external_node_fs_default().mkdirSync(bin, { recursive: true });
    external_node_fs_default().copyFileSync(busybox, external_node_path_default().join(bin, 'busybox'));
    external_node_fs_default().chmodSync(external_node_path_default().join(bin, 'busybox'), 0o755);
    for (const t of HELPER_TOOLS)
        external_node_fs_default().symlinkSync('busybox', external_node_path_default().join(bin, t));
}
function readResults(outDir, count) {
    const results = [];
    for (let i = 0; i < count; i++) {
        const d = external_node_path_default().join(outDir, String(i));
        const read = (f) => external_node_fs_default().readFileSync(external_node_path_default().join(d, f), 'utf8').trim();
        const tarball = external_node_path_default().join(d, TARBALL);
        results.push({
            state: read('state'),
            fingerprint: read('fingerprint'),
            files: Number(read('files')) || 0,
            bytes: Number(read('bytes')) || 0,
            tarball: external_node_fs_default().existsSync(tarball) ? tarball : undefined
        });
    }
    return results;
}

// EXTERNAL MODULE: ./src/size/units.ts
var units = __nccwpck_require__(6252);
;// CONCATENATED MODULE: ./src/cache-mounts/mounts.ts
/**
 * The two cache-mount phases of the pipeline. Before the first build, `restoreCacheMounts`
 * seeds each persisted `RUN --mount=type=cache` from the store; after a successful runner build,
 * `saveCacheMounts` exports the mounts whose contents changed and saves them. Neither ever throws
 * for a cache problem: a failure is a warning and a report line, and the build goes on.
 */











/** `linux/amd64` for this host. */
function hostPlatform() {
    const arch = { x64: 'amd64', arm64: 'arm64', arm: 'arm', ppc64: 'ppc64le', s390x: 's390x', riscv64: 'riscv64', ia32: '386' };
    return `linux/${arch[process.arch] ?? process.arch}`;
}
/** Seed every selected cache mount from the store. Call before the first build. */
async function restoreCacheMounts(ctx) {
    const { entries, reports } = plan(ctx, 'restore');
    if (!ctx.store || entries.length === 0)
        return reports;
    const work = phaseDir(ctx, 'restore');
    try {
        const keyHash = hashKeyFiles(ctx.options.keyFiles, ctx.contextDir);
        const platform = ctx.options.platform ?? hostPlatform();
        const seeds = new Map();
        const pending = entries.map((entry, i) => {
            const keys = entryKeys(entry, { namespace: ctx.options.namespace, platform, keyFilesHash: keyHash, prefix: ctx.options.keyPrefix });
            return { entry, keys, i, hit: undefined, storeMs: 0, error: undefined };
        });
        for (const p of pending) {
            const t = Date.now();
            const dir = external_node_path_default().join(work, `seed-${p.i}`);
            try {
                p.hit = await ctx.store.restore(p.keys.key, p.keys.restoreKeys, dir);
                if (p.hit && external_node_fs_default().existsSync(external_node_path_default().join(dir, TARBALL)))
                    seeds.set(p.i, dir);
                else if (p.hit)
                    p.error = `entry ${p.hit.key} has no ${TARBALL}`;
            }
            catch (e) {
                p.error = `restoring from the ${ctx.store.name} failed: ${(0,errors/* errorMessage */.gJ)(e)}`;
            }
            p.storeMs = Date.now() - t;
        }
        const helper = await runHelper(ctx.docker, {
            mode: 'inject',
            entries: pending.map(p => ({ entry: p.entry, seed: seeds.has(p.i) })),
            seeds,
            ...helperCommon(ctx, entries, work)
        });
        for (const p of pending) {
            const base = reportBase('restore', p.entry, p.keys);
            const r = helper.ok ? helper.results[p.i] : undefined;
            let outcome;
            let message = p.error;
            if (!helper.ok) {
                outcome = p.hit ? 'failed' : 'miss';
                message = `could not inject: ${helper.error}`;
            }
            else if (r?.state === 'restored')
                outcome = p.hit?.key.startsWith(p.keys.key) ? 'hit' : 'partial';
            else if (r?.state === 'warm')
                outcome = 'warm';
            else
                outcome = p.error ? 'failed' : 'miss';
            // Unchanged contents are not saved again; for a warm builder that holds only when its
            // contents are the very entry the store has (the key ends with their fingerprint).
            let fingerprint = r?.fingerprint;
            if (outcome === 'warm' && !(fingerprint && p.hit?.key.endsWith(`-${fingerprint.slice(0, 16)}`)))
                fingerprint = undefined;
            if (outcome === 'miss' || outcome === 'failed')
                fingerprint = undefined;
            const report = {
                ...base,
                outcome,
                key: p.hit?.key,
                bytes: r?.bytes ?? 0,
                files: r?.files ?? 0,
                storeMs: p.storeMs,
                buildMs: helper.durationMs,
                message,
                fingerprint
            };
            reports.push(report);
            mounts_log(ctx.reporter, report);
        }
    }
    catch (e) {
        ctx.reporter.warning(`cache mounts: restore failed: ${(0,errors/* errorMessage */.gJ)(e)}; building without restored caches`);
    }
    finally {
        external_node_fs_default().rmSync(work, { recursive: true, force: true });
    }
    return reports;
}
/**
 * Export the cache mounts whose contents changed since `restored` (the reports of
 * restoreCacheMounts; empty → every selected mount) and save them. Call after a successful build.
 */
async function saveCacheMounts(ctx, restored) {
    const planned = plan(ctx, 'save');
    const reports = planned.reports;
    if (!ctx.store || planned.entries.length === 0)
        return reports;
    const store = ctx.store;
    const work = phaseDir(ctx, 'save');
    try {
        const keyHash = hashKeyFiles(ctx.options.keyFiles, ctx.contextDir);
        const platform = ctx.options.platform ?? hostPlatform();
        const items = planned.entries.map(entry => {
            const keys = entryKeys(entry, { namespace: ctx.options.namespace, platform, keyFilesHash: keyHash, prefix: ctx.options.keyPrefix });
            const before = restored.find(r => r.phase === 'restore' && r.keys?.prefix === keys.prefix);
            return { entry, keys, prev: before?.fingerprint };
        });
        // What a store pull requests can read must not hold a secret: the needles, made once per save.
        const needles = store.readableByPullRequests ? (0,secret_search/* secretNeedles */.h9)(ctx.secrets ?? []) : [];
        const helperEntries = items.map(it => ({ entry: it.entry, prev: it.prev }));
        const helper = await runHelper(ctx.docker, { mode: 'extract', entries: helperEntries, ...helperCommon(ctx, planned.entries, work) });
        for (const [i, it] of items.entries()) {
            const report = {
                ...reportBase('save', it.entry, it.keys),
                outcome: 'failed',
                bytes: 0,
                files: 0,
                storeMs: 0,
                buildMs: helper.durationMs
            };
            reports.push(report);
            if (!helper.ok) {
                report.message = `could not export: ${helper.error}`;
                mounts_log(ctx.reporter, report);
                continue;
            }
            const r = helper.results[i];
            Object.assign(report, { bytes: r.bytes, files: r.files, fingerprint: r.fingerprint });
            if (r.state === 'empty' || r.state === 'unchanged') {
                report.outcome = r.state;
            }
            else if (!r.tarball) {
                report.message = 'the helper exported no tarball';
            }
            else {
                const leaked = needles.some(n => n.scope === 'all') ? await secretsInTarball(r.tarball, needles) : [];
                if (leaked.length) {
                    report.outcome = 'skipped';
                    report.message = `not saved: it holds the value of build secret ${leaked.join(', ')}, and pull requests can read the ${store.name} (keep secrets out of cache mounts, or use cache-dir)`;
                    ctx.reporter.warning(`cache mount ${report.id}: ${report.message}`);
                    continue;
                }
                const key = savedKey(it.keys, r.fingerprint);
                const dir = external_node_path_default().dirname(r.tarball);
                external_node_fs_default().writeFileSync(external_node_path_default().join(dir, 'entry.json'), JSON.stringify({ id: it.entry.id, targets: report.targets, fingerprint: r.fingerprint, files: r.files, bytes: r.bytes }));
                const t = Date.now();
                try {
                    report.outcome = (await store.save(key, dir)) ? 'saved' : 'exists';
                    report.key = key;
                    const keep = ctx.options.keepEntries ?? 2;
                    if (report.outcome === 'saved')
                        await store.prune(`${it.keys.prefix}-`, keep);
                }
                catch (e) {
                    report.message = `saving to the ${store.name} failed: ${(0,errors/* errorMessage */.gJ)(e)}`;
                }
                report.storeMs = Date.now() - t;
            }
            mounts_log(ctx.reporter, report);
        }
    }
    catch (e) {
        ctx.reporter.warning(`cache mounts: save failed: ${(0,errors/* errorMessage */.gJ)(e)}; the build result stands`);
    }
    finally {
        external_node_fs_default().rmSync(work, { recursive: true, force: true });
    }
    return reports;
}
/** Group the selected mounts into caches; report the ones that cannot be persisted. */
function plan(ctx, phase) {
    const reports = [];
    const ok = [];
    for (const m of ctx.options.mounts) {
        const why = unpersistableReason(m);
        if (!why) {
            ok.push(m);
            continue;
        }
        const [entry] = groupMounts([m]);
        reports.push({ ...reportBase(phase, entry), outcome: 'skipped', bytes: 0, files: 0, storeMs: 0, buildMs: 0, message: why });
        if (phase === 'restore')
            ctx.reporter.info(`cache mount ${describeMount(m)} is not persisted: ${why}`);
    }
    return { entries: groupMounts(ok), reports };
}
function helperCommon(ctx, entries, workDir) {
    const busybox = ctx.options.busybox === false ? undefined : (ctx.options.busybox ?? findStaticBusybox());
    return {
        bases: helperBases(ctx.plan, entries, busybox),
        busybox,
        workDir,
        builder: ctx.options.builder,
        platform: ctx.options.platform,
        namespace: ctx.options.namespace
    };
}
function reportBase(phase, entry, keys) {
    return { phase, id: entry.id, targets: [...new Set(entry.mounts.map(m => m.target))], lines: entry.mounts.map(m => m.line), entry, keys };
}
function phaseDir(ctx, phase) {
    external_node_fs_default().mkdirSync(ctx.tmpDir, { recursive: true });
    return external_node_fs_default().mkdtempSync(external_node_path_default().join(ctx.tmpDir, `cache-mounts-${phase}-`));
}
function mounts_log(reporter, r) {
    const size = `${r.files} files, ${(0,units/* formatBytes */.z3)(r.bytes)}`;
    const time = `${((r.storeMs + r.buildMs) / 1000).toFixed(1)} s`;
    const line = `cache mount ${r.id}: ${r.phase} ${r.outcome}${r.key ? ` (${r.key})` : ''}, ${size}, ${time}`;
    if (r.outcome === 'failed')
        reporter.warning(`${line}: ${r.message ?? 'unknown error'}`);
    else
        reporter.info(r.message ? `${line}; ${r.message}` : line);
}
/** The secrets (ids, with the paths they are in) whose values a cache mount's exported tarball holds. */
async function secretsInTarball(tarball, needles) {
    const scan = await (0,layer_scan/* scanLayerTar */.q)(external_node_fs_default().createReadStream(tarball, { highWaterMark: 1024 * 1024 }), needles);
    const byId = new Map();
    for (const h of scan.secretHits)
        byId.set(h.secretId, [...(byId.get(h.secretId) ?? []), h.where === 'content' ? h.path : `${h.where} of ${h.path}`]);
    // Paths are shown redacted: a file named after the value must not print it.
    return [...byId].map(([id, paths]) => `"${id}" (in ${paths
        .slice(0, 3)
        .map(p => (0,config_secrets/* redact */.E$)(p, needles))
        .join(', ')}${paths.length > 3 ? ', …' : ''})`);
}

// EXTERNAL MODULE: ./src/inputs/inputs.ts + 3 modules
var inputs_inputs = __nccwpck_require__(6088);
// EXTERNAL MODULE: ./src/inputs/secrets.ts
var inputs_secrets = __nccwpck_require__(5694);
// EXTERNAL MODULE: ./src/redact.ts
var src_redact = __nccwpck_require__(9236);
// EXTERNAL MODULE: ./src/pipeline/examine.ts + 15 modules
var examine = __nccwpck_require__(8169);
// EXTERNAL MODULE: ./src/pipeline/phase.ts
var phase = __nccwpck_require__(9135);
// EXTERNAL MODULE: ./src/store/store.ts + 1 modules
var store = __nccwpck_require__(1005);
;// CONCATENATED MODULE: ./src/build/layer-cache.ts
/**
 * The layer cache to use when the user gave no cache-from/cache-to: the GitHub Actions cache
 * (`type=gha`) where the builder can reach it, nothing elsewhere. Pure: the caller passes the
 * builder facts (driver, image store, versions) it already has.
 */


/**
 * Choose cache-from/cache-to. User values always win. Off GitHub Actions: none. On GitHub,
 * `type=gha` with `mode=max,ignore-error=true` (an export failure is then a BuildKit warning,
 * never a failed build) when the builder can reach the cache service: github.com only serves
 * cache API v2, which needs BuildKit ≥ 0.20 (engine ≥ 28 for the docker driver, whose BuildKit is
 * the engine's), and the docker driver exports cache only with the containerd image store.
 */
function defaultLayerCache(input) {
    if (input.cacheFrom.length || input.cacheTo.length) {
        return { cacheFrom: input.cacheFrom, cacheTo: input.cacheTo, reason: 'cache-from/cache-to as given' };
    }
    const none = (reason) => ({ cacheFrom: [], cacheTo: [], reason });
    if (!(0,store/* actionsCacheAvailable */.rL)(input.env))
        return none('no layer cache by default outside GitHub Actions (set cache-from/cache-to)');
    const needsV2 = Boolean(input.env.ACTIONS_CACHE_SERVICE_V2) || !input.env.ACTIONS_CACHE_URL;
    if (input.driver === 'docker') {
        if (!input.containerdStore)
            return none('the docker driver without the containerd image store cannot export a layer cache');
        const major = (0,builder/* versionParts */.VJ)(input.engineVersion)?.[0];
        if (needsV2 && (major === undefined || major < 28)) {
            return none(`Docker engine ${input.engineVersion ?? '(unknown version)'} embeds a BuildKit older than 0.20, which cannot use the GitHub cache service v2`);
        }
    }
    else if (['docker-container', 'kubernetes', 'remote'].includes(input.driver)) {
        const v = (0,builder/* versionParts */.VJ)(input.buildkitVersion);
        if (needsV2 && v && (v[0] === 0 && v[1] < 20)) {
            return none(`BuildKit ${input.buildkitVersion} is older than 0.20 and cannot use the GitHub cache service v2`);
        }
    }
    else {
        return none(`no default layer cache for the ${input.driver} driver`);
    }
    // On the v2 service the URL is named in the attributes: buildx before 0.21 fills `url` only
    // from ACTIONS_CACHE_URL (which v2 runners do not set) and silently drops a gha entry without
    // one; `version=2` makes BuildKit speak v2 to it. The token stays in the environment.
    const results = input.env.ACTIONS_RESULTS_URL;
    const service = needsV2 && results && !/[",]/.test(results) ? `url=${results},version=2,` : '';
    const scope = `${service}scope=${input.scope ?? 'stagecraft'}`;
    return {
        cacheFrom: [`type=gha,${scope}`],
        cacheTo: [`type=gha,${scope},mode=max,ignore-error=true`],
        reason: `GitHub Actions cache (${input.driver} driver)`
    };
}
/**
 * True when a failed build's log says only the cache export failed (the image itself was
 * built): the caller should then retry without cache-to, or keep the result and warn.
 */
function cacheExportFailed(logLines) {
    const text = logLines.join('\n');
    return /failed to configure \w+ cache exporter|failed to export cache|error exporting cache|Cache export is not supported|legacy service is shutting down/i.test(text);
}

;// CONCATENATED MODULE: ./src/pipeline/runner-build.ts
/**
 * The runner build as a phase: the default layer cache chosen for the builder, and one retry
 * without cache-to when only the cache export failed (a cache problem never fails a build).
 */



/** Inputs with the layer cache filled in for the builder when the user gave none. */
function withLayerCache(inputs, pre, deps, result) {
    const chosen = defaultLayerCache({
        driver: pre.builder.driver,
        env: deps.env ?? process.env,
        cacheFrom: inputs['cache-from'],
        cacheTo: inputs['cache-to'],
        containerdStore: pre.containerdStore,
        engineVersion: pre.server,
        buildkitVersion: pre.builder.buildkit,
        scope: deps.key
    });
    result.layerCache = chosen;
    deps.reporter.info(`layer cache: ${chosen.reason}`);
    return { ...inputs, 'cache-from': chosen.cacheFrom, 'cache-to': chosen.cacheTo };
}
/**
 * Build the runner. A build whose only failure was exporting the layer cache is built again
 * without cache-to (its layers are all cached by then): a cache problem never fails a build.
 */
async function buildWithCacheFallback(result, deps, ctx, resolved, exp) {
    const name = `Runner stage "${result.runnerStage}"`;
    try {
        return await (0,phase/* phase */.O)(result, deps, name, () => buildRunner(ctx, resolved.runner, exp));
    }
    catch (e) {
        if (!(e instanceof BuildFailedError))
            throw e;
        let failed = e;
        if (ctx.inputs['cache-to'].length && cacheExportFailed(e.logTail)) {
            (0,phase/* warn */.R)(result, deps.reporter, 'exporting the layer cache failed; the image is built again without cache-to (from the build cache), the cache is not saved');
            try {
                return await (0,phase/* phase */.O)(result, deps, `${name} (without cache-to)`, () => buildRunner({ ...ctx, inputs: { ...ctx.inputs, 'cache-to': [] } }, resolved.runner, exp));
            }
            catch (again) {
                if (!(again instanceof BuildFailedError))
                    throw again;
                failed = again;
            }
        }
        result.failedLogTail = failed.logTail;
        result.failedLine = blamedLine(failed.logTail);
        result.failure = `build of runner stage "${failed.stage}" failed`;
        return undefined;
    }
}
/** BuildKit ends a failed step's log with `Dockerfile:19` above the offending lines. */
function blamedLine(log) {
    for (let i = log.length - 1; i >= 0; i--) {
        const m = log[i].match(/^\S*Dockerfile\S*:(\d+)$/);
        if (m)
            return Number(m[1]);
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/pipeline/run.ts
/**
 * The pipeline both front ends run, as data flows through it:
 * engine → cache mounts in → test-stage gate → runner build → cache mounts out → audit → size.
 * It returns data (phases, results, reasons to fail); it never decides the step's outcome.
 */

















/** The phase that checks the engine, buildx and the builder before anything else runs. */
const ENGINE_PHASE = 'Engine';
/**
 * Run every phase and return what they gave, secrets redacted. Never throws: a phase that fails
 * (the engine check included) ends the run with its reason in `failure`, so every path publishes.
 */
async function runPipeline(inputs, resolved, deps) {
    const result = {
        phases: [],
        testResult: 'skipped',
        testStage: resolved.test ? stageRef(resolved.test) : undefined,
        runnerStage: stageRef(resolved.runner),
        warnings: [],
        cacheMounts: [],
        budgets: []
    };
    const redact = deps.redact ?? (0,src_redact/* createRedactor */.lY)(inputs.secrets.flatMap(inputs_secrets/* maskablePieces */.sO));
    try {
        await runPhases(inputs, resolved, { ...deps, reporter: (0,src_redact/* redactingReporter */.Ld)(deps.reporter, redact) }, result);
    }
    catch (e) {
        result.failure ??= (0,errors/* errorMessage */.gJ)(e);
        result.failureKind ??= e instanceof errors/* InputError */.dz ? 'input' : e instanceof errors/* EnvironmentError */.eG ? 'environment' : undefined;
    }
    return redact.deep(result);
}
/** The phases in order; each records its outcome on `result`, a stop returns early. */
async function runPhases(inputs, resolved, deps, result) {
    const onLine = (line) => deps.reporter.info(line);
    const contextDir = (0,inputs_inputs/* isRemoteContext */.uN)(inputs.context) ? external_node_path_default().dirname(inputs.file) : external_node_path_default().resolve(inputs.context);
    // Resolved before anything runs, so a bad cache-mounts value is an input error with nothing done.
    const mounts = parseCacheMounts(inputs['cache-mounts'], resolved.plan);
    let pre;
    try {
        pre = await (0,phase/* phase */.O)(result, deps, ENGINE_PHASE, () => deps.docker.preflight(inputs.builder || undefined));
    }
    catch (e) {
        // The engine check is a phase like the others: failed, with its reason (phase() recorded it).
        result.failure = (0,errors/* errorMessage */.gJ)(e);
        result.failureKind = 'environment';
        return;
    }
    result.engine = { server: pre.server, buildx: pre.buildx, builder: pre.builder.name, driver: pre.builder.driver };
    deps.reporter.info(`engine ${pre.server}, buildx ${pre.buildx}, builder ${pre.builder.name} (${pre.builder.driver} driver)`);
    const effective = withLayerCache(inputs, pre, deps, result);
    const unsupported = callUnsupported(inputs.call, pre.buildx);
    if (unsupported) {
        result.failure = unsupported;
        return;
    }
    const provided = new Set(inputs.secrets.map(s => s.id));
    for (const m of resolved.plan.secretMounts) {
        if (!provided.has(m.id)) {
            (0,phase/* warn */.R)(result, deps.reporter, `Dockerfile line ${m.line} mounts secret "${m.id}" but no secret with that id was given (secrets, secret-files or secret-envs)`);
        }
    }
    const plan = exportPlan(inputs, pre.builder);
    if (plan.blocked) {
        result.failure = plan.blocked;
        result.phases.push({ name: `Runner stage "${result.runnerStage}"`, durationMs: 0, outcome: 'skipped', reason: plan.blocked });
        return;
    }
    // Checked before anything is built: a baseline input that does not resolve is the user's to fix.
    try {
        result.baseline = await (0,phase/* phase */.O)(result, deps, 'Baseline', () => (0,baseline/* loadBaseline */.oU)({
            baselineReport: inputs['baseline-report'],
            baselineImage: inputs['baseline-image'],
            key: deps.key,
            docker: deps.docker,
            store: deps.store,
            ctx: deps.ctx,
            layerCacheDir: deps.layerCacheDir
        }));
    }
    catch (e) {
        result.failure = e instanceof errors/* InputError */.dz ? e.message : `baseline: ${(0,errors/* errorMessage */.gJ)(e)}`;
        if (e instanceof errors/* InputError */.dz)
            result.failureKind = 'input';
        return;
    }
    if (result.baseline.warning)
        (0,phase/* warn */.R)(result, deps.reporter, result.baseline.warning);
    const runnerExport = { plan, layoutDir: external_node_path_default().join(deps.tmpDir, 'oci-layout') };
    const buildSecrets = inputs.secrets.flatMap(s => {
        const value = (0,inputs_secrets/* secretValue */.aF)(s);
        return value ? [{ id: s.id, value }] : [];
    });
    const mountCtx = {
        docker: deps.docker,
        plan: resolved.plan,
        contextDir,
        options: {
            mounts,
            keyFiles: mounts.length ? cacheKeyFiles(inputs['cache-key-files'], contextDir) : [],
            builder: inputs.builder || undefined,
            platform: inputs.platforms.length === 1 ? inputs.platforms[0] : undefined,
            namespace: inputs['build-args'].find(a => a.startsWith('BUILDKIT_CACHE_MOUNT_NS='))?.slice('BUILDKIT_CACHE_MOUNT_NS='.length)
        },
        store: deps.store,
        reporter: deps.reporter,
        tmpDir: deps.tmpDir,
        secrets: buildSecrets
    };
    if (mounts.length && deps.store) {
        result.cacheMounts.push(...(await (0,phase/* phase */.O)(result, deps, 'Cache mounts: restore', () => restoreCacheMounts(mountCtx))));
    }
    let secrets;
    try {
        // Written inside the try whose finally removes them.
        secrets = materializeSecrets(inputs.secrets, deps.tmpDir);
        const ctx = {
            docker: deps.docker,
            inputs: effective,
            driver: pre.builder.driver,
            secrets,
            onLine,
            attestations: pre.builder.features.multiPlatform
        };
        if (inputs.call) {
            const call = await (0,phase/* phase */.O)(result, deps, `Call "${inputs.call}"`, () => runCall(ctx, resolved.runner));
            result.checks = call.method === 'check' ? call.checks : undefined;
            if (call.method !== 'check' && call.exitCode !== 0)
                result.failure = `call "${inputs.call}" failed (exit ${call.exitCode})`;
            return;
        }
        if (resolved.test) {
            const test = await (0,phase/* phase */.O)(result, deps, `Test stage "${stageRef(resolved.test)}"`, () => runTestStage(ctx, resolved.test));
            result.testResult = test.result;
            if (test.result === 'failed') {
                result.phases[result.phases.length - 1].outcome = 'failed';
                result.failedLogTail = test.logTail;
                result.failedLine = blamedLine(test.logTail);
                result.failure = `test stage "${test.stage}" failed (exit ${test.exitCode}); the runner image was not built and nothing was pushed`;
                result.phases.push({ name: `Runner stage "${result.runnerStage}"`, durationMs: 0, outcome: 'skipped', reason: 'the test stage failed' });
                return;
            }
        }
        const image = await buildWithCacheFallback(result, deps, ctx, resolved, runnerExport);
        if (!image)
            return;
        result.image = image;
    }
    catch (e) {
        result.failure ??= (0,errors/* errorMessage */.gJ)(e);
        return;
    }
    finally {
        secrets?.cleanup();
    }
    if (mounts.length && deps.store) {
        const restored = result.cacheMounts;
        result.cacheMounts = [...restored, ...(await (0,phase/* phase */.O)(result, deps, 'Cache mounts: save', () => saveCacheMounts(mountCtx, restored)))];
    }
    for (const r of result.cacheMounts)
        if (r.outcome === 'failed' && r.message)
            (0,phase/* warn */.R)(result, deps.reporter, `cache mount ${r.id}: ${r.message}`);
    const source = imageSource(result.image);
    if (!source) {
        result.failure = `the runner image ${result.image.imageId} cannot be audited: the ${pre.builder.driver} builder "${pre.builder.name}" left it neither in the engine's image store nor in an OCI layout`;
        result.phases.push({ name: 'Audit', durationMs: 0, outcome: 'failed', reason: result.failure });
        return;
    }
    try {
        await (0,examine/* examineImage */.Tl)(result, {
            docker: deps.docker,
            reporter: deps.reporter,
            source,
            label: result.image.imageId,
            dockerfile: { plan: resolved.plan, target: resolved.runner },
            secrets: buildSecrets,
            options: {
                requireNonRoot: inputs['require-non-root'],
                forbidToolchains: inputs['forbid-toolchains'],
                allow: inputs['audit-allow'],
                failOn: inputs['fail-on']
            },
            audit: true,
            layerCacheDir: deps.layerCacheDir,
            secretScanCacheDir: deps.secretScanCacheDir,
            baseline: result.baseline,
            budgets: { maxSize: inputs['max-size'], maxIncrease: inputs['max-increase'] },
            pushed: result.image.digest && result.image.tags[0] ? { tag: result.image.tags[0], digest: result.image.digest } : undefined
        }, (name, fn) => (0,phase/* phase */.O)(result, deps, name, fn));
    }
    finally {
        if (result.image.layoutDir)
            external_node_fs_default().rmSync(result.image.layoutDir, { recursive: true, force: true });
    }
}
/** Where the audit reads the runner image: the build's OCI layout, else the engine's store. */
function imageSource(image) {
    if (image.layoutDir)
        return { kind: 'layout', dir: image.layoutDir };
    if (image.inEngine)
        return { kind: 'engine', ref: image.imageId };
    return undefined;
}


/***/ }),

/***/ 2439:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ai: () => (/* binding */ parseDockerfile),
/* harmony export */   Hn: () => (/* binding */ stageLabel),
/* harmony export */   U9: () => (/* binding */ findStage),
/* harmony export */   ap: () => (/* binding */ stageChain),
/* harmony export */   tq: () => (/* binding */ parseMountOptions),
/* harmony export */   zt: () => (/* binding */ stageList)
/* harmony export */ });
/* harmony import */ var csv_parse_sync__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8471);
/* harmony import */ var dockerfile_ast__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(5302);
/**
 * The Dockerfile as data: stages, their instructions with line numbers, and the BuildKit mounts
 * (`RUN --mount=type=cache|secret`) they use. Parsed with dockerfile-ast, the parser behind the
 * Dockerfile language server, so continuation lines, heredocs and escape directives are handled
 * the way BuildKit reads them.
 */


/** A stage as BuildKit names it: its `AS` name, or `stage-N` (N counted from 0) when it has none. */
function stageLabel(stage) {
    return stage.name ?? `stage-${stage.index}`;
}
/** Human list of stages for error messages: `deps, builder, test, runner` (unnamed as `stage-3`). */
function stageList(plan) {
    return plan.stages.map(stageLabel).join(', ');
}
/** Parse Dockerfile text into a plan. Never throws on odd syntax: BuildKit is the judge of that. */
function parseDockerfile(content) {
    const doc = dockerfile_ast__WEBPACK_IMPORTED_MODULE_1__.DockerfileParser.parse(content);
    const stages = [];
    const cacheMounts = [];
    const secretMounts = [];
    for (const instr of doc.getInstructions()) {
        const keyword = instr.getKeyword().toUpperCase();
        const range = instr.getRange();
        const line = range.start.line + 1;
        const endLine = range.end.line + 1;
        const flags = {};
        if (instr instanceof dockerfile_ast__WEBPACK_IMPORTED_MODULE_1__.ModifiableInstruction) {
            for (const flag of instr.getFlags()) {
                const name = flag.getName().toLowerCase();
                (flags[name] ??= []).push(flag.getValue() ?? '');
            }
        }
        const args = (instr.getRawArgumentsContent() ?? '').replace(/\\\r?\n\s*/g, ' ').trim();
        const entry = { keyword, line, endLine: Math.max(endLine, line), args, flags };
        if (keyword === 'FROM') {
            const from = instr;
            const base = from.getImage() ?? '';
            const name = from.getBuildStage()?.toLowerCase() ?? undefined;
            const baseStage = stages.findIndex(s => s.name !== undefined && s.name === base.toLowerCase());
            stages.push({
                index: stages.length,
                name,
                base,
                baseStage: baseStage >= 0 ? baseStage : undefined,
                line,
                endLine: entry.endLine,
                instructions: [entry]
            });
            continue;
        }
        const stage = stages[stages.length - 1];
        if (!stage)
            continue; // ARG before the first FROM: global, not part of a stage
        stage.instructions.push(entry);
        stage.endLine = entry.endLine;
        if (keyword === 'RUN') {
            for (const mount of flags['mount'] ?? []) {
                const opts = parseMountOptions(mount);
                if (opts.type === 'cache')
                    cacheMounts.push(toCacheMount(stage.index, line, opts));
                if (opts.type === 'secret')
                    secretMounts.push(toSecretMount(stage.index, line, opts));
            }
        }
    }
    return { stages, cacheMounts, secretMounts };
}
/**
 * Split `type=cache,target=/x,sharing=locked` into options (a bare key means `true`). BuildKit
 * reads the flag as one CSV record (Go's encoding/csv), so a quoted field keeps its commas:
 * `type=bind,"target=/a,b"` has the target `/a,b`. Text that is not valid CSV (BuildKit rejects
 * it) is split on commas: never a throw, BuildKit is the judge.
 */
function parseMountOptions(value) {
    const out = {};
    for (const part of mountFields(value)) {
        const p = part.trim();
        if (!p)
            continue;
        const eq = p.indexOf('=');
        const key = (eq < 0 ? p : p.slice(0, eq)).toLowerCase();
        out[key] = eq < 0 ? 'true' : p.slice(eq + 1);
    }
    // BuildKit accepts `dst`/`destination` for target and `src` for source.
    out.target ??= out.dst ?? out.destination ?? '';
    out.source ??= out.src ?? '';
    if (!out.type)
        out.type = 'bind';
    return out;
}
function mountFields(value) {
    // Without a quote, CSV is a split on commas (and the split is much faster on a long list).
    if (!value.includes('"'))
        return value.split(',');
    try {
        const rows = (0,csv_parse_sync__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg)(value, { relax_column_count: true, skip_empty_lines: true });
        return rows.length === 1 ? rows[0] : value.split(',');
    }
    catch {
        return value.split(',');
    }
}
function toCacheMount(stage, line, o) {
    const sharing = o.sharing === 'private' || o.sharing === 'locked' ? o.sharing : 'shared';
    return {
        stage,
        line,
        id: o.id || o.target,
        target: o.target,
        sharing,
        uid: o.uid !== undefined ? Number(o.uid) : undefined,
        gid: o.gid !== undefined ? Number(o.gid) : undefined,
        mode: o.mode,
        from: o.from || undefined,
        source: o.source || undefined
    };
}
function toSecretMount(stage, line, o) {
    // BuildKit: id defaults to the basename of target; target defaults to /run/secrets/<id>.
    const id = o.id || (o.target ? (o.target.split('/').pop() ?? '') : '');
    return {
        stage,
        line,
        id,
        target: o.target || undefined,
        env: o.env || undefined,
        required: o.required === 'true'
    };
}
/** Find a stage by name (case-insensitive) or index; undefined when absent. */
function findStage(plan, ref) {
    const r = ref.toLowerCase();
    const byName = plan.stages.find(s => s.name === r);
    if (byName)
        return byName;
    return /^\d+$/.test(r) ? plan.stages[Number(r)] : undefined;
}
/**
 * The stages whose instructions make up `stage`'s image, root first: following `FROM <stage>`
 * back until a stage that starts from an external image (or scratch).
 */
function stageChain(plan, stage) {
    const chain = [];
    let cur = stage;
    while (cur) {
        chain.unshift(cur);
        cur = cur.baseStage !== undefined ? plan.stages[cur.baseStage] : undefined;
    }
    return chain;
}


/***/ }),

/***/ 4601:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   y: () => (/* binding */ resolvePlan)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(9524);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(2174);
/* harmony import */ var _dockerfile_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(2439);
/** Read the Dockerfile named by the inputs and resolve the runner and test stages. */




/** Parse the Dockerfile; an unknown target or test-target lists the stages the file has. */
function resolvePlan(inputs) {
    const plan = (0,_dockerfile_js__WEBPACK_IMPORTED_MODULE_3__/* .parseDockerfile */ .Ai)(node_fs__WEBPACK_IMPORTED_MODULE_0___default().readFileSync(inputs.file, 'utf8'));
    if (plan.stages.length === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.File, `no FROM instruction in ${inputs.file}`);
    const pick = (input, ref) => {
        const s = (0,_dockerfile_js__WEBPACK_IMPORTED_MODULE_3__/* .findStage */ .U9)(plan, ref);
        // JSON-quoted: a ref with a line break (or a stray CR) still makes a one-line message.
        if (!s)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, `no stage ${JSON.stringify(ref)} in the Dockerfile; its stages are: ${(0,_dockerfile_js__WEBPACK_IMPORTED_MODULE_3__/* .stageList */ .zt)(plan)}`);
        return s;
    };
    const last = plan.stages[plan.stages.length - 1];
    const runner = inputs.target ? pick(_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.Target, inputs.target) : last;
    const test = inputs['test-target'] ? pick(_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.TestTarget, inputs['test-target']) : undefined;
    // BuildKit can target a stage only by name; an unnamed one is reachable only as the last stage.
    for (const [input, s] of [
        [_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.Target, runner],
        [_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.TestTarget, test]
    ]) {
        if (s && !s.name && s !== last) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, `stage ${(0,_dockerfile_js__WEBPACK_IMPORTED_MODULE_3__/* .stageLabel */ .Hn)(s)} (line ${s.line}) has no name; BuildKit builds only named stages: add "AS <name>" to its FROM`);
        }
    }
    if (test && test.index === runner.index) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.TestTarget, `"${inputs['test-target']}" is the runner stage itself; name the test stage`);
    }
    return { path: inputs.file, plan, runner, test };
}


/***/ }),

/***/ 9236:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ld: () => (/* binding */ redactingReporter),
/* harmony export */   lY: () => (/* binding */ createRedactor)
/* harmony export */ });
/* unused harmony exports REDACTED, encodedForms */
/* harmony import */ var _encodings_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4283);

/** What secret pieces are replaced with. */
const REDACTED = '***';
/** A redactor replacing every occurrence of any of `pieces` with `***`, longest piece first. */
function createRedactor(pieces = []) {
    let sorted = [];
    const set = new Set();
    const text = (s) => {
        if (sorted.length === 0 || typeof s !== 'string')
            return s;
        let out = s;
        for (const p of sorted)
            if (out.includes(p))
                out = out.split(p).join(REDACTED);
        return out;
    };
    const walk = (v) => {
        if (typeof v === 'string')
            return text(v);
        if (Array.isArray(v))
            return v.map(walk);
        if (v && typeof v === 'object') {
            const proto = Object.getPrototypeOf(v);
            if (proto !== Object.prototype && proto !== null)
                return v;
            return Object.fromEntries(Object.entries(v).map(([k, x]) => [text(k), walk(x)]));
        }
        return v;
    };
    const r = text;
    r.deep = (value) => (sorted.length === 0 ? value : walk(value));
    r.add = more => {
        for (const p of more)
            for (const form of encodedForms(p))
                set.add(form);
        sorted = [...set].sort((a, b) => b.length - a.length);
    };
    r.add(pieces);
    return r;
}
/** Encoded forms shorter than this are not hidden (they would hide ordinary text). */
const MIN_ENCODED = 8;
/**
 * A piece and the forms it is commonly printed in, as the Actions runner's own masker adds them:
 * JSON-escaped, URL-encoded, and base64 / base64url at each of the three byte alignments (only the
 * characters that depend on the piece alone, so it is hidden inside a longer encoded text too).
 */
function encodedForms(piece) {
    if (!piece)
        return [];
    const forms = new Set([piece, JSON.stringify(piece).slice(1, -1), encodeURIComponent(piece)]);
    const bytes = Buffer.from(piece, 'utf8');
    for (const b64 of (0,_encodings_js__WEBPACK_IMPORTED_MODULE_0__/* .base64Variants */ .w)(bytes)) {
        forms.add(b64);
        forms.add(b64.replace(/\+/g, '-').replace(/\//g, '_'));
    }
    return [...forms].filter(f => f === piece || f.length >= MIN_ENCODED);
}
/** `reporter` with every message redacted; `setSecret` also adds the value to the redactor. */
function redactingReporter(reporter, redact) {
    return {
        info: m => reporter.info(redact(m)),
        warning: m => reporter.warning(redact(m)),
        setSecret: v => {
            redact.add([v]);
            reporter.setSecret(v);
        },
        group: (name, fn) => reporter.group(redact(name), fn)
    };
}


/***/ }),

/***/ 29:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  I: () => (/* binding */ buildRunReport)
});

// EXTERNAL MODULE: ./src/inspect/contents.ts + 1 modules
var contents = __nccwpck_require__(9333);
// EXTERNAL MODULE: ./src/report/run-report.ts
var run_report = __nccwpck_require__(2400);
// EXTERNAL MODULE: ./src/audit/severity.ts
var severity = __nccwpck_require__(2374);
;// CONCATENATED MODULE: ./src/report/verdict.ts
/** The verdict of a run: every reason it fails, and the count of failing findings. Pure. */

/** Every reason the step fails, one line each (empty: it passes). Pure. */
function failureReasons(r, failOn) {
    const reasons = [];
    if (r.failure)
        reasons.push(r.failure);
    if (r.audit && r.audit.failing > 0) {
        const rules = [...new Set(r.audit.findings.filter(f => (0,severity/* atLeast */.j)(f.severity, failOn)).map(f => f.rule))].join(', ');
        reasons.push(`audit: ${r.audit.failing} finding${r.audit.failing === 1 ? '' : 's'} at or above ${failOn} (${rules})`);
    }
    for (const b of r.budgets)
        reasons.push(b.message);
    const checks = (r.checks ?? []).filter(c => (0,severity/* atLeast */.j)(c.severity, failOn));
    if (checks.length)
        reasons.push(`build checks: ${checks.length} at or above ${failOn} (${[...new Set(checks.map(c => c.rule))].join(', ')})`);
    return reasons;
}
/** Findings (audit and build checks) at or above fail-on plus budget violations: the `findings` output. */
function failingCount(r, failOn = 'error') {
    return (r.audit?.failing ?? 0) + r.budgets.length + (r.checks ?? []).filter(c => atLeast(c.severity, failOn)).length;
}

;// CONCATENATED MODULE: ./src/report/build-report.ts



function buildRunReport(r, opts) {
    const reasons = failureReasons(r, opts.failOn);
    const summary = r.audit?.image;
    return {
        schema: run_report/* REPORT_SCHEMA */.DC,
        createdAt: (opts.now ?? new Date()).toISOString(),
        dockerfile: opts.dockerfile,
        target: r.runnerStage,
        key: opts.key,
        git: opts.ctx
            ? {
                sha: opts.ctx.pullRequest?.headSha ?? opts.ctx.sha,
                ref: opts.ctx.ref,
                pullRequest: opts.ctx.pullRequest?.number,
                runNumber: opts.ctx.runNumber,
                runAttempt: opts.ctx.runAttempt
            }
            : undefined,
        test: { stage: r.testStage, result: r.testResult },
        image: r.image
            ? {
                id: r.image.imageId,
                tags: r.image.tags,
                digest: r.image.digest,
                user: summary?.user,
                platform: summary ? [summary.os, summary.architecture, summary.variant].filter(Boolean).join('/') : undefined
            }
            : undefined,
        audit: r.audit
            ? {
                failOn: opts.failOn,
                findings: r.audit.findings,
                allowed: r.audit.allowed,
                failing: r.audit.failing,
                source: r.audit.source,
                unusedAllow: r.audit.unusedAllow?.length ? r.audit.unusedAllow : undefined
            }
            : undefined,
        failure: r.failure ? { reason: r.failure, line: r.failedLine, logTail: r.failedLogTail ?? [] } : undefined,
        size: r.size,
        platforms: r.platforms?.map(p => ({
            platform: p.platform,
            id: p.audit.image.id,
            user: p.audit.image.user,
            size: p.size,
            delta: p.delta,
            budgets: p.budgets,
            findings: p.audit.findings.length,
            failing: p.audit.failing,
            contents: p.contents ? (0,contents/* compactContents */.u4)(p.contents) : undefined,
            wasted: p.wasted
        })),
        baselineNote: r.baseline?.note,
        trend: r.baseline?.trend && r.size
            ? [
                ...r.baseline.trend.slice(-(run_report/* TREND_POINTS */.Iu - 1)),
                { label: run_report/* THIS_RUN */.bO, createdAt: (opts.now ?? new Date()).toISOString(), bytes: r.size.bytes, compressedBytes: r.size.compressedBytes }
            ]
            : undefined,
        delta: r.delta,
        budgets: r.budgets,
        checks: r.checks,
        verdict: { passed: reasons.length === 0, reasons }
    };
}


/***/ }),

/***/ 4436:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  eW: () => (/* binding */ FULL),
  B1: () => (/* binding */ renderReport)
});

// UNUSED EXPORTS: COMMENT_BUDGET, escapeCell, shortenKeepingFix

// EXTERNAL MODULE: ./src/size/units.ts
var units = __nccwpck_require__(6252);
;// CONCATENATED MODULE: ./src/report/cells.ts
/** Markdown table cells (pure). */
/** Text safe inside a Markdown table cell: pipes escaped, newlines flattened, no raw HTML. */
function escapeCell(s) {
    return s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').replace(/</g, '&lt;');
}

;// CONCATENATED MODULE: ./src/report/contents-markdown.ts


/** Inline code that survives any backticks in `s`. */
function code(s, max = 80) {
    const t = s.length <= max ? s : `…${s.slice(s.length - max + 1)}`;
    const fence = t.includes('`') ? '`` ' : '`';
    return `${fence}${escapeCell(t)}${fence.split('').reverse().join('')}`;
}
const STATUS = { grown: '📈 grown', shrunk: '📉 shrunk', added: '🆕 added', removed: '🗑️ removed' };
const KIND = { npm: 'npm package', python: 'Python distribution', vendor: 'vendored' };
function pathRow(p, dockerfile) {
    const what = `${code(p.path)}${p.rest ? ' _(other files)_' : ''}${p.kind ? ` · ${KIND[p.kind]}` : ''}`;
    const line = p.line ? `${escapeCell(dockerfile)}:${p.line}` : '';
    return `| ${what} | ${STATUS[p.status]} | ${p.before ? (0,units/* formatBytes */.z3)(p.before) : '—'} | ${p.after ? (0,units/* formatBytes */.z3)(p.after) : '—'} | **${(0,units/* formatDelta */.CW)(p.delta)}** | ${line} |`;
}
/** The directories that explain the change, largest change first. */
function pathsSection(d, dockerfile, max) {
    const c = d.contents;
    if (!c || c.paths.length === 0 || max <= 0)
        return [];
    const rows = c.paths.slice(0, max).map(p => pathRow(p, dockerfile));
    const more = c.paths.length - rows.length + (c.omitted?.paths ?? 0);
    const out = [
        '**What changed** (directories that explain the size change)',
        '',
        '| Path | Change | Before | After | Δ | Written by |',
        '| --- | --- | ---: | ---: | ---: | --- |',
        ...rows
    ];
    const notes = [];
    if (more > 0)
        notes.push(`${more} more in the JSON report`);
    if (c.unexplained >= 64 * 1024)
        notes.push(`${(0,units/* formatBytes */.z3)(c.unexplained)} of changes spread thinly elsewhere`);
    if (notes.length)
        out.push('', `_…${notes.join('; ')}._`);
    return [...out, ''];
}
const MANAGER = { dpkg: 'deb', apk: 'apk', npm: 'npm', python: 'pip' };
/** `+ imagemagick 6.9 (+38 MB) and 24 dependencies (+12 MB)` */
function packageLine(p) {
    const name = `**${escapeCell(p.name)}**`;
    const tag = `<sub>${MANAGER[p.manager]}</sub>`;
    if (p.status === 'added') {
        // Nested npm copies weigh nothing of their own (their bytes are the outer package's): no size then.
        const weight = p.withBytes ? ` (${(0,units/* formatDelta */.CW)(p.withBytes)})` : '';
        const deps = p.with?.length
            ? ` and ${p.with.length} ${p.with.length === 1 ? 'dependency' : 'dependencies'}${weight}: ${escapeCell(shortList(p.with, 12))}`
            : '';
        return `- ➕ ${name} ${escapeCell(p.after ?? '')} ${tag} (${(0,units/* formatDelta */.CW)(p.delta)})${deps}`;
    }
    if (p.status === 'removed')
        return `- ➖ ${name} ${escapeCell(p.before ?? '')} ${tag} (${(0,units/* formatDelta */.CW)(p.delta)})`;
    const arrow = p.status === 'upgraded' ? '⬆️' : '⬇️';
    return `- ${arrow} ${name} ${escapeCell(p.before ?? '')} → ${escapeCell(p.after ?? '')} ${tag} (${(0,units/* formatDelta */.CW)(p.delta)})`;
}
function shortList(names, max) {
    return names.length <= max ? names.join(', ') : `${names.slice(0, max).join(', ')}, …`;
}
/** Packages added, removed, up- and downgraded. */
function packagesSection(d, max) {
    const c = d.contents;
    if (!c || c.packages.length === 0 || max <= 0)
        return [];
    const counts = ['added', 'removed', 'upgraded', 'downgraded']
        .map(s => [s, c.packages.filter(p => p.status === s).length])
        .filter(([, n]) => n)
        .map(([s, n]) => `${n} ${s}`);
    const out = [`**Packages** (${counts.join(', ')})`, '', ...c.packages.slice(0, max).map(packageLine)];
    const more = c.packages.length - Math.min(max, c.packages.length) + (c.omitted?.packages ?? 0);
    if (more > 0)
        out.push('', `_…${more} more in the JSON report._`);
    return [...out, ''];
}
const PARTS = [
    ['base', 'Base image'],
    ['os', 'OS packages & system files'],
    ['language', 'Language packages'],
    ['app', 'Application']
];
/** A Mermaid pie of the image's composition, with the baseline's beside it in a table. */
function compositionSection(now, before) {
    if (!now)
        return [];
    const parts = PARTS.filter(([k]) => now[k] > 0 || (before?.[k] ?? 0) > 0);
    if (parts.length === 0)
        return [];
    const pie = [
        '```mermaid',
        'pie showData title Image composition (bytes)',
        ...parts.filter(([k]) => now[k] > 0).map(([k, label]) => `    "${label}" : ${now[k]}`),
        '```'
    ];
    const withBefore = before && before.baseKnown !== false && now.baseKnown !== false;
    const head = withBefore ? ['| Part | Baseline | Now | Δ |', '| --- | ---: | ---: | ---: |'] : ['| Part | Now |', '| --- | ---: |'];
    const rows = parts.map(([k, label]) => withBefore
        ? `| ${label} | ${(0,units/* formatBytes */.z3)(before[k])} | ${(0,units/* formatBytes */.z3)(now[k])} | ${(0,units/* formatDelta */.CW)(now[k] - before[k])} |`
        : `| ${label} | ${(0,units/* formatBytes */.z3)(now[k])} |`);
    return ['<details><summary>Composition</summary>', '', ...pie, '', ...head, ...rows, '', '</details>', ''];
}
/** The largest files later layers overwrite or delete: they ship but nobody sees them. */
function wastedSection(wasted, dockerfile, max) {
    if (!wasted?.length || max <= 0)
        return [];
    const total = wasted.reduce((n, w) => n + w.bytes, 0);
    const at = (line) => (line ? `${escapeCell(dockerfile)}:${line}` : '');
    const rows = wasted
        .slice(0, max)
        .map(w => `| ${code(w.path)} | ${(0,units/* formatBytes */.z3)(w.bytes)} | ${at(w.line)} | ${w.how} at ${at(w.hiddenByLine) || `layer ${w.hiddenBy}`} |`);
    const out = [
        `<details><summary>Wasted files: ${wasted.length}${wasted.length >= 100 ? '+' : ''} files (${(0,units/* formatBytes */.z3)(total)}) written by one layer and overwritten or deleted by a later one</summary>`,
        '',
        '| File | Size | Written by | Hidden by |',
        '| --- | ---: | --- | --- |',
        ...rows
    ];
    if (wasted.length > rows.length)
        out.push('', `_…${wasted.length - rows.length} more in the JSON report._`);
    return [...out, '', '</details>', ''];
}
/** The largest platform's contents and wasted files (what the comment shows first). */
function largestPlatform(r) {
    return r.platforms?.find(p => p.platform === r.image?.platform) ?? r.platforms?.[0];
}
/** A Mermaid line chart of the base branch's last reports and this run (needs two points). */
function trendSection(trend) {
    if (!trend || trend.length < 2)
        return [];
    const mb = (n) => Math.round(n / 10_000) / 100;
    const label = (s) => `"${s.replace(/["\\]/g, '')}"`;
    const sizes = trend.map(t => mb(t.bytes));
    const compressed = trend.map(t => mb(t.compressedBytes));
    return [
        `<details><summary>Size trend: the base branch's last ${trend.length - 1} report${trend.length === 2 ? '' : 's'}, then this run</summary>`,
        '',
        '```mermaid',
        'xychart-beta',
        '    title "Image size (MB): uncompressed, compressed"',
        `    x-axis [${trend.map(t => label(t.label)).join(', ')}]`,
        `    y-axis "MB" 0 --> ${Math.ceil(Math.max(...sizes) * 1.1) || 1}`,
        `    line [${sizes.join(', ')}]`,
        `    line [${compressed.join(', ')}]`,
        '```',
        '',
        '</details>',
        ''
    ];
}

// EXTERNAL MODULE: ./src/audit/evidence-path.ts
var evidence_path = __nccwpck_require__(9406);
;// CONCATENATED MODULE: ./src/report/markdown.ts




const SEVERITY_ICON = { error: '❌', warning: '⚠️', notice: 'ℹ️' };

/** The comment's row limits when it fits whole; the terminal report caps its lists the same way. */
const FULL = { findings: 50, layers: 200, paths: 15, packages: 20, wasted: 15, chart: true };
/**
 * When the comment would be too long, sections are cut in this order, one step at a time, until
 * it fits: the wasted-files list, then the layer table, package and path lists, findings, the
 * chart, and finally whole tables. Anything cut is in the JSON report.
 */
const CUTS = [
    { wasted: 5 },
    { wasted: 0 },
    { layers: 50 },
    { packages: 10 },
    { paths: 10 },
    { layers: 20 },
    { findings: 20 },
    { packages: 5 },
    { paths: 5 },
    { chart: false },
    { layers: 5, findings: 5 },
    { layers: 0, findings: 0 },
    { packages: 0, paths: 0 }
];
/** GitHub refuses comment bodies over 65,536 characters; this leaves room for the hidden marker line. */
const COMMENT_BUDGET = 65536 - 1024;
function shorten(s, max) {
    return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}
/** Longest finding text in the comment's table (the JSON report has it whole). */
const MESSAGE_MAX = 500;
/**
 * Shorten a finding's message from the middle: its last sentence says what to do, so it is kept
 * whole and the cut (…) falls in the evidence before it.
 */
function shortenKeepingFix(message, max) {
    if (message.length <= max)
        return message;
    const lastStop = message.lastIndexOf('. ', message.length - 2);
    const fix = lastStop >= 0 ? message.slice(lastStop + 2) : '';
    if (!fix || fix.length > max / 2)
        return shorten(message, max);
    return `${message.slice(0, max - fix.length - 2).trimEnd()}… ${fix}`;
}
function direction(delta) {
    return delta > 0 ? '📈' : delta < 0 ? '📉' : '➖';
}
function sizeLine(r) {
    if (!r.size)
        return '—';
    const s = r.size;
    const largest = (r.platforms?.length ?? 0) > 1 && r.image?.platform ? ` (largest platform: \`${r.image.platform}\`)` : '';
    const compressed = `${(0,units/* formatBytes */.z3)(s.compressedBytes)} compressed${s.compressedFrom === 'gzip-estimate' ? ' (estimated)' : ''}`;
    if (!r.delta)
        return `**${(0,units/* formatBytes */.z3)(s.bytes)}**${largest} (${compressed})`;
    const d = r.delta;
    const grew = d.bytes - d.baseBytes;
    const cgrew = d.compressedBytes - d.baseCompressedBytes;
    return (`**${(0,units/* formatBytes */.z3)(s.bytes)}**${largest} ${direction(grew)} **${(0,units/* formatDelta */.CW)(grew)} (${(0,units/* formatPercent */.l9)(d.percent)})** · ` +
        `${compressed} ${(0,units/* formatDelta */.CW)(cgrew)} (${(0,units/* formatPercent */.l9)(d.compressedPercent)})`);
}
function budgetLine(r) {
    if (r.budgets.length === 0)
        return '✅ within budget';
    return r.budgets.map(b => `❌ ${escapeCell(b.message)}`).join('<br>');
}
function testLine(r) {
    if (r.test.result === 'skipped')
        return '⏭️ no test stage';
    return r.test.result === 'passed' ? `✅ \`${r.test.stage}\` passed` : `❌ \`${r.test.stage}\` failed`;
}
function auditLine(r) {
    if (!r.audit)
        return '—';
    const count = (sev) => r.audit.findings.filter(f => f.severity === sev).length;
    const parts = [
        ['error', count('error')],
        ['warning', count('warning')],
        ['notice', count('notice')]
    ]
        .filter(([, n]) => n)
        .map(([s, n]) => `${n} ${s}${n === 1 ? '' : 's'}`);
    const allowed = r.audit.allowed.length ? ` · ${r.audit.allowed.length} allowed` : '';
    if (r.audit.failing > 0)
        return `❌ ${parts.join(', ')}${allowed}`;
    return parts.length ? `✅ passes (fail-on: ${r.audit.failOn}) · ${parts.join(', ')}${allowed}` : `✅ clean${allowed}`;
}
function where(f, dockerfile, multi) {
    const e = f.evidence;
    const bits = [];
    if (multi && f.platform)
        bits.push(`**${f.platform}**`);
    const path = (0,evidence_path/* evidencePath */.Z)(e);
    if (path)
        bits.push(`\`${shorten(path, 60)}\``);
    if (e.line)
        bits.push(`${dockerfile}:${e.line}`);
    if (e.layer)
        bits.push(`layer ${e.layer.index}`);
    return bits.join(' · ') || '—';
}
function findingsTable(findings, dockerfile, max, multi) {
    const rows = findings
        .slice(0, max)
        .map(f => `| ${SEVERITY_ICON[f.severity]} ${f.severity} | \`${f.rule}\` | ${escapeCell(where(f, dockerfile, multi))} | ${f.evidence.bytes ? (0,units/* formatBytes */.z3)(f.evidence.bytes) : ''} | ${escapeCell(shortenKeepingFix(f.message, MESSAGE_MAX))} |`);
    const out = ['| Severity | Rule | Where | Bytes | Finding |', '| --- | --- | --- | ---: | --- |', ...rows];
    if (findings.length > max)
        out.push('', `_…and ${findings.length - max} more in the JSON report._`);
    return out;
}
function layerRow(l, d) {
    const delta = d
        ? d.status === 'added'
            ? `🆕 ${(0,units/* formatDelta */.CW)(d.delta)}`
            : d.status === 'removed'
                ? `🗑️ ${(0,units/* formatDelta */.CW)(d.delta)}`
                : d.delta
                    ? (0,units/* formatDelta */.CW)(d.delta)
                    : ''
        : '';
    const text = l.instruction.replace(/\s+# buildkit$/, '').trim();
    const what = text ? `\`${escapeCell(shorten(text, 90))}\`` : '_base image layer_';
    return `| ${l.line || ''} | ${what} | ${(0,units/* formatBytes */.z3)(l.bytes)} | ${delta} |`;
}
function layersTable(r, max) {
    if (!r.size)
        return [];
    let rows = [];
    if (r.delta) {
        // Biggest changes first when the table is cut.
        const shown = r.delta.layers.length > max ? [...r.delta.layers].sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta)).slice(0, max) : r.delta.layers;
        for (const d of r.delta.layers)
            if (shown.includes(d))
                rows.push(layerRow({ line: d.line, instruction: d.instruction, bytes: d.bytes }, d));
    }
    else {
        const shown = r.size.layers.length > max ? [...r.size.layers].sort((a, b) => b.bytes - a.bytes).slice(0, max) : r.size.layers;
        for (const l of r.size.layers)
            if (shown.includes(l))
                rows.push(layerRow(l));
    }
    const cut = (r.delta?.layers.length ?? r.size.layers.length) - rows.length;
    if (cut > 0)
        rows = [...rows, '', `_…${cut} smaller layers in the JSON report._`];
    const wasted = r.size.wastedBytes ? ` · ${(0,units/* formatBytes */.z3)(r.size.wastedBytes)} wasted by files later layers overwrite or delete` : '';
    return [
        `<details><summary>Layers (${r.size.layerCount}) by Dockerfile instruction${platformOf(r)}${wasted}</summary>`,
        '',
        '| Line | Instruction | Size | Δ |',
        '| ---: | --- | ---: | ---: |',
        ...rows,
        '',
        '</details>'
    ];
}
/** ` of linux/arm64 (the largest platform)` when the image has several platforms. */
function platformOf(r) {
    return (r.platforms?.length ?? 0) > 1 && r.image?.platform ? ` of ${r.image.platform} (the largest platform)` : '';
}
/** One row per platform: size, delta, findings, budget. */
function platformsTable(r) {
    const rows = (r.platforms ?? []).map(p => {
        const grew = p.delta ? p.delta.bytes - p.delta.baseBytes : undefined;
        const delta = grew === undefined ? '' : `${direction(grew)} ${(0,units/* formatDelta */.CW)(grew)} (${(0,units/* formatPercent */.l9)(p.delta.percent)})`;
        const audit = p.failing > 0 ? `❌ ${p.failing} failing` : p.findings > 0 ? `✅ ${p.findings} below fail-on` : '✅ clean';
        const budget = p.budgets.length ? '❌ over' : '✅';
        return `| \`${p.platform}\` | ${(0,units/* formatBytes */.z3)(p.size.bytes)} | ${delta} | ${(0,units/* formatBytes */.z3)(p.size.compressedBytes)} | ${audit} | ${budget} |`;
    });
    return ['| Platform | Size | Δ | Compressed | Audit | Budget |', '| --- | ---: | ---: | ---: | --- | --- |', ...rows];
}
/**
 * The PR comment / summary body, at most `limit` characters: sections are cut in the CUTS order
 * until it fits. `maxFindings` bounds the findings table.
 */
function renderReport(r, maxFindings = 50, limit = COMMENT_BUDGET) {
    let limits = { ...FULL, findings: maxFindings };
    let body = renderWith(r, limits);
    for (const cut of CUTS) {
        if (body.length <= limit)
            return body;
        limits = {
            ...limits,
            ...Object.fromEntries(Object.entries(cut).map(([k, v]) => [k, typeof v === 'number' ? Math.min(v, limits[k]) : v]))
        };
        body = renderWith(r, limits);
    }
    if (body.length <= limit)
        return body;
    const note = '\n\n… _truncated: the full report is in the job summary and the JSON report._\n';
    return body.slice(0, limit - note.length) + note;
}
function renderWith(r, limits) {
    const out = [];
    const verdict = r.verdict.passed ? '✅' : '❌';
    out.push(`### ${verdict} Stagecraft · \`${r.dockerfile}\` → \`${r.target}\``, '');
    out.push('| | |', '| --- | --- |');
    out.push(`| **Size** | ${sizeLine(r)} |`);
    out.push(`| **Budget** | ${budgetLine(r)} |`);
    out.push(`| **Test stage** | ${testLine(r)} |`);
    out.push(`| **Audit** | ${auditLine(r)} |`);
    out.push('');
    if (!r.verdict.passed) {
        out.push('**Why this check fails:**', ...r.verdict.reasons.map(x => `- ${escapeCell(x)}`), '');
    }
    for (const p of r.audit?.unusedAllow ?? []) {
        out.push(`> ⚠️ audit-allow pattern \`${escapeCell(p)}\` matched no finding (a typo, or no longer needed).`, '');
    }
    const multi = (r.platforms?.length ?? 0) > 1;
    if (multi)
        out.push(...platformsTable(r), '');
    if (r.audit?.findings.length && limits.findings > 0)
        out.push(...findingsTable(r.audit.findings, r.dockerfile, limits.findings, multi), '');
    if (r.checks?.length && limits.findings > 0) {
        out.push('| Build check | Line | Finding |', '| --- | --- | --- |');
        for (const c of r.checks.slice(0, limits.findings))
            out.push(`| ${c.severity} \`${c.rule}\` | ${c.line ?? ''} | ${escapeCell(shorten(c.message, 300))} |`);
        out.push('');
    }
    if (r.delta) {
        out.push(...pathsSection(r.delta, r.dockerfile, limits.paths));
        out.push(...packagesSection(r.delta, limits.packages));
        if (r.delta.contentsNote)
            out.push(`_No file or package delta: ${escapeCell(r.delta.contentsNote)}._`, '');
    }
    const own = largestPlatform(r);
    if (limits.chart)
        out.push(...compositionSection(r.delta?.contents?.composition?.after ?? own?.contents?.composition, r.delta?.contents?.composition?.before));
    if (limits.chart)
        out.push(...trendSection(r.trend));
    if (limits.layers > 0)
        out.push(...layersTable(r, limits.layers), '');
    out.push(...wastedSection(own?.wasted, r.dockerfile, limits.wasted));
    const baseline = r.delta ? `Baseline: ${r.delta.baseline.description}.` : `Baseline: ${r.baselineNote ?? 'none'}.`;
    const compressed = r.size
        ? ` Compressed sizes: ${r.size.compressedFrom === 'registry' ? 'from the registry manifest' : r.size.compressedFrom === 'blob' ? 'exact, from the layer blobs' : 'estimated by gzip of each layer'}.`
        : '';
    out.push(`<sub>${escapeCell(baseline)}${compressed}${r.image ? ` Image \`${r.image.id.slice(0, 19)}\`.` : ''}</sub>`);
    return out.join('\n');
}


/***/ }),

/***/ 2400:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   DC: () => (/* binding */ REPORT_SCHEMA),
/* harmony export */   Hi: () => (/* binding */ defaultReportKey),
/* harmony export */   Iu: () => (/* binding */ TREND_POINTS),
/* harmony export */   MM: () => (/* binding */ parseReport),
/* harmony export */   bO: () => (/* binding */ THIS_RUN)
/* harmony export */ });
/* harmony import */ var _plan_dockerfile_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2439);

const REPORT_SCHEMA = 'stagecraft/report@1';
/** How many reports the trend keeps. */
const TREND_POINTS = 20;
/** The label of a pull request run's own point in its trend. */
const THIS_RUN = 'this run';
/**
 * The default report key: one sticky comment and one baseline per Dockerfile and runner stage (an
 * unnamed stage as BuildKit names it: `Dockerfile:stage-0`).
 */
function defaultReportKey(dockerfile, runner) {
    return `${dockerfile}:${(0,_plan_dockerfile_js__WEBPACK_IMPORTED_MODULE_0__/* .stageLabel */ .Hn)(runner)}`;
}
/** Parse a report read from disk; throws a plain Error saying what is wrong. */
function parseReport(text) {
    let data;
    try {
        data = JSON.parse(text);
    }
    catch {
        throw new Error('not JSON');
    }
    const r = data;
    if (r?.schema !== REPORT_SCHEMA)
        throw new Error(`not a Stagecraft report (expected schema ${REPORT_SCHEMA})`);
    if (!r.size || !Array.isArray(r.size.layers))
        throw new Error('the report has no size section (was the runner image built?)');
    checkShape(r);
    return r;
}
/**
 * The fields a baseline reads (sizes, layers, trend, platforms) have their types: a hand-edited or
 * truncated-then-patched report fails here with what is wrong, not later with a TypeError.
 */
function checkShape(r) {
    const bad = (what) => new Error(`the report's ${what}`);
    const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
    const optionalString = (v, what) => {
        if (v !== undefined && typeof v !== 'string')
            throw bad(`${what} is not a string`);
    };
    const size = (v, what) => {
        if (!isObject(v))
            throw bad(`${what} is not an object`);
        if (typeof v.bytes !== 'number' || typeof v.compressedBytes !== 'number')
            throw bad(`${what} has no byte counts`);
        if (!Array.isArray(v.layers))
            throw bad(`${what}.layers is not a list`);
        v.layers.forEach((l, i) => {
            if (!isObject(l) || typeof l.instruction !== 'string' || typeof l.bytes !== 'number')
                throw bad(`${what}.layers[${i}] is not a layer (instruction, bytes)`);
        });
    };
    if (typeof r.createdAt !== 'string')
        throw bad('createdAt is not a string');
    if (r.git !== undefined) {
        if (!isObject(r.git))
            throw bad('git is not an object');
        optionalString(r.git.sha, 'git.sha');
    }
    if (r.image !== undefined) {
        if (!isObject(r.image))
            throw bad('image is not an object');
        optionalString(r.image.platform, 'image.platform');
    }
    size(r.size, 'size');
    if (r.trend !== undefined) {
        if (!Array.isArray(r.trend))
            throw bad('trend is not a list');
        r.trend.forEach((t, i) => {
            if (!isObject(t) ||
                typeof t.label !== 'string' ||
                typeof t.createdAt !== 'string' ||
                typeof t.bytes !== 'number' ||
                typeof t.compressedBytes !== 'number') {
                throw bad(`trend[${i}] is not a trend point (label, createdAt, bytes, compressedBytes)`);
            }
        });
    }
    if (r.platforms !== undefined) {
        if (!Array.isArray(r.platforms))
            throw bad('platforms is not a list');
        r.platforms.forEach((p, i) => {
            if (!isObject(p) || typeof p.platform !== 'string')
                throw bad(`platforms[${i}] has no platform name`);
            if (p.size !== undefined)
                size(p.size, `platforms[${i}].size`);
        });
    }
}


/***/ }),

/***/ 3533:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ toSarif)
/* harmony export */ });
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6219);
/* harmony import */ var _audit_evidence_path_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(9406);
/**
 * The audit as SARIF 2.1.0 (for GitHub code scanning): one rule per rule id, one result per
 * finding, located at its Dockerfile line. Pure: returns the document as an object.
 */


const HELP = {
    'non-root': 'The runner image must run as a non-root, numeric user (USER <uid>).',
    toolchain: 'Compilers, build tools, language toolchains and development headers belong in build stages, not in the runner image (headers without a compiler only waste bytes: a warning).',
    'secret-leak': 'Build secret values, raw or encoded (base64, base64url, hex, URL, JSON), must not occur in any layer, in ENV, labels or history.',
    'dev-leftover': 'Source maps, .git, .env files, test frameworks and linters should not ship in the runner image.',
    'hygiene/no-healthcheck': 'The image declares no HEALTHCHECK.',
    'hygiene/setuid': 'setuid/setgid files allow privilege escalation inside the container.',
    'hygiene/package-cache': 'Package-manager caches and indexes left in the image waste bytes.',
    'hygiene/shell': 'A shell is present in the runner image.',
    'hygiene/wasted-space': 'Files a later layer deletes or overwrites still ship in the layer that created them.'
};
const LEVEL = { error: 'error', warning: 'warning', notice: 'note' };
/**
 * Build the SARIF log. `dockerfilePath` is the artifact location (relative to the repository root,
 * as code scanning expects); allowed findings are included as suppressed results.
 */
function toSarif(report, dockerfilePath, toolVersion = _version_js__WEBPACK_IMPORTED_MODULE_0__/* .VERSION */ .x) {
    const all = [...report.findings.map(f => ({ f, allowed: false })), ...report.allowed.map(f => ({ f, allowed: true }))];
    const ruleIds = [...new Set(all.map(x => x.f.rule))].sort();
    const uri = dockerfilePath.replace(/\\/g, '/').replace(/^\.\//, '');
    return {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: 'stagecraft-audit',
                        informationUri: 'https://github.com/stagecraft/stagecraft',
                        version: toolVersion,
                        rules: ruleIds.map(id => ({
                            id,
                            name: id.replace(/[/-](\w)/g, (_, c) => c.toUpperCase()),
                            shortDescription: { text: HELP[id] ?? id },
                            defaultConfiguration: { level: LEVEL[all.find(x => x.f.rule === id).f.severity] }
                        }))
                    }
                },
                results: all.map(({ f, allowed }) => result(f, ruleIds.indexOf(f.rule), uri, allowed)),
                properties: { image: report.image.id }
            }
        ]
    };
}
function result(f, ruleIndex, uri, allowed) {
    const out = {
        ruleId: f.rule,
        ruleIndex,
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [
            {
                physicalLocation: {
                    artifactLocation: { uri },
                    region: { startLine: f.evidence.line ?? 1 }
                }
            }
        ],
        // Stable across runs, so code scanning tracks one alert per problem.
        partialFingerprints: { stagecraftAudit: [f.rule, (0,_audit_evidence_path_js__WEBPACK_IMPORTED_MODULE_1__/* .evidencePath */ .Z)(f.evidence) ?? '', f.evidence.secretId ?? '', f.evidence.line ?? ''].join('|') },
        properties: { evidence: f.evidence }
    };
    if (allowed)
        out.suppressions = [{ kind: 'external', justification: 'matched audit-allow' }];
    return out;
}


/***/ }),

/***/ 278:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   GL: () => (/* binding */ sizeDelta),
/* harmony export */   h5: () => (/* binding */ sizeReportOf)
/* harmony export */ });
/* unused harmony exports sizeReport, instructionKey */
function sizeReport(image, layers, compressedFrom) {
    return {
        image,
        // keep only the model's fields, whatever richer layer objects were passed
        layers: layers.map(({ index, digest, bytes, compressedBytes, instruction, line, fromBase, wastedBytes }) => ({
            index,
            digest,
            bytes,
            compressedBytes,
            instruction,
            line,
            fromBase,
            wastedBytes
        })),
        bytes: layers.reduce((a, l) => a + l.bytes, 0),
        compressedBytes: layers.reduce((a, l) => a + l.compressedBytes, 0),
        compressedFrom,
        layerCount: layers.length,
        wastedBytes: layers.reduce((a, l) => a + l.wastedBytes, 0)
    };
}
/**
 * The instruction as a stable key: BuildKit's `RUN /bin/sh -c ... # buildkit`, the classic
 * builder's `/bin/sh -c #(nop) COPY file:abc in /`, and `|2 A=1 B=2 ` build-arg prefixes are
 * reduced to the instruction as written. Content hashes are dropped so a changed COPY matches.
 */
function instructionKey(createdBy) {
    let s = createdBy.trim();
    s = s.replace(/\s+# buildkit$/, '');
    s = s.replace(/^\|\d+(\s+\S+=\S*)*\s+/, '');
    // BuildKit writes build args after the keyword: `RUN |1 VARIANT=pr /bin/sh -c ...`.
    s = s.replace(/^RUN \|\d+(\s+\S+=\S*)*\s+/, 'RUN ');
    s = s.replace(/^\/bin\/sh -c #\(nop\)\s+/, '');
    s = s.replace(/^\/bin\/sh -c\s+/, 'RUN ');
    s = s.replace(/\b(file|dir|multi):[0-9a-f]{64}\b/g, '<content>');
    s = s.replace(/sha256:[0-9a-f]{64}/g, '<digest>');
    return s.replace(/\s+/g, ' ');
}
/** The size report of measured layers; how the compressed sizes were obtained comes with them. */
function sizeReportOf(image, layers) {
    return sizeReport(image, layers, layers[0]?.compressedFrom ?? 'blob');
}
/** Match key of a layer: its instruction; a layer whose history says nothing matches by position. */
function layerKey(l) {
    const k = instructionKey(l.instruction);
    return k ? k : `#${l.index}`;
}
function percent(now, base) {
    return base === 0 ? null : ((now - base) / base) * 100;
}
/** Delta of `current` against `base`, layers matched by instruction (in order for repeats). */
function sizeDelta(current, base, baseline) {
    const pool = new Map();
    for (const l of base.layers) {
        const k = layerKey(l);
        pool.set(k, [...(pool.get(k) ?? []), l]);
    }
    const layers = [];
    for (const l of current.layers) {
        const k = layerKey(l);
        const match = pool.get(k)?.shift();
        const baseBytes = match?.bytes ?? 0;
        layers.push({
            instruction: l.instruction,
            line: l.line,
            bytes: l.bytes,
            baseBytes,
            delta: l.bytes - baseBytes,
            status: !match ? 'added' : l.bytes === baseBytes ? 'same' : 'changed'
        });
    }
    for (const rest of pool.values()) {
        for (const l of rest) {
            layers.push({ instruction: l.instruction, line: undefined, bytes: 0, baseBytes: l.bytes, delta: -l.bytes, status: 'removed' });
        }
    }
    return {
        baseline,
        baseBytes: base.bytes,
        bytes: current.bytes,
        percent: percent(current.bytes, base.bytes),
        baseCompressedBytes: base.compressedBytes,
        compressedBytes: current.compressedBytes,
        compressedPercent: percent(current.compressedBytes, base.compressedBytes),
        layers
    };
}


/***/ }),

/***/ 6252:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   CW: () => (/* binding */ formatDelta),
/* harmony export */   DB: () => (/* binding */ parseSize),
/* harmony export */   KW: () => (/* binding */ parseIncrease),
/* harmony export */   l9: () => (/* binding */ formatPercent),
/* harmony export */   z3: () => (/* binding */ formatBytes)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2174);
/** Byte sizes: parsing budgets (`250MB`, `1.2GiB`, `10%`) and printing sizes (pure). */

const UNITS = {
    b: 1,
    k: 1e3,
    kb: 1e3,
    m: 1e6,
    mb: 1e6,
    g: 1e9,
    gb: 1e9,
    t: 1e12,
    tb: 1e12,
    kib: 1024,
    mib: 1024 ** 2,
    gib: 1024 ** 3,
    tib: 1024 ** 4
};
/** `250MB` → 250000000, `1.2GiB` → 1288490188, `1024` → 1024. Throws InputError naming `input`. */
function parseSize(input, value) {
    const m = value.trim().match(/^(\d+(?:\.\d+)?)\s*([a-zA-Z]*)$/);
    const unit = m ? (m[2] || 'b').toLowerCase() : '';
    // Own keys only (`5constructor` is no unit); a number too large for a double is no size.
    const bytes = m && Object.hasOwn(UNITS, unit) ? Math.round(Number(m[1]) * UNITS[unit]) : NaN;
    if (!Number.isFinite(bytes)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `expected a size such as 250MB, 1.2GiB or 900kB, got "${value}"`);
    }
    return bytes;
}
/** `10%` or a size (`20MB`). */
function parseIncrease(input, value) {
    const v = value.trim();
    const pct = v.match(/^(\d+(?:\.\d+)?)\s*%$/);
    if (pct && Number.isFinite(Number(pct[1])))
        return { kind: 'percent', value: Number(pct[1]) };
    try {
        return { kind: 'bytes', value: parseSize(input, v) };
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `expected a percentage such as 10% or a size such as 20MB, got "${value}"`);
    }
}
/** Human size with binary-free decimal units as registries and `docker images` print them. */
function formatBytes(n) {
    const abs = Math.abs(n);
    const sign = n < 0 ? '-' : '';
    if (abs < 1000)
        return `${sign}${abs} B`;
    const units = ['kB', 'MB', 'GB', 'TB'];
    let v = abs;
    let i = -1;
    do {
        v /= 1000;
        i++;
    } while (v >= 1000 && i < units.length - 1);
    return `${sign}${v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2)} ${units[i]}`;
}
/** `+1.20 MB` / `-300 B` / `±0 B`. */
function formatDelta(n) {
    if (n === 0)
        return '±0 B';
    return n > 0 ? `+${formatBytes(n)}` : formatBytes(n);
}
/** `+4.2%`, `-0.1%`, or `n/a` when there is no base to compare with. */
function formatPercent(p) {
    if (p === null || !Number.isFinite(p))
        return 'n/a';
    if (p === 0)
        return '±0%';
    return `${p > 0 ? '+' : ''}${p.toFixed(Math.abs(p) < 1 ? 2 : 1)}%`;
}


/***/ }),

/***/ 1005:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  rL: () => (/* binding */ actionsCacheAvailable),
  zp: () => (/* binding */ chooseStore),
  Vs: () => (/* binding */ keyPart)
});

// UNUSED EXPORTS: STAGING_ROOT

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
var external_node_fs_default = /*#__PURE__*/__nccwpck_require__.n(external_node_fs_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(2174);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
;// CONCATENATED MODULE: ./src/store/local-store.ts
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
        external_node_fs_default().mkdirSync(destDir, { recursive: true });
        this.copyTree(external_node_path_default().join(this.dir, encodeKey(hit.key)), destDir);
        return { key: hit.key, exact: hit.key === key };
    }
    async save(key, srcDir) {
        const final = external_node_path_default().join(this.dir, encodeKey(key));
        if (external_node_fs_default().existsSync(final))
            return false; // entries are immutable, as in the Actions cache
        external_node_fs_default().mkdirSync(this.dir, { recursive: true });
        const tmp = external_node_path_default().join(this.dir, `${TMP_PREFIX}${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`);
        try {
            external_node_fs_default().mkdirSync(tmp);
            this.copyTree(srcDir, tmp);
            const meta = { key, createdMs: Date.now() };
            external_node_fs_default().writeFileSync(external_node_path_default().join(tmp, META), JSON.stringify(meta));
            try {
                external_node_fs_default().renameSync(tmp, final);
            }
            catch (e) {
                // Another job renamed the same key into place first: theirs stands.
                if (external_node_fs_default().existsSync(final))
                    return false;
                throw e;
            }
            return true;
        }
        finally {
            external_node_fs_default().rmSync(tmp, { recursive: true, force: true });
        }
    }
    /**
     * Delete all but the `keep` newest entries whose key starts with `prefix` (the entries of one
     * cache mount pile up as its contents change). Returns the keys removed. Never throws.
     */
    async prune(prefix, keep) {
        const old = this.entries()
            .filter(e => e.key.startsWith(prefix))
            .sort(newestFirst)
            .slice(keep);
        for (const e of old)
            external_node_fs_default().rmSync(external_node_path_default().join(this.dir, encodeKey(e.key)), { recursive: true, force: true });
        return old.map(e => e.key);
    }
    /** Copy one file; hard link when possible. Overridable so tests can make a save fail half way. */
    copyFile(src, dest) {
        try {
            external_node_fs_default().linkSync(src, dest);
        }
        catch {
            external_node_fs_default().copyFileSync(src, dest, (external_node_fs_default()).constants.COPYFILE_FICLONE);
        }
    }
    copyTree(src, dest) {
        for (const d of external_node_fs_default().readdirSync(src, { withFileTypes: true })) {
            if (d.name === META)
                continue;
            const s = external_node_path_default().join(src, d.name);
            const t = external_node_path_default().join(dest, d.name);
            if (d.isDirectory()) {
                external_node_fs_default().mkdirSync(t, { recursive: true });
                this.copyTree(s, t);
            }
            else if (d.isSymbolicLink()) {
                external_node_fs_default().symlinkSync(external_node_fs_default().readlinkSync(s), t);
            }
            else if (d.isFile()) {
                this.copyFile(s, t);
            }
        }
    }
    entries() {
        let names;
        try {
            names = external_node_fs_default().readdirSync(this.dir);
        }
        catch {
            return [];
        }
        const out = [];
        for (const n of names) {
            if (n.startsWith(TMP_PREFIX) || n.startsWith('.'))
                continue;
            try {
                const meta = JSON.parse(external_node_fs_default().readFileSync(external_node_path_default().join(this.dir, n, META), 'utf8'));
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

;// CONCATENATED MODULE: ./src/store/store.ts
/**
 * The persistent store behind cache mounts (and any other small artefact that must outlive a
 * job): an interface with two implementations, the Actions cache on GitHub and a local directory
 * for self-hosted runners and tests. Keys follow the Actions cache rules so both behave alike.
 */




/** A free-form name (a report key, a branch) made safe to embed in a store key or a file name. */
function keyPart(s) {
    return s.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 120);
}
/**
 * The store to use. `cacheDir` given → a directory store there, after checking it can be
 * written (an InputError naming `cache-dir` otherwise). Else on GitHub Actions, when the cache
 * service is reachable (ACTIONS_RUNTIME_TOKEN plus ACTIONS_RESULTS_URL or ACTIONS_CACHE_URL) → the
 * store `actionsCache` makes: the entry file injects it, so only the action's bundle carries
 * @actions/cache and the Azure SDK (the CLI passes none). Else undefined: cache mounts then live
 * only as long as the builder does.
 */
function chooseStore(opts) {
    const env = opts.env ?? process.env;
    const dir = opts.cacheDir?.trim();
    if (dir) {
        const abs = external_node_path_default().resolve(opts.cwd ?? process.cwd(), dir);
        checkWritable(abs, dir);
        return new LocalDirStore(abs);
    }
    if (opts.actionsCache && actionsCacheAvailable(env))
        return opts.actionsCache();
    return undefined;
}
/** Where Actions cache entries are staged: one fixed string on every runner (see ActionsCacheStore). */
const STAGING_ROOT = '~/.stagecraft-cache-staging';
/** True when the job can reach the GitHub Actions cache service (v1 or v2). */
function actionsCacheAvailable(env) {
    if (!env.ACTIONS_RUNTIME_TOKEN)
        return false;
    return Boolean(env.ACTIONS_RESULTS_URL || env.ACTIONS_CACHE_URL);
}
/** Create `abs` if needed and prove a file can be written and renamed there. */
function checkWritable(abs, given) {
    const probe = external_node_path_default().join(abs, `.stagecraft-probe-${process.pid}-${Date.now()}`);
    try {
        // Check the nearest existing ancestor first: Node's recursive mkdir can spin forever on
        // pseudo file systems such as /proc instead of failing.
        let existing = abs;
        while (!external_node_fs_default().existsSync(existing))
            existing = external_node_path_default().dirname(existing);
        if (!external_node_fs_default().statSync(existing).isDirectory())
            throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
        external_node_fs_default().accessSync(existing, (external_node_fs_default()).constants.W_OK);
        if (existing !== abs && external_node_fs_default().statfsSync(existing).type === 0x9fa0)
            throw Object.assign(new Error('procfs'), { code: 'EACCES' });
        external_node_fs_default().mkdirSync(abs, { recursive: true });
        external_node_fs_default().writeFileSync(probe, 'ok');
        external_node_fs_default().renameSync(probe, `${probe}.renamed`);
        external_node_fs_default().rmSync(`${probe}.renamed`, { force: true });
    }
    catch (e) {
        try {
            external_node_fs_default().rmSync(probe, { force: true });
        }
        catch {
            // the directory itself is the problem
        }
        const code = e.code;
        throw new errors/* InputError */.dz('cache-dir', `cannot write to "${given}" (${code ?? (0,errors/* errorMessage */.gJ)(e)}); give a writable directory or leave cache-dir empty`);
    }
}


/***/ }),

/***/ 6219:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  x: () => (/* binding */ VERSION)
});

;// CONCATENATED MODULE: ./package.json
const package_namespaceObject = {"rE":"0.1.0"};
;// CONCATENATED MODULE: ./src/version.ts
/** Stagecraft's version: package.json's, the one source (the CLI's `version`, SARIF's tool version). */

const VERSION = package_namespaceObject.rE;


/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 3170:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const { valid, clean, explain, parse } = __nccwpck_require__(5570);

const { lt, le, eq, ne, ge, gt, compare, rcompare } = __nccwpck_require__(1612);

const {
  filter,
  maxSatisfying,
  minSatisfying,
  RANGE_PATTERN,
  satisfies,
  validRange,
} = __nccwpck_require__(3686);

const { major, minor, patch, inc } = __nccwpck_require__(252);

module.exports = {
  // version
  valid,
  clean,
  explain,
  parse,

  // operator
  lt,
  le,
  lte: le,
  eq,
  ne,
  neq: ne,
  ge,
  gte: ge,
  gt,
  compare,
  rcompare,

  // range
  filter,
  maxSatisfying,
  minSatisfying,
  RANGE_PATTERN,
  satisfies,
  validRange,

  // semantic
  major,
  minor,
  patch,
  inc,
};


/***/ }),

/***/ 1612:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const { parse } = __nccwpck_require__(5570);

module.exports = {
  compare,
  rcompare,
  lt,
  le,
  eq,
  ne,
  ge,
  gt,
  '<': lt,
  '<=': le,
  '==': eq,
  '!=': ne,
  '>=': ge,
  '>': gt,
  '===': arbitrary,
};

function lt(version, other) {
  return compare(version, other) < 0;
}

function le(version, other) {
  return compare(version, other) <= 0;
}

function eq(version, other) {
  return compare(version, other) === 0;
}

function ne(version, other) {
  return compare(version, other) !== 0;
}

function ge(version, other) {
  return compare(version, other) >= 0;
}

function gt(version, other) {
  return compare(version, other) > 0;
}

function arbitrary(version, other) {
  return version.toLowerCase() === other.toLowerCase();
}

function compare(version, other) {
  const parsedVersion = parse(version);
  const parsedOther = parse(other);

  const keyVersion = calculateKey(parsedVersion);
  const keyOther = calculateKey(parsedOther);

  return pyCompare(keyVersion, keyOther);
}

function rcompare(version, other) {
  return -compare(version, other);
}

// this logic is buitin in python, but we need to port it to js
// see https://stackoverflow.com/a/5292332/1438522
function pyCompare(elemIn, otherIn) {
  let elem = elemIn;
  let other = otherIn;
  if (elem === other) {
    return 0;
  }
  if (Array.isArray(elem) !== Array.isArray(other)) {
    elem = Array.isArray(elem) ? elem : [elem];
    other = Array.isArray(other) ? other : [other];
  }
  if (Array.isArray(elem)) {
    const len = Math.min(elem.length, other.length);
    for (let i = 0; i < len; i += 1) {
      const res = pyCompare(elem[i], other[i]);
      if (res !== 0) {
        return res;
      }
    }
    return elem.length - other.length;
  }
  if (elem === -Infinity || other === Infinity) {
    return -1;
  }
  if (elem === Infinity || other === -Infinity) {
    return 1;
  }
  return elem < other ? -1 : 1;
}

function calculateKey(input) {
  const { epoch } = input;
  let { release, pre, post, local, dev } = input;
  // When we compare a release version, we want to compare it with all of the
  // trailing zeros removed. So we'll use a reverse the list, drop all the now
  // leading zeros until we come to something non zero, then take the rest
  // re-reverse it back into the correct order and make it a tuple and use
  // that for our sorting key.
  release = release.concat();
  release.reverse();
  while (release.length && release[0] === 0) {
    release.shift();
  }
  release.reverse();

  // We need to "trick" the sorting algorithm to put 1.0.dev0 before 1.0a0.
  // We'll do this by abusing the pre segment, but we _only_ want to do this
  // if there is !a pre or a post segment. If we have one of those then
  // the normal sorting rules will handle this case correctly.
  if (!pre && !post && dev) pre = -Infinity;
  // Versions without a pre-release (except as noted above) should sort after
  // those with one.
  else if (!pre) pre = Infinity;

  // Versions without a post segment should sort before those with one.
  if (!post) post = -Infinity;

  // Versions without a development segment should sort after those with one.
  if (!dev) dev = Infinity;

  if (!local) {
    // Versions without a local segment should sort before those with one.
    local = -Infinity;
  } else {
    // Versions with a local segment need that segment parsed to implement
    // the sorting rules in PEP440.
    // - Alpha numeric segments sort before numeric segments
    // - Alpha numeric segments sort lexicographically
    // - Numeric segments sort numerically
    // - Shorter versions sort before longer versions when the prefixes
    //   match exactly
    local = local.map((i) =>
      Number.isNaN(Number(i)) ? [-Infinity, i] : [Number(i), ''],
    );
  }

  return [epoch, release, pre, post, dev, local];
}


/***/ }),

/***/ 252:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const { explain, parse, stringify } = __nccwpck_require__(5570);

// those notation are borrowed from semver
module.exports = {
  major,
  minor,
  patch,
  inc,
};

function major(input) {
  const version = explain(input);
  if (!version) {
    throw new TypeError('Invalid Version: ' + input);
  }
  return version.release[0];
}

function minor(input) {
  const version = explain(input);
  if (!version) {
    throw new TypeError('Invalid Version: ' + input);
  }
  if (version.release.length < 2) {
    return 0;
  }
  return version.release[1];
}

function patch(input) {
  const version = explain(input);
  if (!version) {
    throw new TypeError('Invalid Version: ' + input);
  }
  if (version.release.length < 3) {
    return 0;
  }
  return version.release[2];
}

function inc(input, release, preReleaseIdentifier) {
  let identifier = preReleaseIdentifier || `a`;
  const version = parse(input);

  if (!version) {
    return null;
  }

  if (
    !['a', 'b', 'c', 'rc', 'alpha', 'beta', 'pre', 'preview'].includes(
      identifier,
    )
  ) {
    return null;
  }

  switch (release) {
    case 'premajor':
      {
        const [majorVersion] = version.release;
        version.release.fill(0);
        version.release[0] = majorVersion + 1;
      }
      version.pre = [identifier, 0];
      delete version.post;
      delete version.dev;
      delete version.local;
      break;
    case 'preminor':
      {
        const [majorVersion, minorVersion = 0] = version.release;
        version.release.fill(0);
        version.release[0] = majorVersion;
        version.release[1] = minorVersion + 1;
      }
      version.pre = [identifier, 0];
      delete version.post;
      delete version.dev;
      delete version.local;
      break;
    case 'prepatch':
      {
        const [majorVersion, minorVersion = 0, patchVersion = 0] =
          version.release;
        version.release.fill(0);
        version.release[0] = majorVersion;
        version.release[1] = minorVersion;
        version.release[2] = patchVersion + 1;
      }
      version.pre = [identifier, 0];
      delete version.post;
      delete version.dev;
      delete version.local;
      break;
    case 'prerelease':
      if (version.pre === null) {
        const [majorVersion, minorVersion = 0, patchVersion = 0] =
          version.release;
        version.release.fill(0);
        version.release[0] = majorVersion;
        version.release[1] = minorVersion;
        version.release[2] = patchVersion + 1;
        version.pre = [identifier, 0];
      } else {
        if (preReleaseIdentifier === undefined && version.pre !== null) {
          [identifier] = version.pre;
        }

        const [letter, number] = version.pre;
        if (letter === identifier) {
          version.pre = [letter, number + 1];
        } else {
          version.pre = [identifier, 0];
        }
      }

      delete version.post;
      delete version.dev;
      delete version.local;
      break;
    case 'major':
      if (
        version.release.slice(1).some((value) => value !== 0) ||
        version.pre === null
      ) {
        const [majorVersion] = version.release;
        version.release.fill(0);
        version.release[0] = majorVersion + 1;
      }
      delete version.pre;
      delete version.post;
      delete version.dev;
      delete version.local;
      break;
    case 'minor':
      if (
        version.release.slice(2).some((value) => value !== 0) ||
        version.pre === null
      ) {
        const [majorVersion, minorVersion = 0] = version.release;
        version.release.fill(0);
        version.release[0] = majorVersion;
        version.release[1] = minorVersion + 1;
      }
      delete version.pre;
      delete version.post;
      delete version.dev;
      delete version.local;
      break;
    case 'patch':
      if (
        version.release.slice(3).some((value) => value !== 0) ||
        version.pre === null
      ) {
        const [majorVersion, minorVersion = 0, patchVersion = 0] =
          version.release;
        version.release.fill(0);
        version.release[0] = majorVersion;
        version.release[1] = minorVersion;
        version.release[2] = patchVersion + 1;
      }
      delete version.pre;
      delete version.post;
      delete version.dev;
      delete version.local;
      break;
    default:
      return null;
  }

  return stringify(version);
}


/***/ }),

/***/ 3686:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

// This file is dual licensed under the terms of the Apache License, Version
// 2.0, and the BSD License. See the LICENSE file in the root of this repository
// for complete details.

const { VERSION_PATTERN, explain: explainVersion } = __nccwpck_require__(5570);

const Operator = __nccwpck_require__(1612);

const RANGE_PATTERN = [
  '(?<operator>(===|~=|==|!=|<=|>=|<|>))',
  '\\s*',
  '(',
  /*  */ '(?<version>(?:' + VERSION_PATTERN.replace(/\?<\w+>/g, '?:') + '))',
  /*  */ '(?<prefix>\\.\\*)?',
  /*  */ '|',
  /*  */ '(?<legacy>[^,;\\s)]+)',
  ')',
].join('');

module.exports = {
  RANGE_PATTERN,
  parse,
  satisfies,
  filter,
  validRange,
  maxSatisfying,
  minSatisfying,
};

const isEqualityOperator = (op) => ['==', '!=', '==='].includes(op);

const rangeRegex = new RegExp('^' + RANGE_PATTERN + '$', 'i');

function parse(ranges) {
  if (!ranges.trim()) {
    return [];
  }

  const specifiers = ranges
    .split(',')
    .map((range) => rangeRegex.exec(range.trim()) || {})
    .map(({ groups }) => {
      if (!groups) {
        return null;
      }

      let { ...spec } = groups;
      const { operator, version, prefix, legacy } = groups;

      if (version) {
        spec = { ...spec, ...explainVersion(version) };
        if (operator === '~=') {
          if (spec.release.length < 2) {
            return null;
          }
        }
        if (!isEqualityOperator(operator) && spec.local) {
          return null;
        }

        if (prefix) {
          if (!isEqualityOperator(operator) || spec.dev || spec.local) {
            return null;
          }
        }
      }
      if (legacy && operator !== '===') {
        return null;
      }

      return spec;
    });

  if (specifiers.filter(Boolean).length !== specifiers.length) {
    return null;
  }

  return specifiers;
}

function filter(versions, specifier, options = {}) {
  const filtered = pick(versions, specifier, options);
  if (filtered.length === 0 && options.prereleases === undefined) {
    return pick(versions, specifier, { prereleases: true });
  }
  return filtered;
}

function maxSatisfying(versions, range, options) {
  const found = filter(versions, range, options).sort(Operator.compare);
  return found.length === 0 ? null : found[found.length - 1];
}

function minSatisfying(versions, range, options) {
  const found = filter(versions, range, options).sort(Operator.compare);
  return found.length === 0 ? null : found[0];
}

function pick(versions, specifier, options) {
  const parsed = parse(specifier);

  if (!parsed) {
    return [];
  }

  return versions.filter((version) => {
    const explained = explainVersion(version);

    if (!parsed.length) {
      return explained && !(explained.is_prerelease && !options.prereleases);
    }

    return parsed.reduce((pass, spec) => {
      if (!pass) {
        return false;
      }
      return contains({ ...spec, ...options }, { version, explained });
    }, true);
  });
}

function satisfies(version, specifier, options = {}) {
  const filtered = pick([version], specifier, options);

  return filtered.length === 1;
}

function arrayStartsWith(array, prefix) {
  if (prefix.length > array.length) {
    return false;
  }

  for (let i = 0; i < prefix.length; i += 1) {
    if (prefix[i] !== array[i]) {
      return false;
    }
  }

  return true;
}

function contains(specifier, input) {
  const { explained } = input;
  let { version } = input;
  const { ...spec } = specifier;

  if (spec.prereleases === undefined) {
    spec.prereleases = spec.is_prerelease;
  }

  if (explained && explained.is_prerelease && !spec.prereleases) {
    return false;
  }

  if (spec.operator === '~=') {
    let compatiblePrefix = spec.release.slice(0, -1).concat('*').join('.');
    if (spec.epoch) {
      compatiblePrefix = spec.epoch + '!' + compatiblePrefix;
    }
    return satisfies(version, `>=${spec.version}, ==${compatiblePrefix}`, {
      prereleases: spec.prereleases,
    });
  }

  if (spec.prefix) {
    const isMatching =
      explained.epoch === spec.epoch &&
      arrayStartsWith(explained.release, spec.release);
    const isEquality = spec.operator !== '!=';
    return isEquality ? isMatching : !isMatching;
  }

  if (explained)
    if (explained.local && spec.version) {
      version = explained.public;
      spec.version = explainVersion(spec.version).public;
    }

  if (spec.operator === '<' || spec.operator === '>') {
    // simplified version of https://www.python.org/dev/peps/pep-0440/#exclusive-ordered-comparison
    if (Operator.eq(spec.release.join('.'), explained.release.join('.'))) {
      return false;
    }
  }

  const op = Operator[spec.operator];
  return op(version, spec.version || spec.legacy);
}

function validRange(specifier) {
  return Boolean(parse(specifier));
}


/***/ }),

/***/ 5570:
/***/ ((module) => {

const VERSION_PATTERN = [
  'v?',
  '(?:',
  /* */ '(?:(?<epoch>[0-9]+)!)?', // epoch
  /* */ '(?<release>[0-9]+(?:\\.[0-9]+)*)', // release segment
  /* */ '(?<pre>', // pre-release
  /*    */ '[-_\\.]?',
  /*    */ '(?<pre_l>(a|b|c|rc|alpha|beta|pre|preview))',
  /*    */ '[-_\\.]?',
  /*    */ '(?<pre_n>[0-9]+)?',
  /* */ ')?',
  /* */ '(?<post>', // post release
  /*    */ '(?:-(?<post_n1>[0-9]+))',
  /*    */ '|',
  /*    */ '(?:',
  /*        */ '[-_\\.]?',
  /*        */ '(?<post_l>post|rev|r)',
  /*        */ '[-_\\.]?',
  /*        */ '(?<post_n2>[0-9]+)?',
  /*    */ ')',
  /* */ ')?',
  /* */ '(?<dev>', // dev release
  /*    */ '[-_\\.]?',
  /*    */ '(?<dev_l>dev)',
  /*    */ '[-_\\.]?',
  /*    */ '(?<dev_n>[0-9]+)?',
  /* */ ')?',
  ')',
  '(?:\\+(?<local>[a-z0-9]+(?:[-_\\.][a-z0-9]+)*))?', // local version
].join('');

module.exports = {
  VERSION_PATTERN,
  valid,
  clean,
  explain,
  parse,
  stringify,
};

const validRegex = new RegExp('^' + VERSION_PATTERN + '$', 'i');

function valid(version) {
  return validRegex.test(version) ? version : null;
}

const cleanRegex = new RegExp('^\\s*' + VERSION_PATTERN + '\\s*$', 'i');
function clean(version) {
  return stringify(parse(version, cleanRegex));
}

function parse(version, regex) {
  // Validate the version and parse it into pieces
  const { groups } = (regex || validRegex).exec(version) || {};
  if (!groups) {
    return null;
  }

  // Store the parsed out pieces of the version
  const parsed = {
    epoch: Number(groups.epoch ? groups.epoch : 0),
    release: groups.release.split('.').map(Number),
    pre: normalize_letter_version(groups.pre_l, groups.pre_n),
    post: normalize_letter_version(
      groups.post_l,
      groups.post_n1 || groups.post_n2,
    ),
    dev: normalize_letter_version(groups.dev_l, groups.dev_n),
    local: parse_local_version(groups.local),
  };

  return parsed;
}

function stringify(parsed) {
  if (!parsed) {
    return null;
  }
  const { epoch, release, pre, post, dev, local } = parsed;
  const parts = [];

  // Epoch
  if (epoch !== 0) {
    parts.push(`${epoch}!`);
  }
  // Release segment
  parts.push(release.join('.'));

  // Pre-release
  if (pre) {
    parts.push(pre.join(''));
  }
  // Post-release
  if (post) {
    parts.push('.' + post.join(''));
  }
  // Development release
  if (dev) {
    parts.push('.' + dev.join(''));
  }
  // Local version segment
  if (local) {
    parts.push(`+${local}`);
  }
  return parts.join('');
}

function normalize_letter_version(letterIn, numberIn) {
  let letter = letterIn;
  let number = numberIn;
  if (letter) {
    // We consider there to be an implicit 0 in a pre-release if there is
    // not a numeral associated with it.
    if (!number) {
      number = 0;
    }
    // We normalize any letters to their lower case form
    letter = letter.toLowerCase();

    // We consider some words to be alternate spellings of other words and
    // in those cases we want to normalize the spellings to our preferred
    // spelling.
    if (letter === 'alpha') {
      letter = 'a';
    } else if (letter === 'beta') {
      letter = 'b';
    } else if (['c', 'pre', 'preview'].includes(letter)) {
      letter = 'rc';
    } else if (['rev', 'r'].includes(letter)) {
      letter = 'post';
    }
    return [letter, Number(number)];
  }
  if (!letter && number) {
    // We assume if we are given a number, but we are not given a letter
    // then this is using the implicit post release syntax (e.g. 1.0-1)
    letter = 'post';

    return [letter, Number(number)];
  }
  return null;
}

function parse_local_version(local) {
  /*
    Takes a string like abc.1.twelve and turns it into("abc", 1, "twelve").
    */
  if (local) {
    return local
      .split(/[._-]/)
      .map((part) =>
        Number.isNaN(Number(part)) ? part.toLowerCase() : Number(part),
      );
  }
  return null;
}

function explain(version) {
  const parsed = parse(version);
  if (!parsed) {
    return parsed;
  }
  const { epoch, release, pre, post, dev, local } = parsed;

  let base_version = '';
  if (epoch !== 0) {
    base_version += epoch + '!';
  }
  base_version += release.join('.');

  const is_prerelease = Boolean(dev || pre);
  const is_devrelease = Boolean(dev);
  const is_postrelease = Boolean(post);

  // return

  return {
    epoch,
    release,
    pre,
    post: post ? post[1] : post,
    dev: dev ? dev[1] : dev,
    local: local ? local.join('.') : local,
    public: stringify(parsed).split('+', 1)[0],
    base_version,
    is_prerelease,
    is_devrelease,
    is_postrelease,
  };
}


/***/ }),

/***/ 8471:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  qg: () => (/* binding */ parse)
});

// UNUSED EXPORTS: CsvError, normalize_options

;// CONCATENATED MODULE: ../main/node_modules/csv-parse/lib/api/CsvError.js
class CsvError extends Error {
  constructor(code, message, options, ...contexts) {
    if (Array.isArray(message)) message = message.join(" ").trim();
    super(message);
    if (Error.captureStackTrace !== undefined) {
      Error.captureStackTrace(this, CsvError);
    }
    this.code = code;
    for (const context of contexts) {
      for (const key in context) {
        const value = context[key];
        this[key] = Buffer.isBuffer(value)
          ? value.toString(options.encoding)
          : value == null
            ? value
            : JSON.parse(JSON.stringify(value));
      }
    }
  }
}



;// CONCATENATED MODULE: ../main/node_modules/csv-parse/lib/utils/is_object.js
const is_object = function (obj) {
  return typeof obj === "object" && obj !== null && !Array.isArray(obj);
};



;// CONCATENATED MODULE: ../main/node_modules/csv-parse/lib/api/normalize_columns_array.js



const normalize_columns_array = function (columns) {
  const normalizedColumns = [];
  for (let i = 0, l = columns.length; i < l; i++) {
    const column = columns[i];
    if (column === undefined || column === null || column === false) {
      normalizedColumns[i] = { disabled: true };
    } else if (typeof column === "string" || typeof column === "number") {
      normalizedColumns[i] = { name: `${column}` };
    } else if (is_object(column)) {
      if (typeof column.name !== "string") {
        throw new CsvError("CSV_OPTION_COLUMNS_MISSING_NAME", [
          "Option columns missing name:",
          `property "name" is required at position ${i}`,
          "when column is an object literal",
        ]);
      }
      normalizedColumns[i] = column;
    } else {
      throw new CsvError("CSV_INVALID_COLUMN_DEFINITION", [
        "Invalid column definition:",
        "expect a string or a literal object,",
        `got ${JSON.stringify(column)} at position ${i}`,
      ]);
    }
  }
  return normalizedColumns;
};



;// CONCATENATED MODULE: ../main/node_modules/csv-parse/lib/utils/ResizeableBuffer.js
class ResizeableBuffer {
  constructor(size = 100) {
    this.size = size;
    this.length = 0;
    this.buf = Buffer.allocUnsafe(size);
  }
  prepend(val) {
    if (Buffer.isBuffer(val)) {
      const length = this.length + val.length;
      if (length >= this.size) {
        this.resize();
        if (length >= this.size) {
          throw Error("INVALID_BUFFER_STATE");
        }
      }
      const buf = this.buf;
      this.buf = Buffer.allocUnsafe(this.size);
      val.copy(this.buf, 0);
      buf.copy(this.buf, val.length);
      this.length += val.length;
    } else {
      const length = this.length++;
      if (length === this.size) {
        this.resize();
      }
      const buf = this.clone();
      this.buf[0] = val;
      buf.copy(this.buf, 1, 0, length);
    }
  }
  append(val) {
    const length = this.length++;
    if (length === this.size) {
      this.resize();
    }
    this.buf[length] = val;
  }
  clone() {
    return Buffer.from(this.buf.slice(0, this.length));
  }
  resize() {
    const length = this.length;
    this.size = this.size * 2;
    const buf = Buffer.allocUnsafe(this.size);
    this.buf.copy(buf, 0, 0, length);
    this.buf = buf;
  }
  toString(encoding) {
    if (encoding) {
      return this.buf.toString(encoding, 0, this.length);
    } else {
      return Uint8Array.prototype.slice.call(this.buf.slice(0, this.length));
    }
  }
  toJSON() {
    return this.toString("utf8");
  }
  reset() {
    this.length = 0;
  }
}

/* harmony default export */ const utils_ResizeableBuffer = (ResizeableBuffer);

;// CONCATENATED MODULE: ../main/node_modules/csv-parse/lib/api/init_state.js


const init_state = function (options) {
  // ECMAScript WhiteSpace + LineTerminator codepoints, encoded under
  // `options.encoding`. Aligns trimming with `String.prototype.trim()`.
  // https://tc39.es/ecma262/#sec-white-space
  // https://tc39.es/ecma262/#sec-line-terminators
  //
  // Codepoints unrepresentable in the target encoding are dropped: Node's
  // Buffer substitutes them with `?` (0x3F), and including those would cause
  // literal `?` bytes in the input to be trimmed under `latin1`/`ascii`.
  const timchars = [
    // Basic Latin
    0x0020, // [Space](https://www.fileformat.info/info/unicode/char/0020/index.htm)
    0x0009, // [CHARACTER TABULATION (HT)](https://www.fileformat.info/info/unicode/char/0009/index.htm)
    0x000a, // [LINE FEED (LF)](https://www.fileformat.info/info/unicode/char/000a/index.htm)
    0x000d, // [CARRIAGE RETURN (CR)](https://www.fileformat.info/info/unicode/char/000d/index.htm)
    0x000c, // [FORM FEED (FF)](https://www.fileformat.info/info/unicode/char/000c/index.htm)
    0x000b, // [LINE TABULATION (VT)](https://www.fileformat.info/info/unicode/char/000b/index.htm)
    // Latin-1 Supplement
    0x00a0, // [NO-BREAK SPACE (NBSP)](https://www.fileformat.info/info/unicode/char/00a0/index.htm)
    // Ogham
    0x1680, // [OGHAM SPACE MARK](https://www.fileformat.info/info/unicode/char/1680/index.htm)
    // General Punctuation
    0x2000, // [EN QUAD](https://www.fileformat.info/info/unicode/char/2000/index.htm)
    0x2001, // [EM QUAD](https://www.fileformat.info/info/unicode/char/2001/index.htm)
    0x2002, // [EN SPACE](https://www.fileformat.info/info/unicode/char/2002/index.htm)
    0x2003, // [EM SPACE](https://www.fileformat.info/info/unicode/char/2003/index.htm)
    0x2004, // [THREE-PER-EM SPACE](https://www.fileformat.info/info/unicode/char/2004/index.htm)
    0x2005, // [FOUR-PER-EM SPACE](https://www.fileformat.info/info/unicode/char/2005/index.htm)
    0x2006, // [SIX-PER-EM SPACE](https://www.fileformat.info/info/unicode/char/2006/index.htm)
    0x2007, // [FIGURE SPACE](https://www.fileformat.info/info/unicode/char/2007/index.htm)
    0x2008, // [PUNCTUATION SPACE](https://www.fileformat.info/info/unicode/char/2008/index.htm)
    0x2009, // [THIN SPACE](https://www.fileformat.info/info/unicode/char/2009/index.htm)
    0x200a, // [HAIR SPACE](https://www.fileformat.info/info/unicode/char/200a/index.htm)
    0x2028, // [LINE SEPARATOR](https://www.fileformat.info/info/unicode/char/2028/index.htm)
    0x2029, // [PARAGRAPH SEPARATOR](https://www.fileformat.info/info/unicode/char/2029/index.htm)
    0x202f, // [NARROW NO-BREAK SPACE (NNBSP)](https://www.fileformat.info/info/unicode/char/202f/index.htm)
    0x205f, // [MEDIUM MATHEMATICAL SPACE (MMSP)](https://www.fileformat.info/info/unicode/char/205f/index.htm)
    0x3000, // [IDEOGRAPHIC SPACE](https://www.fileformat.info/info/unicode/char/3000/index.htm)
    0xfeff, // [ZERO WIDTH NO-BREAK SPACE (BOM)](https://www.fileformat.info/info/unicode/char/feff/index.htm)
  ].reduce((acc, codepoint) => {
    const encoded = Buffer.from(
      String.fromCharCode(codepoint),
      options.encoding,
    );
    if (codepoint !== 0x3f && encoded.length === 1 && encoded[0] === 0x3f) {
      return acc;
    }
    acc.push(encoded);
    return acc;
  }, []);
  // First-byte lookup table for `__isCharTrimable`. Non-whitespace bytes
  // (the common case) bail out in O(1) without scanning every timchar.
  const timcharFirstBytes = new Uint8Array(256);
  for (const t of timchars) timcharFirstBytes[t[0]] = 1;
  return {
    bomSkipped: false,
    bufBytesStart: 0,
    castField: options.cast_function,
    commenting: false,
    delimiterBufPrevious: undefined,
    delimiterDiscovered: false,
    // Current error encountered by a record
    error: undefined,
    enabled: options.from_line === 1,
    escaping: false,
    escapeIsQuote:
      Buffer.isBuffer(options.escape) &&
      Buffer.isBuffer(options.quote) &&
      Buffer.compare(options.escape, options.quote) === 0,
    // columns can be `false`, `true`, `Array`
    expectedRecordLength: Array.isArray(options.columns)
      ? options.columns.length
      : undefined,
    field: new utils_ResizeableBuffer(20),
    firstLineToHeaders: options.cast_first_line_to_header,
    needMoreDataSize: Math.max(
      // Skip if the remaining buffer smaller than comment
      options.comment !== null ? options.comment.length : 0,
      // Skip if the remaining buffer can be delimiter
      ...(options.delimiter
        ? options.delimiter.map((delimiter) => delimiter.length)
        : []),
      // Auto discovery of delimiter is limited to 1 character
      options.delimiter_auto ? 1 : 0,
      // Skip if the remaining buffer can be escape sequence
      options.quote !== null ? options.quote.length : 0,
      // Skip if the remaining buffer can be a multi-byte trim character
      ...timchars.map((t) => t.length),
    ),
    previousBuf: undefined,
    quoting: false,
    stop: false,
    rawBuffer: new utils_ResizeableBuffer(100),
    record: [],
    recordHasError: false,
    record_length: 0,
    recordDelimiterMaxLength:
      options.record_delimiter.length === 0
        ? 0
        : Math.max(...options.record_delimiter.map((v) => v.length)),
    trimChars: [
      Buffer.from(" ", options.encoding)[0],
      Buffer.from("\t", options.encoding)[0],
    ],
    wasQuoting: false,
    wasRowDelimiter: false,
    timchars: timchars,
    timcharFirstBytes: timcharFirstBytes,
  };
};



;// CONCATENATED MODULE: ../main/node_modules/csv-parse/lib/utils/underscore.js
const underscore = function (str) {
  return str.replace(/([A-Z])/g, function (_, match) {
    return "_" + match.toLowerCase();
  });
};



;// CONCATENATED MODULE: ../main/node_modules/csv-parse/lib/api/normalize_options.js





const normalize_options = function (opts) {
  const options = {};
  // Merge with user options
  for (const opt in opts) {
    options[underscore(opt)] = opts[opt];
  }
  // Normalize option `encoding`
  // Note: defined first because other options depends on it
  // to convert chars/strings into buffers.
  if (options.encoding === undefined || options.encoding === true) {
    options.encoding = "utf8";
  } else if (options.encoding === null || options.encoding === false) {
    options.encoding = null;
  } else if (
    typeof options.encoding !== "string" &&
    options.encoding !== null
  ) {
    throw new CsvError(
      "CSV_INVALID_OPTION_ENCODING",
      [
        "Invalid option encoding:",
        "encoding must be a string or null to return a buffer,",
        `got ${JSON.stringify(options.encoding)}`,
      ],
      options,
    );
  }
  // Normalize option `bom`
  if (
    options.bom === undefined ||
    options.bom === null ||
    options.bom === false
  ) {
    options.bom = false;
  } else if (options.bom !== true) {
    throw new CsvError(
      "CSV_INVALID_OPTION_BOM",
      [
        "Invalid option bom:",
        "bom must be true,",
        `got ${JSON.stringify(options.bom)}`,
      ],
      options,
    );
  }
  // Normalize option `cast`
  options.cast_function = null;
  if (
    options.cast === undefined ||
    options.cast === null ||
    options.cast === false ||
    options.cast === ""
  ) {
    options.cast = undefined;
  } else if (typeof options.cast === "function") {
    options.cast_function = options.cast;
    options.cast = true;
  } else if (options.cast !== true) {
    throw new CsvError(
      "CSV_INVALID_OPTION_CAST",
      [
        "Invalid option cast:",
        "cast must be true or a function,",
        `got ${JSON.stringify(options.cast)}`,
      ],
      options,
    );
  }
  // Normalize option `cast_date`
  if (
    options.cast_date === undefined ||
    options.cast_date === null ||
    options.cast_date === false ||
    options.cast_date === ""
  ) {
    options.cast_date = false;
  } else if (options.cast_date === true) {
    options.cast_date = function (value) {
      const date = Date.parse(value);
      return !isNaN(date) ? new Date(date) : value;
    };
  } else if (typeof options.cast_date !== "function") {
    throw new CsvError(
      "CSV_INVALID_OPTION_CAST_DATE",
      [
        "Invalid option cast_date:",
        "cast_date must be true or a function,",
        `got ${JSON.stringify(options.cast_date)}`,
      ],
      options,
    );
  }
  // Normalize option `columns`
  options.cast_first_line_to_header = undefined;
  if (options.columns === true) {
    // Fields in the first line are converted as-is to columns
    options.cast_first_line_to_header = undefined;
  } else if (typeof options.columns === "function") {
    options.cast_first_line_to_header = options.columns;
    options.columns = true;
  } else if (Array.isArray(options.columns)) {
    options.columns = normalize_columns_array(options.columns);
  } else if (
    options.columns === undefined ||
    options.columns === null ||
    options.columns === false
  ) {
    options.columns = false;
  } else {
    throw new CsvError(
      "CSV_INVALID_OPTION_COLUMNS",
      [
        "Invalid option columns:",
        "expect an array, a function or true,",
        `got ${JSON.stringify(options.columns)}`,
      ],
      options,
    );
  }
  // Normalize option `group_columns_by_name`
  if (
    options.group_columns_by_name === undefined ||
    options.group_columns_by_name === null ||
    options.group_columns_by_name === false
  ) {
    options.group_columns_by_name = false;
  } else if (options.group_columns_by_name !== true) {
    throw new CsvError(
      "CSV_INVALID_OPTION_GROUP_COLUMNS_BY_NAME",
      [
        "Invalid option group_columns_by_name:",
        "expect an boolean,",
        `got ${JSON.stringify(options.group_columns_by_name)}`,
      ],
      options,
    );
  } else if (options.columns === false) {
    throw new CsvError(
      "CSV_INVALID_OPTION_GROUP_COLUMNS_BY_NAME",
      [
        "Invalid option group_columns_by_name:",
        "the `columns` mode must be activated.",
      ],
      options,
    );
  }
  // Normalize option `comment`
  if (
    options.comment === undefined ||
    options.comment === null ||
    options.comment === false ||
    options.comment === ""
  ) {
    options.comment = null;
  } else {
    if (typeof options.comment === "string") {
      options.comment = Buffer.from(options.comment, options.encoding);
    }
    if (!Buffer.isBuffer(options.comment)) {
      throw new CsvError(
        "CSV_INVALID_OPTION_COMMENT",
        [
          "Invalid option comment:",
          "comment must be a buffer or a string,",
          `got ${JSON.stringify(options.comment)}`,
        ],
        options,
      );
    }
  }
  // Normalize option `comment_no_infix`
  if (
    options.comment_no_infix === undefined ||
    options.comment_no_infix === null ||
    options.comment_no_infix === false
  ) {
    options.comment_no_infix = false;
  } else if (options.comment_no_infix !== true) {
    throw new CsvError(
      "CSV_INVALID_OPTION_COMMENT",
      [
        "Invalid option comment_no_infix:",
        "value must be a boolean,",
        `got ${JSON.stringify(options.comment_no_infix)}`,
      ],
      options,
    );
  }
  // Normalize option `delimiter_auto`
  if (
    options.delimiter_auto === undefined ||
    options.delimiter_auto === null ||
    options.delimiter_auto === false
  ) {
    options.delimiter_auto = false;
  } else if (options.delimiter_auto === true) {
    options.delimiter_auto = {};
  } else if (!is_object(options.delimiter_auto)) {
    throw new CsvError(
      "CSV_INVALID_OPTION_DELIMITER_AUTO",
      [
        "Invalid option delimiter_auto:",
        "delimiter_auto must be a boolean or a configuration object,",
        `got ${JSON.stringify(options.delimiter_auto)}`,
      ],
      options,
    );
  }
  if (options.delimiter_auto) {
    if (options.delimiter_auto.preferred === undefined)
      options.delimiter_auto.preferred = {
        [",".charCodeAt(0)]: 1.8,
        ["\t".charCodeAt(0)]: 1.8,
        [";".charCodeAt(0)]: 1.6,
        [" ".charCodeAt(0)]: 1.6,
        [":".charCodeAt(0)]: 1.5,
        [".".charCodeAt(0)]: 1.4,
        ["/".charCodeAt(0)]: 1.4,
      };
    else if (!is_object(options.delimiter_auto.preferred)) {
      throw new CsvError(
        "CSV_INVALID_OPTION_DELIMITER_AUTO",
        [
          "Invalid option delimiter_auto:",
          "preferred must be an object,",
          `got ${JSON.stringify(options.delimiter_auto.preferred)}`,
        ],
        options,
      );
    }
    if (options.delimiter_auto.score === undefined)
      options.delimiter_auto.score = (info, options) => {
        return (
          (info.total - info.std) * (options.preferred[info.char_code] || 1)
        );
      };
    else if (typeof options.delimiter_auto.score !== "function") {
      throw new CsvError(
        "CSV_INVALID_OPTION_DELIMITER_AUTO",
        [
          "Invalid option delimiter_auto:",
          "score must be a function,",
          `got ${JSON.stringify(options.delimiter_auto.score)}`,
        ],
        options,
      );
    }
    if (options.delimiter_auto.size === undefined)
      options.delimiter_auto.size = 2048;
    else if (typeof options.delimiter_auto.size !== "number") {
      throw new CsvError(
        "CSV_INVALID_OPTION_DELIMITER_AUTO",
        [
          "Invalid option delimiter_auto:",
          "size must be a number,",
          `got ${JSON.stringify(options.delimiter_auto.size)}`,
        ],
        options,
      );
    }
  }
  // Normalize option `delimiter`
  const delimiter_json = JSON.stringify(options.delimiter);
  if (options.delimiter_auto !== false) {
    options.delimiter = [];
  }
  if (!Array.isArray(options.delimiter)) {
    if (
      options.delimiter === undefined ||
      options.delimiter === null ||
      options.delimiter === false
    ) {
      options.delimiter = Buffer.from(",", options.encoding);
    }
    options.delimiter = [options.delimiter];
  }
  options.delimiter = options.delimiter.map(function (delimiter) {
    if (typeof delimiter === "string") {
      delimiter = Buffer.from(delimiter, options.encoding);
    }
    if (!Buffer.isBuffer(delimiter) || delimiter.length === 0) {
      throw new CsvError(
        "CSV_INVALID_OPTION_DELIMITER",
        [
          "Invalid option delimiter:",
          "delimiter must be a non empty string or buffer or array of string|buffer,",
          `got ${delimiter_json}`,
        ],
        options,
      );
    }
    return delimiter;
  });
  // Normalize option `escape`
  if (options.escape === undefined || options.escape === true) {
    options.escape = Buffer.from('"', options.encoding);
  } else if (typeof options.escape === "string") {
    options.escape = Buffer.from(options.escape, options.encoding);
  } else if (options.escape === null || options.escape === false) {
    options.escape = null;
  }
  if (options.escape !== null) {
    if (!Buffer.isBuffer(options.escape)) {
      throw new Error(
        `Invalid Option: escape must be a buffer, a string or a boolean, got ${JSON.stringify(options.escape)}`,
      );
    }
  }
  // Normalize option `from`
  if (options.from === undefined || options.from === null) {
    options.from = 1;
  } else {
    if (typeof options.from === "string" && /\d+/.test(options.from)) {
      options.from = parseInt(options.from);
    }
    if (Number.isInteger(options.from)) {
      if (options.from < 0) {
        throw new Error(
          `Invalid Option: from must be a positive integer, got ${JSON.stringify(opts.from)}`,
        );
      }
    } else {
      throw new Error(
        `Invalid Option: from must be an integer, got ${JSON.stringify(options.from)}`,
      );
    }
  }
  // Normalize option `from_line`
  if (options.from_line === undefined || options.from_line === null) {
    options.from_line = 1;
  } else {
    if (
      typeof options.from_line === "string" &&
      /\d+/.test(options.from_line)
    ) {
      options.from_line = parseInt(options.from_line);
    }
    if (Number.isInteger(options.from_line)) {
      if (options.from_line <= 0) {
        throw new Error(
          `Invalid Option: from_line must be a positive integer greater than 0, got ${JSON.stringify(opts.from_line)}`,
        );
      }
    } else {
      throw new Error(
        `Invalid Option: from_line must be an integer, got ${JSON.stringify(opts.from_line)}`,
      );
    }
  }
  // Normalize options `ignore_last_delimiters`
  if (
    options.ignore_last_delimiters === undefined ||
    options.ignore_last_delimiters === null
  ) {
    options.ignore_last_delimiters = false;
  } else if (typeof options.ignore_last_delimiters === "number") {
    options.ignore_last_delimiters = Math.floor(options.ignore_last_delimiters);
    if (options.ignore_last_delimiters === 0) {
      options.ignore_last_delimiters = false;
    }
  } else if (typeof options.ignore_last_delimiters !== "boolean") {
    throw new CsvError(
      "CSV_INVALID_OPTION_IGNORE_LAST_DELIMITERS",
      [
        "Invalid option `ignore_last_delimiters`:",
        "the value must be a boolean value or an integer,",
        `got ${JSON.stringify(options.ignore_last_delimiters)}`,
      ],
      options,
    );
  }
  if (options.ignore_last_delimiters === true && options.columns === false) {
    throw new CsvError(
      "CSV_IGNORE_LAST_DELIMITERS_REQUIRES_COLUMNS",
      [
        "The option `ignore_last_delimiters`",
        "requires the activation of the `columns` option",
      ],
      options,
    );
  }
  // Normalize option `info`
  if (
    options.info === undefined ||
    options.info === null ||
    options.info === false
  ) {
    options.info = false;
  } else if (options.info !== true) {
    throw new Error(
      `Invalid Option: info must be true, got ${JSON.stringify(options.info)}`,
    );
  }
  // Normalize option `max_record_size`
  if (
    options.max_record_size === undefined ||
    options.max_record_size === null ||
    options.max_record_size === false
  ) {
    options.max_record_size = 0;
  } else if (
    Number.isInteger(options.max_record_size) &&
    options.max_record_size >= 0
  ) {
    // Great, nothing to do
  } else if (
    typeof options.max_record_size === "string" &&
    /\d+/.test(options.max_record_size)
  ) {
    options.max_record_size = parseInt(options.max_record_size);
  } else {
    throw new Error(
      `Invalid Option: max_record_size must be a positive integer, got ${JSON.stringify(options.max_record_size)}`,
    );
  }
  // Normalize option `objname`
  if (
    options.objname === undefined ||
    options.objname === null ||
    options.objname === false
  ) {
    options.objname = undefined;
  } else if (Buffer.isBuffer(options.objname)) {
    if (options.objname.length === 0) {
      throw new Error(`Invalid Option: objname must be a non empty buffer`);
    }
    if (options.encoding === null) {
      // Don't call `toString`, leave objname as a buffer
    } else {
      options.objname = options.objname.toString(options.encoding);
    }
  } else if (typeof options.objname === "string") {
    if (options.objname.length === 0) {
      throw new Error(`Invalid Option: objname must be a non empty string`);
    }
    // Great, nothing to do
  } else if (typeof options.objname === "number") {
    // if(options.objname.length === 0){
    //   throw new Error(`Invalid Option: objname must be a non empty string`);
    // }
    // Great, nothing to do
  } else {
    throw new Error(
      `Invalid Option: objname must be a string or a buffer, got ${options.objname}`,
    );
  }
  if (options.objname !== undefined) {
    if (typeof options.objname === "number") {
      if (options.columns !== false) {
        throw Error(
          "Invalid Option: objname index cannot be combined with columns or be defined as a field",
        );
      }
    } else {
      // A string or a buffer
      if (options.columns === false) {
        throw Error(
          "Invalid Option: objname field must be combined with columns or be defined as an index",
        );
      }
    }
  }
  // Normalize option `on_record`
  if (options.on_record === undefined || options.on_record === null) {
    options.on_record = undefined;
  } else if (typeof options.on_record !== "function") {
    throw new CsvError(
      "CSV_INVALID_OPTION_ON_RECORD",
      [
        "Invalid option `on_record`:",
        "expect a function,",
        `got ${JSON.stringify(options.on_record)}`,
      ],
      options,
    );
  }
  // Normalize option `on_skip`
  // options.on_skip ??= (err, chunk) => {
  //   this.emit('skip', err, chunk);
  // };
  if (
    options.on_skip !== undefined &&
    options.on_skip !== null &&
    typeof options.on_skip !== "function"
  ) {
    throw new Error(
      `Invalid Option: on_skip must be a function, got ${JSON.stringify(options.on_skip)}`,
    );
  }
  // Normalize option `quote`
  if (
    options.quote === null ||
    options.quote === false ||
    options.quote === ""
  ) {
    options.quote = null;
  } else {
    if (options.quote === undefined || options.quote === true) {
      options.quote = Buffer.from('"', options.encoding);
    } else if (typeof options.quote === "string") {
      options.quote = Buffer.from(options.quote, options.encoding);
    }
    if (!Buffer.isBuffer(options.quote)) {
      throw new Error(
        `Invalid Option: quote must be a buffer or a string, got ${JSON.stringify(options.quote)}`,
      );
    }
  }
  // Normalize option `raw`
  if (
    options.raw === undefined ||
    options.raw === null ||
    options.raw === false
  ) {
    options.raw = false;
  } else if (options.raw !== true) {
    throw new Error(
      `Invalid Option: raw must be true, got ${JSON.stringify(options.raw)}`,
    );
  }
  // Normalize option `record_delimiter`
  if (options.record_delimiter === undefined) {
    options.record_delimiter = [];
  } else if (
    typeof options.record_delimiter === "string" ||
    Buffer.isBuffer(options.record_delimiter)
  ) {
    if (options.record_delimiter.length === 0) {
      throw new CsvError(
        "CSV_INVALID_OPTION_RECORD_DELIMITER",
        [
          "Invalid option `record_delimiter`:",
          "value must be a non empty string or buffer,",
          `got ${JSON.stringify(options.record_delimiter)}`,
        ],
        options,
      );
    }
    options.record_delimiter = [options.record_delimiter];
  } else if (!Array.isArray(options.record_delimiter)) {
    throw new CsvError(
      "CSV_INVALID_OPTION_RECORD_DELIMITER",
      [
        "Invalid option `record_delimiter`:",
        "value must be a string, a buffer or array of string|buffer,",
        `got ${JSON.stringify(options.record_delimiter)}`,
      ],
      options,
    );
  }
  options.record_delimiter = options.record_delimiter.map(function (rd, i) {
    if (typeof rd !== "string" && !Buffer.isBuffer(rd)) {
      throw new CsvError(
        "CSV_INVALID_OPTION_RECORD_DELIMITER",
        [
          "Invalid option `record_delimiter`:",
          "value must be a string, a buffer or array of string|buffer",
          `at index ${i},`,
          `got ${JSON.stringify(rd)}`,
        ],
        options,
      );
    } else if (rd.length === 0) {
      throw new CsvError(
        "CSV_INVALID_OPTION_RECORD_DELIMITER",
        [
          "Invalid option `record_delimiter`:",
          "value must be a non empty string or buffer",
          `at index ${i},`,
          `got ${JSON.stringify(rd)}`,
        ],
        options,
      );
    }
    if (typeof rd === "string") {
      rd = Buffer.from(rd, options.encoding);
    }
    return rd;
  });
  // Normalize option `relax_column_count`
  if (typeof options.relax_column_count === "boolean") {
    // Great, nothing to do
  } else if (
    options.relax_column_count === undefined ||
    options.relax_column_count === null
  ) {
    options.relax_column_count = false;
  } else {
    throw new Error(
      `Invalid Option: relax_column_count must be a boolean, got ${JSON.stringify(options.relax_column_count)}`,
    );
  }
  if (typeof options.relax_column_count_less === "boolean") {
    // Great, nothing to do
  } else if (
    options.relax_column_count_less === undefined ||
    options.relax_column_count_less === null
  ) {
    options.relax_column_count_less = false;
  } else {
    throw new Error(
      `Invalid Option: relax_column_count_less must be a boolean, got ${JSON.stringify(options.relax_column_count_less)}`,
    );
  }
  if (typeof options.relax_column_count_more === "boolean") {
    // Great, nothing to do
  } else if (
    options.relax_column_count_more === undefined ||
    options.relax_column_count_more === null
  ) {
    options.relax_column_count_more = false;
  } else {
    throw new Error(
      `Invalid Option: relax_column_count_more must be a boolean, got ${JSON.stringify(options.relax_column_count_more)}`,
    );
  }
  // Normalize option `relax_quotes`
  if (typeof options.relax_quotes === "boolean") {
    // Great, nothing to do
  } else if (
    options.relax_quotes === undefined ||
    options.relax_quotes === null
  ) {
    options.relax_quotes = false;
  } else {
    throw new Error(
      `Invalid Option: relax_quotes must be a boolean, got ${JSON.stringify(options.relax_quotes)}`,
    );
  }
  // Normalize option `skip_empty_lines`
  if (typeof options.skip_empty_lines === "boolean") {
    // Great, nothing to do
  } else if (
    options.skip_empty_lines === undefined ||
    options.skip_empty_lines === null
  ) {
    options.skip_empty_lines = false;
  } else {
    throw new Error(
      `Invalid Option: skip_empty_lines must be a boolean, got ${JSON.stringify(options.skip_empty_lines)}`,
    );
  }
  // Normalize option `skip_records_with_empty_values`
  if (typeof options.skip_records_with_empty_values === "boolean") {
    // Great, nothing to do
  } else if (
    options.skip_records_with_empty_values === undefined ||
    options.skip_records_with_empty_values === null
  ) {
    options.skip_records_with_empty_values = false;
  } else {
    throw new Error(
      `Invalid Option: skip_records_with_empty_values must be a boolean, got ${JSON.stringify(options.skip_records_with_empty_values)}`,
    );
  }
  // Normalize option `skip_records_with_error`
  if (typeof options.skip_records_with_error === "boolean") {
    // Great, nothing to do
  } else if (
    options.skip_records_with_error === undefined ||
    options.skip_records_with_error === null
  ) {
    options.skip_records_with_error = false;
  } else {
    throw new Error(
      `Invalid Option: skip_records_with_error must be a boolean, got ${JSON.stringify(options.skip_records_with_error)}`,
    );
  }
  // Normalize option `rtrim`
  if (
    options.rtrim === undefined ||
    options.rtrim === null ||
    options.rtrim === false
  ) {
    options.rtrim = false;
  } else if (options.rtrim !== true) {
    throw new Error(
      `Invalid Option: rtrim must be a boolean, got ${JSON.stringify(options.rtrim)}`,
    );
  }
  // Normalize option `ltrim`
  if (
    options.ltrim === undefined ||
    options.ltrim === null ||
    options.ltrim === false
  ) {
    options.ltrim = false;
  } else if (options.ltrim !== true) {
    throw new Error(
      `Invalid Option: ltrim must be a boolean, got ${JSON.stringify(options.ltrim)}`,
    );
  }
  // Normalize option `trim`
  if (
    options.trim === undefined ||
    options.trim === null ||
    options.trim === false
  ) {
    options.trim = false;
  } else if (options.trim !== true) {
    throw new Error(
      `Invalid Option: trim must be a boolean, got ${JSON.stringify(options.trim)}`,
    );
  }
  // Normalize options `trim`, `ltrim` and `rtrim`
  if (options.trim === true && opts.ltrim !== false) {
    options.ltrim = true;
  } else if (options.ltrim !== true) {
    options.ltrim = false;
  }
  if (options.trim === true && opts.rtrim !== false) {
    options.rtrim = true;
  } else if (options.rtrim !== true) {
    options.rtrim = false;
  }
  // Normalize option `to`
  if (options.to === undefined || options.to === null) {
    options.to = -1;
  } else if (options.to !== -1) {
    if (typeof options.to === "string" && /\d+/.test(options.to)) {
      options.to = parseInt(options.to);
    }
    if (Number.isInteger(options.to)) {
      if (options.to <= 0) {
        throw new Error(
          `Invalid Option: to must be a positive integer greater than 0, got ${JSON.stringify(opts.to)}`,
        );
      }
    } else {
      throw new Error(
        `Invalid Option: to must be an integer, got ${JSON.stringify(opts.to)}`,
      );
    }
  }
  // Normalize option `to_line`
  if (options.to_line === undefined || options.to_line === null) {
    options.to_line = -1;
  } else if (options.to_line !== -1) {
    if (typeof options.to_line === "string" && /\d+/.test(options.to_line)) {
      options.to_line = parseInt(options.to_line);
    }
    if (Number.isInteger(options.to_line)) {
      if (options.to_line <= 0) {
        throw new Error(
          `Invalid Option: to_line must be a positive integer greater than 0, got ${JSON.stringify(opts.to_line)}`,
        );
      }
    } else {
      throw new Error(
        `Invalid Option: to_line must be an integer, got ${JSON.stringify(opts.to_line)}`,
      );
    }
  }
  return options;
};



;// CONCATENATED MODULE: ../main/node_modules/csv-parse/lib/utils/delimiter_discover.js



// Discussed in [issue #400](https://github.com/adaltas/node-csv/issues/400)
// See https://github.com/python/cpython/blob/ea1b1c579f600cc85d145c60862b2e6b98701b24/Lib/csv.py#L349
const delimiter_discover = function (records, options) {
  // Normalize the configuration
  if (!options) {
    ({ delimiter_auto: options } = normalize_options({ delimiter_auto: true }));
  }
  // Convert String to Buffer
  if (typeof records === "string") {
    records = Buffer.from(records);
  }
  // Convert Buffer to an array of records
  if (Buffer.isBuffer(records)) {
    records = ((data) => {
      const records = [];
      const parser = transform({ delimiter: [] });
      const push = (record) => records.push(record);
      const close = () => {};
      const error = parser.parse(data, true, push, close);
      if (error !== undefined) throw error;
      return records;
    })(records);
  }
  // Info array initialization, 127 entries, one per char code
  const info = Array(127)
    .fill()
    .map(() => ({ lines: [] }));
  // Traverse each records, count occurences per char code
  records.map(([record], line) => {
    for (let i = 0, l = record.length; i < l; i++) {
      // Count the character frequency
      const code = record.charCodeAt(i);
      if (info[code].lines[line] === undefined) info[code].lines[line] = 0;
      info[code].lines[line]++;
    }
  });
  // Traverse each char code, compute the score
  info.map((info, i) => {
    info.char_code = i;
    info.std = std(info.lines);
    info.total = info.lines.reduce((acc, val) => acc + val, 0);
    info.preferred = !!options.preferred[i];
    info.score = options.score(info, options);
  });
  // Extract the dominant character
  const result = info.reduce(
    (acc, info) => (acc.score > info.score ? acc : info),
    {},
  );
  return String.fromCharCode(result.char_code);
};

const std = function (array) {
  const n = array.length;
  if (n === 0) return 0;
  const mean = array.reduce((a, b) => a + b) / n;
  return Math.sqrt(
    array.map((x) => Math.pow(x - mean, 2)).reduce((a, b) => a + b) / n,
  );
};



;// CONCATENATED MODULE: ../main/node_modules/csv-parse/lib/api/index.js






const isRecordEmpty = function (record) {
  return record.every(
    (field) =>
      field == null || (field.toString && field.toString().trim() === ""),
  );
};

const cr = 13; // `\r`, carriage return, 0x0D in hexadécimal, 13 in decimal
const nl = 10; // `\n`, newline, 0x0A in hexadecimal, 10 in decimal

const boms = {
  // Note, the following are equals:
  // Buffer.from("\ufeff")
  // Buffer.from([239, 187, 191])
  // Buffer.from('EFBBBF', 'hex')
  utf8: Buffer.from([239, 187, 191]),
  // Note, the following are equals:
  // Buffer.from "\ufeff", 'utf16le
  // Buffer.from([255, 254])
  utf16le: Buffer.from([255, 254]),
};

const transform = function (original_options = {}) {
  const info = {
    bytes: 0,
    bytes_records: 0,
    comment_lines: 0,
    empty_lines: 0,
    invalid_field_length: 0,
    lines: 1,
    records: 0,
  };
  const options = normalize_options(original_options);
  return {
    info: info,
    original_options: original_options,
    options: options,
    state: init_state(options),
    __needMoreData: function (i, bufLen, end) {
      if (end) return false;
      const { encoding, escape, quote } = this.options;
      const { quoting, needMoreDataSize, recordDelimiterMaxLength } =
        this.state;
      const numOfCharLeft = bufLen - i - 1;
      const requiredLength = Math.max(
        needMoreDataSize,
        // Skip if the remaining buffer smaller than record delimiter
        // If "record_delimiter" is yet to be discovered:
        // 1. It is equals to `[]` and "recordDelimiterMaxLength" equals `0`
        // 2. We set the length to windows line ending in the current encoding
        // Note, that encoding is known from user or bom discovery at that point
        // recordDelimiterMaxLength,
        recordDelimiterMaxLength === 0
          ? Buffer.from("\r\n", encoding).length
          : recordDelimiterMaxLength,
        // Skip if remaining buffer can be an escaped quote
        quoting ? (escape === null ? 0 : escape.length) + quote.length : 0,
        // Skip if remaining buffer can be record delimiter following the closing quote
        quoting ? quote.length + recordDelimiterMaxLength : 0,
      );
      return numOfCharLeft < requiredLength;
    },
    // Central parser implementation
    parse: function (nextBuf, end, push, close) {
      const {
        bom,
        comment_no_infix,
        delimiter_auto,
        encoding,
        from_line,
        ltrim,
        max_record_size,
        raw,
        relax_quotes,
        rtrim,
        skip_empty_lines,
        to,
        to_line,
      } = this.options;
      let { comment, escape, quote, record_delimiter } = this.options;
      const {
        bomSkipped,
        delimiterDiscovered,
        delimiterBufPrevious,
        rawBuffer,
        escapeIsQuote,
      } = this.state;
      // Automatic delimiter discovery
      if (!delimiterDiscovered && delimiter_auto) {
        let delimiterBuf;
        if (delimiterBufPrevious === undefined) {
          delimiterBuf = nextBuf;
        } else if (
          delimiterBufPrevious !== undefined &&
          nextBuf === undefined
        ) {
          delimiterBuf = delimiterBufPrevious;
        } else {
          delimiterBuf = Buffer.concat([delimiterBufPrevious, nextBuf]);
        }
        // Ensure that nextBuf is not concatenated a second time during buffer reconciliation
        nextBuf = undefined;
        // this.delimiterBufPrevious = delimiterBuf;
        if (end || delimiterBuf.length > delimiter_auto.size) {
          this.options.delimiter = [
            Buffer.from(
              delimiter_discover(delimiterBuf, this.options.delimiter_auto),
            ),
          ];
          this.state.previousBuf = delimiterBuf;
          this.state.delimiterBufPrevious = undefined;
          this.state.delimiterDiscovered = true;
        } else {
          this.state.delimiterBufPrevious = delimiterBuf;
          return;
        }
      }
      // Previous buffers reconciliation
      const { previousBuf } = this.state;
      let buf;
      if (previousBuf === undefined) {
        if (nextBuf === undefined) {
          // Handle empty string
          close();
          return;
        } else {
          buf = nextBuf;
        }
      } else if (previousBuf !== undefined && nextBuf === undefined) {
        buf = previousBuf;
      } else {
        buf = Buffer.concat([previousBuf, nextBuf]);
      }
      // Handle UTF BOM
      if (bomSkipped === false) {
        if (bom === false) {
          this.state.bomSkipped = true;
        } else if (buf.length < 3) {
          // No enough data
          if (end === false) {
            // Wait for more data
            this.state.previousBuf = buf;
            return;
          }
        } else {
          for (const encoding in boms) {
            if (boms[encoding].compare(buf, 0, boms[encoding].length) === 0) {
              // Skip BOM
              const bomLength = boms[encoding].length;
              this.state.bufBytesStart += bomLength;
              buf = buf.slice(bomLength);
              // Renormalize original options with the new encoding
              const options = normalize_options({
                ...this.original_options,
                encoding: encoding,
              });
              // Properties are merged with the existing options instance
              for (const key in options) {
                this.options[key] = options[key];
              }
              // Options will re-evaluate the Buffer with the new encoding
              ({ comment, escape, quote } = this.options);
              break;
            }
          }
          this.state.bomSkipped = true;
        }
      }
      const bufLen = buf.length;
      let pos;
      for (pos = 0; pos < bufLen; pos++) {
        // Ensure we get enough space to look ahead
        // There should be a way to move this out of the loop
        if (this.__needMoreData(pos, bufLen, end)) {
          break;
        }
        if (this.state.wasRowDelimiter === true) {
          this.info.lines++;
          this.state.wasRowDelimiter = false;
        }
        if (to_line !== -1 && this.info.lines > to_line) {
          this.state.stop = true;
          close();
          return;
        }
        // Auto discovery of record_delimiter, unix, mac and windows supported
        if (this.state.quoting === false && record_delimiter.length === 0) {
          const record_delimiterCount = this.__autoDiscoverRecordDelimiter(
            buf,
            pos,
          );
          if (record_delimiterCount) {
            record_delimiter = this.options.record_delimiter;
          }
        }
        const chr = buf[pos];
        if (raw === true) {
          rawBuffer.append(chr);
        }
        if (
          (chr === cr || chr === nl) &&
          this.state.wasRowDelimiter === false
        ) {
          this.state.wasRowDelimiter = true;
        }
        // Previous char was a valid escape char
        // treat the current char as a regular char
        if (this.state.escaping === true) {
          this.state.escaping = false;
        } else {
          // Escape is only active inside quoted fields
          // We are quoting, the char is an escape chr and there is a chr to escape
          // if(escape !== null && this.state.quoting === true && chr === escape && pos + 1 < bufLen){
          if (
            escape !== null &&
            this.state.quoting === true &&
            this.__isEscape(buf, pos, chr) &&
            pos + escape.length < bufLen
          ) {
            if (escapeIsQuote) {
              if (this.__isQuote(buf, pos + escape.length)) {
                this.state.escaping = true;
                pos += escape.length - 1;
                continue;
              }
            } else {
              this.state.escaping = true;
              pos += escape.length - 1;
              continue;
            }
          }
          // Not currently escaping and chr is a quote
          // TODO: need to compare bytes instead of single char
          if (this.state.commenting === false && this.__isQuote(buf, pos)) {
            if (this.state.quoting === true) {
              const nextChr = buf[pos + quote.length];
              const isNextChrTrimable =
                rtrim && this.__isCharTrimable(buf, pos + quote.length);
              const isNextChrComment =
                comment !== null &&
                this.__compareBytes(comment, buf, pos + quote.length, nextChr);
              const isNextChrDelimiter = this.__isDelimiter(
                buf,
                pos + quote.length,
                nextChr,
              );
              const isNextChrRecordDelimiter =
                record_delimiter.length === 0
                  ? this.__autoDiscoverRecordDelimiter(buf, pos + quote.length)
                  : this.__isRecordDelimiter(nextChr, buf, pos + quote.length);
              // Escape a quote
              // Treat next char as a regular character
              if (
                escape !== null &&
                this.__isEscape(buf, pos, chr) &&
                this.__isQuote(buf, pos + escape.length)
              ) {
                pos += escape.length - 1;
              } else if (
                !nextChr ||
                isNextChrDelimiter ||
                isNextChrRecordDelimiter ||
                isNextChrComment ||
                isNextChrTrimable
              ) {
                this.state.quoting = false;
                this.state.wasQuoting = true;
                pos += quote.length - 1;
                continue;
              } else if (relax_quotes === false) {
                const err = this.__error(
                  new CsvError(
                    "CSV_INVALID_CLOSING_QUOTE",
                    [
                      "Invalid Closing Quote:",
                      `got "${String.fromCharCode(nextChr)}"`,
                      `at line ${this.info.lines}`,
                      "instead of delimiter, record delimiter, trimable character",
                      "(if activated) or comment",
                    ],
                    this.options,
                    this.__infoField(),
                  ),
                );
                if (err !== undefined) return err;
              } else {
                this.state.quoting = false;
                this.state.wasQuoting = true;
                this.state.field.prepend(quote);
                pos += quote.length - 1;
              }
            } else {
              if (this.state.field.length !== 0) {
                // In relax_quotes mode, treat opening quote preceded by chrs as regular
                if (relax_quotes === false) {
                  const info = this.__infoField();
                  const bom = Object.keys(boms)
                    .map((b) =>
                      boms[b].equals(this.state.field.toString()) ? b : false,
                    )
                    .filter(Boolean)[0];
                  const err = this.__error(
                    new CsvError(
                      "INVALID_OPENING_QUOTE",
                      [
                        "Invalid Opening Quote:",
                        `a quote is found on field ${JSON.stringify(info.column)} at line ${info.lines}, value is ${JSON.stringify(this.state.field.toString(encoding))}`,
                        bom ? `(${bom} bom)` : undefined,
                      ],
                      this.options,
                      info,
                      {
                        field: this.state.field,
                      },
                    ),
                  );
                  if (err !== undefined) return err;
                }
              } else {
                this.state.quoting = true;
                pos += quote.length - 1;
                continue;
              }
            }
          }
          if (this.state.quoting === false) {
            const recordDelimiterLength = this.__isRecordDelimiter(
              chr,
              buf,
              pos,
            );
            if (recordDelimiterLength !== 0) {
              // Do not emit comments which take a full line
              const skipCommentLine =
                this.state.commenting &&
                this.state.wasQuoting === false &&
                this.state.record.length === 0 &&
                this.state.field.length === 0;
              if (skipCommentLine) {
                this.info.comment_lines++;
                // Skip full comment line
              } else {
                // Activate records emission if above from_line
                if (
                  this.state.enabled === false &&
                  this.info.lines +
                    (this.state.wasRowDelimiter === true ? 1 : 0) >=
                    from_line
                ) {
                  this.state.enabled = true;
                  this.__resetField();
                  this.__resetRecord();
                  pos += recordDelimiterLength - 1;
                  continue;
                }
                // Skip if line is empty and skip_empty_lines activated
                if (
                  skip_empty_lines === true &&
                  this.state.wasQuoting === false &&
                  this.state.record.length === 0 &&
                  this.state.field.length === 0
                ) {
                  this.info.empty_lines++;
                  pos += recordDelimiterLength - 1;
                  continue;
                }
                this.info.bytes = this.state.bufBytesStart + pos;
                const errField = this.__onField();
                if (errField !== undefined) return errField;
                this.info.bytes =
                  this.state.bufBytesStart + pos + recordDelimiterLength;
                const errRecord = this.__onRecord(push);
                if (errRecord !== undefined) return errRecord;
                if (to !== -1 && this.info.records >= to) {
                  this.state.stop = true;
                  close();
                  return;
                }
              }
              this.state.commenting = false;
              pos += recordDelimiterLength - 1;
              continue;
            }
            if (this.state.commenting) {
              continue;
            }
            if (
              comment !== null &&
              (comment_no_infix === false ||
                (this.state.record.length === 0 &&
                  this.state.field.length === 0))
            ) {
              const commentCount = this.__compareBytes(comment, buf, pos, chr);
              if (commentCount !== 0) {
                this.state.commenting = true;
                continue;
              }
            }
            const delimiterLength = this.__isDelimiter(buf, pos, chr);
            if (delimiterLength !== 0) {
              this.info.bytes = this.state.bufBytesStart + pos;
              const errField = this.__onField();
              if (errField !== undefined) return errField;
              pos += delimiterLength - 1;
              continue;
            }
          }
        }
        if (this.state.commenting === false) {
          if (
            max_record_size !== 0 &&
            this.state.record_length + this.state.field.length > max_record_size
          ) {
            return this.__error(
              new CsvError(
                "CSV_MAX_RECORD_SIZE",
                [
                  "Max Record Size:",
                  "record exceed the maximum number of tolerated bytes",
                  `of ${max_record_size}`,
                  `at line ${this.info.lines}`,
                ],
                this.options,
                this.__infoField(),
              ),
            );
          }
        }
        const lappend =
          ltrim === false ||
          this.state.quoting === true ||
          this.state.field.length !== 0 ||
          !this.__isCharTrimable(buf, pos);
        // rtrim in non quoting is handle in __onField
        const rappend = rtrim === false || this.state.wasQuoting === false;
        if (lappend === true && rappend === true) {
          this.state.field.append(chr);
        } else if (rtrim === true && !this.__isCharTrimable(buf, pos)) {
          return this.__error(
            new CsvError(
              "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE",
              [
                "Invalid Closing Quote:",
                "found non trimable byte after quote",
                `at line ${this.info.lines}`,
              ],
              this.options,
              this.__infoField(),
            ),
          );
        } else {
          if (lappend === false) {
            pos += this.__isCharTrimable(buf, pos) - 1;
          }
          continue;
        }
      }
      if (end === true) {
        // Ensure we are not ending in a quoting state
        if (this.state.quoting === true) {
          const err = this.__error(
            new CsvError(
              "CSV_QUOTE_NOT_CLOSED",
              [
                "Quote Not Closed:",
                `the parsing is finished with an opening quote at line ${this.info.lines}`,
              ],
              this.options,
              this.__infoField(),
            ),
          );
          if (err !== undefined) return err;
        } else {
          // Skip last line if it has no characters
          if (
            this.state.wasQuoting === true ||
            this.state.record.length !== 0 ||
            this.state.field.length !== 0
          ) {
            this.info.bytes = this.state.bufBytesStart + pos;
            const errField = this.__onField();
            if (errField !== undefined) return errField;
            const errRecord = this.__onRecord(push);
            if (errRecord !== undefined) return errRecord;
          } else if (this.state.wasRowDelimiter === true) {
            this.info.empty_lines++;
          } else if (this.state.commenting === true) {
            this.info.comment_lines++;
          }
        }
      } else {
        this.state.bufBytesStart += pos;
        this.state.previousBuf = buf.slice(pos);
      }
      if (this.state.wasRowDelimiter === true) {
        this.info.lines++;
        this.state.wasRowDelimiter = false;
      }
    },
    __onRecord: function (push) {
      const {
        columns,
        group_columns_by_name,
        encoding,
        info,
        from,
        relax_column_count,
        relax_column_count_less,
        relax_column_count_more,
        raw,
        skip_records_with_empty_values,
      } = this.options;
      const { enabled, record } = this.state;
      if (enabled === false) {
        return this.__resetRecord();
      }
      // Convert the first line into column names
      const recordLength = record.length;
      if (columns === true) {
        if (skip_records_with_empty_values === true && isRecordEmpty(record)) {
          this.__resetRecord();
          return;
        }
        return this.__firstLineToColumns(record);
      }
      if (columns === false && this.info.records === 0) {
        this.state.expectedRecordLength = recordLength;
      }
      if (recordLength !== this.state.expectedRecordLength) {
        const err =
          columns === false
            ? new CsvError(
                "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH",
                [
                  "Invalid Record Length:",
                  `expect ${this.state.expectedRecordLength},`,
                  `got ${recordLength} on line ${this.info.lines}`,
                ],
                this.options,
                this.__infoField(),
                {
                  record: record,
                },
              )
            : new CsvError(
                "CSV_RECORD_INCONSISTENT_COLUMNS",
                [
                  "Invalid Record Length:",
                  `columns length is ${columns.length},`, // rename columns
                  `got ${recordLength} on line ${this.info.lines}`,
                ],
                this.options,
                this.__infoField(),
                {
                  record: record,
                },
              );
        if (
          relax_column_count === true ||
          (relax_column_count_less === true &&
            recordLength < this.state.expectedRecordLength) ||
          (relax_column_count_more === true &&
            recordLength > this.state.expectedRecordLength)
        ) {
          this.info.invalid_field_length++;
          this.state.error = err;
          // Error is undefined with skip_records_with_error
        } else {
          const finalErr = this.__error(err);
          if (finalErr) return finalErr;
        }
      }
      if (skip_records_with_empty_values === true && isRecordEmpty(record)) {
        this.__resetRecord();
        return;
      }
      if (this.state.recordHasError === true) {
        this.__resetRecord();
        this.state.recordHasError = false;
        return;
      }
      this.info.records++;
      if (from === 1 || this.info.records >= from) {
        const { objname } = this.options;
        // With columns, records are object
        if (columns !== false) {
          const obj = {};
          // Transform record array to an object
          for (let i = 0, l = record.length; i < l; i++) {
            if (columns[i] === undefined || columns[i].disabled) continue;
            // Turn duplicate columns into an array
            if (
              group_columns_by_name === true &&
              Object.hasOwn(obj, columns[i].name)
            ) {
              if (Array.isArray(obj[columns[i].name])) {
                obj[columns[i].name] = obj[columns[i].name].concat(record[i]);
              } else {
                obj[columns[i].name] = [obj[columns[i].name], record[i]];
              }
            } else {
              Object.defineProperty(obj, columns[i].name, {
                value: record[i],
                enumerable: true,
                writable: true,
                configurable: true,
              });
            }
          }
          // Without objname (default)
          if (raw === true || info === true) {
            const extRecord = Object.assign(
              { record: obj },
              raw === true
                ? { raw: this.state.rawBuffer.toString(encoding) }
                : {},
              info === true ? { info: this.__infoRecord() } : {},
            );
            const err = this.__push(
              objname === undefined ? extRecord : [obj[objname], extRecord],
              push,
            );
            if (err) {
              return err;
            }
          } else {
            const err = this.__push(
              objname === undefined ? obj : [obj[objname], obj],
              push,
            );
            if (err) {
              return err;
            }
          }
          // Without columns, records are array
        } else {
          if (raw === true || info === true) {
            const extRecord = Object.assign(
              { record: record },
              raw === true
                ? { raw: this.state.rawBuffer.toString(encoding) }
                : {},
              info === true ? { info: this.__infoRecord() } : {},
            );
            const err = this.__push(
              objname === undefined ? extRecord : [record[objname], extRecord],
              push,
            );
            if (err) {
              return err;
            }
          } else {
            const err = this.__push(
              objname === undefined ? record : [record[objname], record],
              push,
            );
            if (err) {
              return err;
            }
          }
        }
      }
      this.__resetRecord();
    },
    __firstLineToColumns: function (record) {
      const { firstLineToHeaders } = this.state;
      try {
        const headers =
          firstLineToHeaders === undefined
            ? record
            : firstLineToHeaders.call(null, record);
        if (!Array.isArray(headers)) {
          return this.__error(
            new CsvError(
              "CSV_INVALID_COLUMN_MAPPING",
              [
                "Invalid Column Mapping:",
                "expect an array from column function,",
                `got ${JSON.stringify(headers)}`,
              ],
              this.options,
              this.__infoField(),
              {
                headers: headers,
              },
            ),
          );
        }
        const normalizedHeaders = normalize_columns_array(headers);
        this.state.expectedRecordLength = normalizedHeaders.length;
        this.options.columns = normalizedHeaders;
        this.__resetRecord();
        return;
      } catch (err) {
        return err;
      }
    },
    __resetRecord: function () {
      if (this.options.raw === true) {
        this.state.rawBuffer.reset();
      }
      this.state.error = undefined;
      this.state.record = [];
      this.state.record_length = 0;
    },
    __onField: function () {
      const { cast, encoding, rtrim, max_record_size } = this.options;
      const { enabled, wasQuoting } = this.state;
      // Short circuit for the from_line options
      if (enabled === false) {
        return this.__resetField();
      }
      let field = this.state.field.toString(encoding);
      if (rtrim === true && wasQuoting === false) {
        field = field.trimRight();
      }
      if (cast === true) {
        const [err, f] = this.__cast(field);
        if (err !== undefined) return err;
        field = f;
      }
      this.state.record.push(field);
      // Increment record length if record size must not exceed a limit
      if (max_record_size !== 0 && typeof field === "string") {
        this.state.record_length += field.length;
      }
      this.__resetField();
    },
    __resetField: function () {
      this.state.field.reset();
      this.state.wasQuoting = false;
    },
    __push: function (record, push) {
      const { on_record } = this.options;
      if (on_record !== undefined) {
        const info = this.__infoRecord();
        try {
          record = on_record.call(null, record, info);
        } catch (err) {
          return err;
        }
        if (record === undefined || record === null) {
          return;
        }
      }
      this.info.bytes_records += this.info.bytes;
      push(record);
    },
    // Return a tuple with the error and the casted value
    __cast: function (field) {
      const { columns, relax_column_count } = this.options;
      const isColumns = Array.isArray(columns);
      // Dont loose time calling cast
      // because the final record is an object
      // and this field can't be associated to a key present in columns
      if (
        isColumns === true &&
        relax_column_count &&
        this.options.columns.length <= this.state.record.length
      ) {
        return [undefined, undefined];
      }
      if (this.state.castField !== null) {
        try {
          const info = this.__infoField();
          return [undefined, this.state.castField.call(null, field, info)];
        } catch (err) {
          return [err];
        }
      }
      if (this.__isFloat(field)) {
        return [undefined, parseFloat(field)];
      } else if (this.options.cast_date !== false) {
        const info = this.__infoField();
        return [undefined, this.options.cast_date.call(null, field, info)];
      }
      return [undefined, field];
    },
    __compareBytes: function (sourceBuf, targetBuf, targetPos, firstByte) {
      if (sourceBuf[0] !== firstByte) return 0;
      const sourceLength = sourceBuf.length;
      for (let i = 1; i < sourceLength; i++) {
        if (sourceBuf[i] !== targetBuf[targetPos + i]) return 0;
      }
      return sourceLength;
    },
    // Helper to test if a character is trimable
    __isCharTrimable: function (buf, pos) {
      const { timchars, timcharFirstBytes } = this.state;
      // Fast bail-out: non-whitespace bytes (the common case) are rejected
      // without scanning the full timchar list.
      const first = buf[pos];
      if (first === undefined || timcharFirstBytes[first] === 0) return 0;
      loop1: for (let i = 0; i < timchars.length; i++) {
        const timchar = timchars[i];
        for (let j = 0; j < timchar.length; j++) {
          if (timchar[j] !== buf[pos + j]) continue loop1;
        }
        return timchar.length;
      }
      return 0;
    },
    __isDelimiter: function (buf, pos, chr) {
      const { delimiter, ignore_last_delimiters } = this.options;
      if (
        ignore_last_delimiters === true &&
        this.state.record.length === this.options.columns.length - 1
      ) {
        return 0;
      } else if (
        ignore_last_delimiters !== false &&
        typeof ignore_last_delimiters === "number" &&
        this.state.record.length === ignore_last_delimiters - 1
      ) {
        return 0;
      }
      loop1: for (let i = 0; i < delimiter.length; i++) {
        const del = delimiter[i];
        if (del[0] === chr) {
          for (let j = 1; j < del.length; j++) {
            if (del[j] !== buf[pos + j]) continue loop1;
          }
          return del.length;
        }
      }
      return 0;
    },
    __isEscape: function (buf, pos, chr) {
      const { escape } = this.options;
      if (escape === null) return false;
      const l = escape.length;
      if (escape[0] === chr) {
        for (let i = 0; i < l; i++) {
          if (escape[i] !== buf[pos + i]) {
            return false;
          }
        }
        return true;
      }
      return false;
    },
    __isFloat: function (value) {
      return value - parseFloat(value) + 1 >= 0; // Borrowed from jquery
    },
    // Keep it in case we implement the `cast_int` option
    // __isInt(value){
    //   // return Number.isInteger(parseInt(value))
    //   // return !isNaN( parseInt( obj ) );
    //   return /^(\-|\+)?[1-9][0-9]*$/.test(value)
    // }
    __isQuote: function (buf, pos) {
      const { quote } = this.options;
      if (quote === null) return false;
      const l = quote.length;
      for (let i = 0; i < l; i++) {
        if (quote[i] !== buf[pos + i]) {
          return false;
        }
      }
      return true;
    },
    __isRecordDelimiter: function (chr, buf, pos) {
      const { record_delimiter } = this.options;
      const recordDelimiterLength = record_delimiter.length;
      loop1: for (let i = 0; i < recordDelimiterLength; i++) {
        const rd = record_delimiter[i];
        const rdLength = rd.length;
        if (rd[0] !== chr) {
          continue;
        }
        for (let j = 1; j < rdLength; j++) {
          if (rd[j] !== buf[pos + j]) {
            continue loop1;
          }
        }
        return rd.length;
      }
      return 0;
    },
    __autoDiscoverRecordDelimiter: function (buf, pos) {
      const { encoding } = this.options;
      // Note, we don't need to cache this information in state,
      // It is only called on the first line until we find out a suitable
      // record delimiter.
      const rds = [
        // Important, the windows line ending must be before mac os 9
        Buffer.from("\r\n", encoding),
        Buffer.from("\n", encoding),
        Buffer.from("\r", encoding),
      ];
      loop: for (let i = 0; i < rds.length; i++) {
        const l = rds[i].length;
        for (let j = 0; j < l; j++) {
          if (rds[i][j] !== buf[pos + j]) {
            continue loop;
          }
        }
        this.options.record_delimiter.push(rds[i]);
        this.state.recordDelimiterMaxLength = rds[i].length;
        return rds[i].length;
      }
      return 0;
    },
    __error: function (msg) {
      const { encoding, raw, skip_records_with_error } = this.options;
      const err = typeof msg === "string" ? new Error(msg) : msg;
      if (skip_records_with_error) {
        this.state.recordHasError = true;
        if (this.options.on_skip !== undefined) {
          try {
            this.options.on_skip(
              err,
              raw ? this.state.rawBuffer.toString(encoding) : undefined,
            );
          } catch (err) {
            return err;
          }
        }
        // this.emit('skip', err, raw ? this.state.rawBuffer.toString(encoding) : undefined);
        return undefined;
      } else {
        return err;
      }
    },
    __infoDataSet: function () {
      return {
        ...this.info,
        columns: this.options.columns,
      };
    },
    __infoRecord: function () {
      const { columns, raw, encoding } = this.options;
      return {
        ...this.__infoDataSet(),
        bytes_records: this.info.bytes,
        error: this.state.error,
        header: columns === true,
        index: this.state.record.length,
        raw: raw ? this.state.rawBuffer.toString(encoding) : undefined,
      };
    },
    __infoField: function () {
      const { columns } = this.options;
      const isColumns = Array.isArray(columns);
      // Bytes records are only incremented when all records'fields are parsed
      const bytes_records = this.info.bytes_records;
      return {
        ...this.__infoRecord(),
        bytes_records: bytes_records,
        column:
          isColumns === true
            ? columns.length > this.state.record.length
              ? columns[this.state.record.length].name
              : null
            : this.state.record.length,
        quoting: this.state.wasQuoting,
      };
    },
  };
};



;// CONCATENATED MODULE: ../main/node_modules/csv-parse/lib/sync.js



const parse = function (data, opts = {}) {
  if (typeof data === "string") {
    data = Buffer.from(data);
  }
  const records = opts && opts.objname ? Object.create(null) : [];
  const parser = transform(opts);
  const push = (record) => {
    if (parser.options.objname === undefined) records.push(record);
    else {
      records[record[0]] = record[1];
    }
  };
  const close = () => {};
  const error = parser.parse(data, true, push, close);
  if (error !== undefined) throw error;
  return records;
};




/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(5187);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
