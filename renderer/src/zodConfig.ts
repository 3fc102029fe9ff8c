/**
 * zod 4 probes whether it may compile parsers with `Function('')`. Under the app's CSP (no
 * 'unsafe-eval') the probe is refused, and although zod catches the error, Chromium still reports a
 * CSP violation on every start. jitless skips the probe and the compiled parsers: the app never asks
 * for eval. Imported first in main.tsx so it runs before any schema parses.
 */
import { z } from 'zod';

z.config({ jitless: true });
