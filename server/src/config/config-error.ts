/** A problem that stops the server before it starts; its message is the one line shown. */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}
