import type postgres from "postgres";
import { hashPassword } from "~/server/auth/passwords";

/**
 * 10 groups of 10 pools; 10,000 servers, each with its own node (loopback addresses: nothing is ever
 * contacted): 500 in the first pool of the first group, the rest spread over the other 99. Vendors
 * in the mix a fleet has (60% Dell PowerEdge). Returns a non-staff member of the first group and
 * that big pool.
 */
export async function seedFleet(sql: postgres.Sql): Promise<{ userId: number; poolId: number }> {
  await sql`insert into groups (name) select 'team-' || g from generate_series(1, 10) g`;
  await sql`
    insert into pools (name, description, group_id)
    select 'pool-' || lpad(p::text, 3, '0'), 'bench pool', (select id from groups where name = 'team-' || ((p - 1) / 10 + 1))
    from generate_series(1, 100) p`;
  const [{ id: poolId }] = (await sql`select id from pools where name = 'pool-001'`) as unknown as [{ id: number }];
  await sql`
    insert into nodes (ip, port, vendor, status)
    select ('127.' || (n / 65536) || '.' || (n / 256 % 256) || '.' || (n % 256))::inet, 443, 'bench', 'registered'
    from generate_series(1, 10000) n`;
  await sql`
    with numbered as (select id, row_number() over (order by id) as n from nodes)
    insert into servers (name, node_id, resource_pool_id, manufacturer, manufacturer_reported, model, serial_number, power_state)
    select 'srv-' || lpad(n::text, 5, '0'), id,
      case when n <= 500 then ${poolId} else (select id from pools where name = 'pool-' || lpad((2 + n % 99)::text, 3, '0')) end,
      (array['Dell', 'Dell', 'Dell', 'HPE', 'Supermicro'])[1 + n % 5],
      (array['Dell Inc.', 'Dell Inc.', 'Dell Inc.', 'HPE', 'Supermicro'])[1 + n % 5],
      (array['PowerEdge R750', 'PowerEdge R650', 'PowerEdge R760', 'ProLiant DL380 Gen10', 'SYS-120U-TNR'])[1 + n % 5],
      'SN' || lpad(n::text, 8, '0'), 'On'
    from numbered`;
  await sql`analyze`;
  const [user] = (await sql`
    insert into users (username, password_hash) values ('bench-member', ${await hashPassword("bench-member-password")}) returning id`) as unknown as [{ id: number }];
  await sql`insert into user_groups (user_id, group_id) select ${user.id}, id from groups where name = 'team-1'`;
  return { userId: user.id, poolId };
}
