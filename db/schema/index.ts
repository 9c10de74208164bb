export * from "./discovery";
export * from "./firmware";
export * from "./pools";
export * from "./users";
