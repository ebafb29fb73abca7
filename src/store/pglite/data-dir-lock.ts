import fs from 'node:fs';
import path from 'node:path';

/** PGlite is one process's database: a second process opening the same directory would corrupt it. */
export class DatabaseBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holderPid: number,
    readonly holderDescription: string,
  ) {
    super(
      `the embedded database in ${dataDir} is in use by another funnelgraph process (pid ${holderPid}: ${holderDescription}). ` +
        `PGlite allows one process at a time: stop that process first (kill ${holderPid}), or use a PostgreSQL server for ` +
        `several processes (set DATABASE_URL).`,
    );
    this.name = 'DatabaseBusyError';
  }
}

export interface DataDirLock {
  release(): void;
}

/**
 * Takes the directory's lock file (created exclusively). A lock left by a process that no longer runs is stale
 * and taken over; a live holder makes this throw DatabaseBusyError at once — never wait, never share.
 */
export function lockDataDir(dataDir: string, description: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, 'funnelgraph.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(lockPath, 'wx');
      fs.writeSync(fd, JSON.stringify({ pid: process.pid, description }));
      fs.closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          const holder = readHolder(lockPath);
          if (holder?.pid === process.pid) fs.unlinkSync(lockPath);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(lockPath);
      if (holder && holder.pid !== process.pid && isAlive(holder.pid)) {
        throw new DatabaseBusyError(dataDir, holder.pid, holder.description);
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`could not take the lock ${lockPath}; remove it if no funnelgraph process is running`);
}

function readHolder(lockPath: string): { pid: number; description: string } | undefined {
  try {
    const parsed = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as { pid: number; description: string };
    return typeof parsed.pid === 'number' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
