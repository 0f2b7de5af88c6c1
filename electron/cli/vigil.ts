#!/usr/bin/env node
import { runCli } from './main';
import { processIo } from './io';

// No SIGINT handler on purpose: every write is atomic or transactional, so the
// default (immediate exit) is safe, and it releases the vault's memory at once.
runCli(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`vigil: internal error: ${String(error)}\n`);
    process.exitCode = 1;
  },
);
