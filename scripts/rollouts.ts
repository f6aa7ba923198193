/**
 * npm run rollouts -- <command> [options]
 *
 * Staged rollouts of a running cas-edge (the local one from `npm start`, or a
 * deployed one with --url) through its API: list, show, create, and the
 * operator's actions. Exit codes: 0 done, 1 the worker refused (4xx/5xx), 2 usage or connection error.
 */
import { commandLine, usageError } from "./lib/cli.ts";
import { localToken } from "./lib/local-token.ts";

const USAGE = `usage: npm run rollouts -- <command> [options]

commands:
  list [--model KEY] [--state STATE]          rollouts, newest first, with each stage's counts
  show ID                                     one rollout
  create --model KEY --version V --stages S   a draft; S is stages separated by ",", each
         [--group KEY] [--rollback]           PERCENT or @DEV1+DEV2 (named devices), then
                                              :SOAK_SECONDS:MAX_FAILURE_RATIO[:MIN_SAMPLE], e.g.
                                              "@gw-lab-1+gw-lab-2:3600:0,1:3600:0.05,10:7200:0.05,100:0:0.1"
  start ID | pause ID | resume ID | cancel ID | advance ID

options:
  --url URL   the worker (default http://127.0.0.1:8787, the one \`npm start\` runs)
  --json      print the worker's JSON answer as is

The token (scope parts:write) is read from $API_TOKEN, else from .dev.vars.
Exit codes: 0 done, 1 refused by the worker, 2 usage or connection error.`;

const { values, positionals } = commandLine(USAGE, {
  allowPositionals: true,
  options: {
    url: { type: "string", default: "http://127.0.0.1:8787" },
    model: { type: "string" },
    group: { type: "string" },
    version: { type: "string" },
    stages: { type: "string" },
    state: { type: "string" },
    rollback: { type: "boolean", default: false },
    json: { type: "boolean", default: false },
    help: { type: "boolean", short: "h" },
  },
});
const [command = "", id] = positionals;

/** "PERCENT|@DEV+DEV:SOAK:RATIO[:SAMPLE]" stages, comma-separated, as the API takes them. */
function parseStages(text: string): Array<Record<string, unknown>> {
  return text.split(",").map((part) => {
    const [who, soak, ratio, sample, ...rest] = part.trim().split(":");
    if (!who || soak === undefined || ratio === undefined || rest.length > 0)
      usageError(USAGE, `stage "${part}": PERCENT or @DEVICES, then :SOAK:RATIO[:SAMPLE]`);
    const stage: Record<string, unknown> = who.startsWith("@") ? { devices: who.slice(1).split("+") } : { percent: Number(who) };
    stage.min_soak_seconds = Number(soak);
    stage.max_failure_ratio = Number(ratio);
    if (sample !== undefined) stage.min_sample = Number(sample);
    return stage;
  });
}

const base = values.url!.replace(/\/$/, "");
const token = localToken("API_TOKEN", "a token with parts:write");

async function call(method: string, path: string, body?: unknown): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(`${base}/api/rollouts${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body ? { "Content-Type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
  } catch (err) {
    console.error(`cannot reach ${base}: ${(err as Error).message}`);
    process.exit(2);
  }
  const answer = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (!res.ok) {
    console.error(`${method} /api/rollouts${path}: ${res.status} ${answer.detail ?? JSON.stringify(answer)}`);
    process.exit(1);
  }
  return answer;
}

interface Stage {
  index: number;
  percent: number | null;
  devices: string[] | null;
  open: boolean;
  offered: number;
  downloading: number;
  installing: number;
  rebooted: number;
  success: number;
  failure: number;
  failure_ratio: number | null;
  soak_ends_at: string | null;
}
interface Rollout {
  id: number;
  model: string;
  group: string | null;
  version: string;
  rollback: boolean;
  state: string;
  actions: string[];
  halt_reason: string | null;
  stages: Stage[];
}

function describe(r: Rollout): string {
  const target = r.group ? `${r.model}/${r.group}` : r.model;
  const lines = [`#${r.id}  ${r.state}  ${target} → ${r.version}${r.rollback ? " (rollback)" : ""}  actions: ${r.actions.join(", ") || "none"}`];
  if (r.halt_reason) lines.push(`  halted: ${r.halt_reason}`);
  for (const s of r.stages) {
    const who = s.devices ? `${s.devices.length} named` : `${s.percent} %`;
    const ratio = s.failure_ratio === null ? "–" : `${(100 * s.failure_ratio).toFixed(1)} %`;
    lines.push(
      `  stage ${s.index} ${who.padEnd(10)} ${s.open ? "open  " : "closed"} offered ${s.offered}, downloading ${s.downloading}, installing ${s.installing + s.rebooted}, success ${s.success}, failure ${s.failure} (${ratio})`,
    );
  }
  return lines.join("\n");
}

const print = (answer: unknown) => console.log(values.json ? JSON.stringify(answer, null, 2) : describe(answer as Rollout));
const needId = () => (id && /^\d+$/.test(id) ? id : usageError(USAGE, `${command} needs a rollout ID`));

switch (command) {
  case "list": {
    const query = new URLSearchParams();
    if (values.model) query.set("model", values.model);
    if (values.state) query.set("state", values.state);
    const list = (await call("GET", query.size ? `?${query}` : "")) as Rollout[];
    if (values.json) console.log(JSON.stringify(list, null, 2));
    else if (list.length === 0) console.log("no rollouts");
    else for (const r of list) console.log(describe(r));
    break;
  }
  case "show":
    print(await call("GET", `/${needId()}`));
    break;
  case "create": {
    if (!values.model || !values.version || !values.stages) usageError(USAGE, "create needs --model, --version and --stages");
    print(
      await call("POST", "", {
        model: values.model,
        version: values.version,
        ...(values.group ? { group: values.group } : {}),
        rollback: values.rollback,
        stages: parseStages(values.stages),
      }),
    );
    break;
  }
  case "start":
  case "pause":
  case "resume":
  case "cancel":
  case "advance":
    print(await call("POST", `/${needId()}/${command}`));
    break;
  default:
    usageError(USAGE, `unknown command "${command}"`);
}
