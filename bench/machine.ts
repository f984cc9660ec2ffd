import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, release, totalmem } from 'node:os';

/** The machine a run was on: what docs/benchmarks.md records beside the numbers. */
export function describeMachine(): { label: string; value: string }[] {
  const osRelease = existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : '';
  const distribution = /^PRETTY_NAME="?([^"\n]*)"?/m.exec(osRelease)?.[1] ?? process.platform;
  return [
    { label: 'CPU', value: `${cpus()[0]?.model ?? 'unknown'} (${availableParallelism()} cores available)` },
    { label: 'RAM', value: `${(totalmem() / 1024 ** 3).toFixed(1)} GB` },
    { label: 'OS', value: `${distribution}, Linux ${release()}` },
    { label: 'Node.js', value: process.version },
  ];
}

/** The 1-minute load average: how busy the machine was with other work around the run. */
export function loadAverage(): string {
  return (loadavg()[0] ?? 0).toFixed(2);
}
