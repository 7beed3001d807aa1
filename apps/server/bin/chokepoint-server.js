#!/usr/bin/env node
// The `chokepoint-server` command. A checked-in file rather than dist/bin.js itself, so that a
// workspace install can link the command before anything is built.
import '../dist/bin.js';
