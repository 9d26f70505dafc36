import { currentToken } from '../auth';

/** Downloads a file that needs the signed-in user's token, which a plain link cannot send. */
export async function downloadWithToken(url: string, fallbackName: string): Promise<void> {
  const token = currentToken();
  const response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!response.ok) {
    // The server's reason when it gives one (a JSON body with a message), else the status.
    const reason = await Promise.resolve()
      .then(() => response.json())
      .then((body: { message?: unknown }) =>
        typeof body?.message === 'string' ? body.message : '',
      )
      .catch(() => '');
    throw new Error(`The download failed (${response.status})${reason ? `: ${reason}` : '.'}`);
  }
  const name =
    /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ??
    fallbackName;
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(link.href);
}
