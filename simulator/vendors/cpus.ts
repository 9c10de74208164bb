import type { ModelSpec } from "./types";

/** CPUID signature and a microcode revision of each Xeon generation the models use. */
const GENERATIONS = {
  broadwell: { cpuid: "0x000406F1", microcode: "0x0B000038" },
  "cascade-lake": { cpuid: "0x00050657", microcode: "0x05003302" },
  "ice-lake": { cpuid: "0x000606A6", microcode: "0x0D000375" },
};

/** Two sockets of `model`, hyper-threaded. */
export function xeon(generation: keyof typeof GENERATIONS, model: string, cores: number, speedMhz: number): ModelSpec["cpu"] {
  return { model, count: 2, cores, threads: cores * 2, speedMhz, ...GENERATIONS[generation] };
}
