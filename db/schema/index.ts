export * from "./discovery";
export * from "./firmware";
export * from "./nodes";
export * from "./pools";
export * from "./servers";
export * from "./switches";
export * from "./users";
export * from "./workers";
