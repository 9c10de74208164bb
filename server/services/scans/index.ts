export * from "./schemas";
export { runScan } from "./start";
