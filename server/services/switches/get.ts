import type { ServiceContext } from "../context";
import { toSwitchDto } from "./dto";
import { findSwitchRow } from "./scope";

export async function getSwitch({ ctx, input }: { ctx: ServiceContext; input: { id: number } }) {
  return toSwitchDto(await findSwitchRow(ctx, input.id));
}
