// Still imported by pools/placement.ts (another helper's, in progress): import from "../groups" instead.
export { DEFAULT_GROUP_ID } from "./default-group";
