import { execFile, spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { BmcHandle } from "../fleet";

const run = promisify(execFile);
const REDFISHTOOL = "/usr/bin/redfishtool";
const PYTHON = "/usr/bin/python3";
const ILOREST = "/usr/bin/ilorest";
const ANSIBLE_PLAYBOOK = "/usr/bin/ansible-playbook";

const pythonModule = (name: string) => existsSync(PYTHON) && spawnSync(PYTHON, ["-c", `import ${name}`]).status === 0;

/** Which Debian-packaged clients are installed (CI installs them all; elsewhere their checks skip, loudly). */
export const installed = {
  redfishtool: existsSync(REDFISHTOOL),
  sushy: pythonModule("sushy"),
  ilorest: existsSync(ILOREST) && pythonModule("redfish.ris"),
  ansible: existsSync(ANSIBLE_PLAYBOOK) && existsSync("/usr/lib/python3/dist-packages/ansible_collections/community/general"),
};
const PACKAGES: Record<keyof typeof installed, string> = {
  redfishtool: "redfishtool",
  sushy: "python3-sushy",
  ilorest: "ilorest",
  ansible: "ansible",
};
for (const [tool, present] of Object.entries(installed)) {
  const name = PACKAGES[tool as keyof typeof installed];
  if (!present) console.warn(`\n!!! ${name} is missing: SKIPPING its checks (apt-get install -y ${name})\n`);
}

/** requests ignores verify=False when these are set. */
function pythonEnv(extra: Record<string, string> = {}) {
  const env = { ...process.env, ...extra };
  delete env.REQUESTS_CA_BUNDLE;
  delete env.CURL_CA_BUNDLE;
  return env;
}

/** Runs redfishtool; `-ssss` makes it trace each request as `#` lines before the JSON. */
export async function redfishtool(bmc: BmcHandle, ...args: string[]) {
  const host = `${bmc.address}:${bmc.port}`;
  const { stdout } = await run(REDFISHTOOL, ["-r", host, "-S", "Always", "-u", bmc.username, "-p", bmc.password, ...args], {
    env: pythonEnv(),
    timeout: 30_000,
  });
  const lines = stdout.split("\n");
  return { json: JSON.parse(lines.filter((line) => !line.startsWith("#")).join("\n")), trace: lines.filter((line) => line.startsWith("#")) };
}

const SUSHY_SCRIPT = `
import json, sys, warnings
warnings.filterwarnings("ignore")
import sushy
url, user, password, legacy = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4] == "1"
root = sushy.Sushy(url, username=user, password=password, verify=False)
out = {"uuid": root.uuid, "product": root.product}
out["systems"] = sorted(root.get_system_collection().members_identities)
system = root.get_system()
out["power_state"] = str(system.power_state.value)
out["bios_version"] = system.bios_version
out["serial"] = system.serial_number
if not legacy:
    try:
        inventory = root.get_update_service().firmware_inventory
        out["firmware"] = {m.identity: [m.name, m.version] for m in inventory.get_members()}
    except sushy.exceptions.MissingAttributeError as error:
        out["update_service_error"] = str(error)
print(json.dumps(out))
`;

export async function sushy(bmc: BmcHandle) {
  const legacy = bmc.vendor === "hpe-ilo4" ? "1" : "0";
  const { stdout } = await run(PYTHON, ["-c", SUSHY_SCRIPT, bmc.url, bmc.username, bmc.password, legacy], { env: pythonEnv(), timeout: 30_000 });
  return JSON.parse(stdout);
}

/**
 * Runs HPE's ilorest once in its interactive mode, feeding it `commands` (login first, logout
 * last), with a throwaway home for its cache. ilorest logs out through the session Location minus
 * `https://<host>`, so it only works against BMCs on port 443, as real iLOs are.
 */
export async function ilorest(commands: string[], options: { redfish?: boolean } = {}): Promise<string> {
  const home = await mkdtemp(join(tmpdir(), "ilorest-"));
  try {
    const args = ["--nologo", ...(options.redfish ? ["--redfish"] : [])];
    // Asynchronous: the fleet answering ilorest runs in this very process.
    const child = spawn(ILOREST, args, { cwd: home, env: pythonEnv({ HOME: home }), timeout: 120_000 });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.stdin.end([...commands, "exit", ""].join("\n"));
    await new Promise((resolve, reject) => child.on("close", resolve).on("error", reject));
    return output;
  } finally {
    await rm(home, { recursive: true, force: true });
  }
}

export const iloLogin = (bmc: BmcHandle) => `login ${bmc.address} -u ${bmc.username} -p ${bmc.password}`;

const PLAYBOOK = `
- hosts: all
  gather_facts: false
  vars:
    bmc: &bmc
      baseuri: "{{ baseuri }}"
      username: "{{ bmc_username }}"
      password: "{{ bmc_password }}"
  tasks:
    - community.general.redfish_info:
        <<: *bmc
        category: Systems
        command: GetSystemInventory,GetCpuInventory,GetMemoryInventory,GetNicInventory,GetStorageControllerInventory,GetDiskInventory
    - community.general.redfish_info:
        <<: *bmc
        category: Chassis
        command: GetChassisPower,GetChassisThermals,GetPsuInventory,GetFanInventory
    - community.general.redfish_info:
        <<: *bmc
        category: Manager
        command: GetManagerInventory,GetManagerNicInventory
    - community.general.redfish_info:
        <<: *bmc
        category: Update
        command: GetFirmwareInventory,GetSoftwareInventory
`;

export type RedfishFacts = Record<string, { ret: boolean; msg?: string; entries?: unknown }>;

/**
 * Ansible's `redfish_info` against every BMC at once (one host each, in parallel): the facts of
 * each category merged, by BMC address. Ansible's Redfish modules speak HTTPS only.
 */
export async function ansibleRedfishInfo(bmcs: BmcHandle[]): Promise<Map<string, RedfishFacts>> {
  const dir = await mkdtemp(join(tmpdir(), "ansible-"));
  try {
    const inventory = bmcs.map((bmc) => `${bmc.address} baseuri=${bmc.address}:${bmc.port} bmc_username=${bmc.username} bmc_password=${bmc.password}`);
    await writeFile(join(dir, "inventory.ini"), `${inventory.join("\n")}\n[all:vars]\nansible_connection=local\nansible_python_interpreter=${PYTHON}\n`);
    await writeFile(join(dir, "playbook.yml"), PLAYBOOK);
    const { stdout } = await run(ANSIBLE_PLAYBOOK, ["-f", String(bmcs.length), "-i", "inventory.ini", "playbook.yml"], {
      cwd: dir,
      env: pythonEnv({ ANSIBLE_STDOUT_CALLBACK: "json", ANSIBLE_PIPELINING: "1", ANSIBLE_HOME: dir, ANSIBLE_LOCAL_TEMP: join(dir, "tmp") }),
      timeout: 240_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    const report = JSON.parse(stdout) as { plays: { tasks: { hosts: Record<string, { redfish_facts?: RedfishFacts }> }[] }[] };
    const facts = new Map<string, RedfishFacts>(bmcs.map((bmc) => [bmc.address, {}]));
    for (const task of report.plays[0].tasks) {
      for (const [host, result] of Object.entries(task.hosts)) Object.assign(facts.get(host) ?? {}, result.redfish_facts);
    }
    return facts;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
