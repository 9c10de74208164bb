export * from "./discovery";
export * from "./firmware";
export * from "./nodes";
export * from "./pools";
export * from "./requests";
export * from "./servers";
export * from "./switches";
export * from "./users";
