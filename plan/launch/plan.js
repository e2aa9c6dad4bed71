#!/usr/bin/env node
// @ts-check
/**
 * `npm run plan` (or `node plan/launch/plan.js [options]`, the same without npm's start-up): the
 * offline plan from source, no build step. The CLI and its plan process load this repository's
 * TypeScript through the transpile cache (plan/launch/register.js, ADR 028).
 */
"use strict";
require("./register");
/** @type {{ runFromShell(argv?: string[]): void }} */ (require("../cli")).runFromShell();
