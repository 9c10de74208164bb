/**
 * The access rule, as the OpenAPI descriptions state it: one sentence per resource, and the same
 * 404-before-403 order everywhere.
 */
const ORDER = "Anything you cannot see answers 404, exactly like something that does not exist; acting on something you can see without the right answers 403.";

export const SERVER_ACCESS = `Staff see every server; other users see the servers in pools of their groups (sub-pools included) and no unassigned server. Members may rename, describe, tag and protect their pools' servers; moving, removing and deleting servers is staff work. ${ORDER}`;

export const SWITCH_ACCESS = `Staff see every switch; other users see the switches in pools of their groups. Only staff create, change, assign or delete switches. ${ORDER}`;

export const POOL_ACCESS = `Staff see and manage every pool; other users see and manage the pools of their groups (a sub-pool is always in its parent's group). ${ORDER}`;

export const POOL_MEMBERSHIP_ACCESS = `Staff only. ${ORDER}`;

export const REQUEST_ACCESS = `Staff see and act on every request and every server; other users request updates of their pools' servers, see the requests they made or that hold one of their pools' servers (and, inside one, only those servers), and cancel their own requests. ${ORDER}`;
