/**
 * Builds the app once per test run, into a temporary directory of its own, and serves it on
 * 127.0.0.1 for the browser tests.
 */
import type { TestProject } from 'vitest/node';
import { serveFreshBuild, type ServedBuild } from './serve-build';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

let served: ServedBuild | undefined;

export async function setup(project: TestProject): Promise<void> {
  served = await serveFreshBuild();
  project.provide('baseUrl', served.url);
}

export async function teardown(): Promise<void> {
  await served?.close();
}
