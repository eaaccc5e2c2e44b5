// The machine a run came from: numbers only compare on the same box, ratios travel better.
import { cpus, loadavg, release, totalmem } from 'node:os'

export interface MachineInfo {
  cpuModel: string
  cores: number
  memoryGb: number
  node: string
  os: string
  loadAverageAtStart: number[]
  db: string
}

export function machineInfo (db: string): MachineInfo {
  const list = cpus()
  return {
    cpuModel: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    memoryGb: Math.round(totalmem() / 1024 ** 3 * 10) / 10,
    node: process.version,
    os: `${process.platform} ${release()}`,
    loadAverageAtStart: loadavg().map(n => Math.round(n * 100) / 100),
    db
  }
}
