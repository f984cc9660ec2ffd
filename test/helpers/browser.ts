import { createRequire } from 'node:module';
import chromium from '@sparticuz/chromium';
import { type Browser, chromium as playwright } from 'playwright-core';

const require = createRequire(import.meta.url);

// @sparticuz/chromium's arguments are made for AWS Lambda: one process (closing a page's context
// then takes the whole browser down) and web security off, which would hide what these tests check.
const LAMBDA_ONLY_ARGS = ['--single-process', '--disable-web-security', '--allow-running-insecure-content'];

/** axe-core's script, injected into pages by the accessibility checks. */
export const AXE_SCRIPT_PATH = require.resolve('axe-core/axe.min.js');

/**
 * A headless Chromium for tests, with nothing to install by hand: the one @sparticuz/chromium carries
 * in its npm tarball, or CHROMIUM_PATH (Debian's /usr/bin/chromium, for instance). When none starts
 * the test fails saying why and what to do; it never skips.
 */
export async function launchBrowser(): Promise<Browser> {
  const override = process.env.CHROMIUM_PATH;
  let executablePath: string;
  try {
    executablePath = override || (await chromium.executablePath());
  } catch (error) {
    throw new Error(
      `No Chromium for the browser tests: @sparticuz/chromium could not unpack its binary (${String(error)}). Run npm install again, or set CHROMIUM_PATH to a Chromium executable.`,
    );
  }
  try {
    return await playwright.launch({
      executablePath,
      args: override
        ? [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ]
        : chromium.args.filter((arg) => !LAMBDA_ONLY_ARGS.includes(arg)),
      headless: true,
    });
  } catch (error) {
    throw new Error(
      `The browser tests could not start Chromium at ${executablePath}${override ? ' (CHROMIUM_PATH)' : ' (@sparticuz/chromium)'}: ${
        error instanceof Error ? error.message.split('\n')[0] : String(error)
      }. Set CHROMIUM_PATH to a working Chromium, for example /usr/bin/chromium.`,
    );
  }
}
