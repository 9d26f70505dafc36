export default async function globalTeardown(): Promise<void> {
  await globalThis.__SCR_TEST_POSTGRES__?.stop();
}
