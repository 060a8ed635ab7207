// CPU time of a process tree from /proc (Linux): the next-server process under `next start`,
// and the PostgreSQL server of this run (its postmaster and every backend). Children that
// exited and were reaped count through their parent's cutime/cstime, so a backend that
// disconnects during a round is not lost.
import fs from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

type Stat = { pid: number; ppid: number; self: number; reaped: number };

function readStat(pid: number): Stat | null {
  try {
    const raw = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // After "pid (comm) ": state ppid … utime(14) stime(15) cutime(16) cstime(17), 1-based.
    const f = raw.slice(raw.lastIndexOf(')') + 2).split(' ');
    return {
      pid,
      ppid: Number(f[1]),
      self: Number(f[11]) + Number(f[12]),
      reaped: Number(f[13]) + Number(f[14]),
    };
  } catch {
    return null;
  }
}

function allStats(): Stat[] {
  const out: Stat[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const s = readStat(Number(name));
    if (s) out.push(s);
  }
  return out;
}

/** The pid and its descendants, alive now. */
export function processTree(root: number, stats: Stat[] = allStats()): Stat[] {
  const children = new Map<number, Stat[]>();
  for (const s of stats) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s]);
  const tree: Stat[] = [];
  const queue = stats.filter((s) => s.pid === root);
  while (queue.length > 0) {
    const s = queue.shift()!;
    tree.push(s);
    queue.push(...(children.get(s.pid) ?? []));
  }
  return tree;
}

/**
 * CPU ms used so far by the tree under `root`: each live process's own time, plus the reaped
 * children of the root (exited processes lower down are reaped by their own parents, which
 * count them the same way once they are reaped).
 */
export function treeCpuMs(root: number): number {
  const tree = processTree(root);
  if (tree.length === 0) return NaN;
  let ticks = 0;
  for (const s of tree) ticks += s.self + s.reaped;
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/** The process of `root`'s tree whose command line matches, e.g. next-server under `next start`. */
export function findInTree(root: number, matches: (cmdline: string, comm: string) => boolean): number | null {
  for (const s of processTree(root)) {
    let cmdline = '';
    let comm = '';
    try {
      cmdline = fs.readFileSync(`/proc/${s.pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      comm = fs.readFileSync(`/proc/${s.pid}/comm`, 'utf8').trim();
    } catch {
      continue;
    }
    if (matches(cmdline, comm)) return s.pid;
  }
  return null;
}

/** The postmaster of a data directory (first line of postmaster.pid), or null. */
export function postmasterPid(dataDir: string): number | null {
  try {
    const pid = Number(fs.readFileSync(`${dataDir}/postmaster.pid`, 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 && readStat(pid) ? pid : null;
  } catch {
    return null;
  }
}
