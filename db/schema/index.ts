export * from "./discovery";
export * from "./firmware";
export * from "./pools";
export * from "./rate-limits";
export * from "./users";
