import type { RequestStepRow } from "~/db/schema";
import type { ComponentRef } from "~/server/redfish";
import type { ComponentPlan } from "./schemas";
import type { CheckedComponent } from "./step-server";
import type { ComponentContext, StepState } from "./step-types";

/** What a component's step at `position` needs from the steps before it: its plan, where its version is read, what the compliance check read, the version before, their states. */
export function componentContext(steps: RequestStepRow[], component: string, position: number): ComponentContext {
  const own = steps.filter((other) => other.component === component && other.position < position);
  const check = steps.find((other) => other.name === "compliance_check")!.state as { components?: Record<string, CheckedComponent> };
  const first = steps.find((other) => other.component === component && other.name === "check_binary")!;
  const plan = (first.state as { plan: ComponentPlan }).plan;
  const checked = check.components?.[plan.firmware_type];
  const ref: ComponentRef = checked?.ref ?? { component: "other", systemPath: "", managerPath: null };
  return { plan, ref, checked, before: checked?.version ?? plan.from_version, earlier: Object.assign({}, ...own.map((other) => other.state)) as StepState };
}
