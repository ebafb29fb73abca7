#!/usr/bin/env node
// The CLI runs the compiled code (npm ci builds it through the "prepare" script).
require('../dist/src/cli/index.js');
