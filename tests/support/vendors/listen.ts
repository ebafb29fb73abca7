import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Starts a vendor contract server on a free port of 127.0.0.1: its base URL (plus `path`) and how to stop it. */
export async function listenLocally(server: Server, path = ''): Promise<{ url: string; close: () => Promise<void> }> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
