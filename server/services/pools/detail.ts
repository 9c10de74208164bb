import { asc, eq } from "drizzle-orm";
import { servers, switches } from "~/db/schema";
import type { ServiceContext } from "../context";
import { getPool } from "./get";
import type { PoolDetailDto } from "./schemas";

/** A pool with its servers and switches; whoever sees the pool sees everything in it (same group). */
export async function getPoolDetail({ ctx, input }: { ctx: ServiceContext; input: { id: number } }): Promise<PoolDetailDto> {
  const pool = await getPool({ ctx, input });
  const [serverRows, switchRows] = await Promise.all([
    ctx.db
      .select({
        id: servers.id,
        name: servers.name,
        manufacturer: servers.manufacturer,
        model: servers.model,
        serial_number: servers.serialNumber,
        power_state: servers.powerState,
        protected: servers.protected,
      })
      .from(servers)
      .where(eq(servers.resourcePoolId, pool.id))
      .orderBy(asc(servers.name), asc(servers.id)),
    ctx.db
      .select({ id: switches.id, name: switches.name, manufacturer: switches.manufacturer, model: switches.model, management_ip: switches.managementIp })
      .from(switches)
      .where(eq(switches.resourcePoolId, pool.id))
      .orderBy(asc(switches.name), asc(switches.id)),
  ]);
  return { ...pool, servers: serverRows, switches: switchRows };
}
