export * from "./discovery";
export * from "./firmware";
export * from "./nodes";
export * from "./pools";
export * from "./rate-limits";
export * from "./servers";
export * from "./switches";
export * from "./users";
