#!/usr/bin/env node
// The Stagecraft CLI; the bundle lives in ./cli/ with its chunks.
import "./cli/index.js"
