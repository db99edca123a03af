export * from "./enums";
export * from "./regions";
export * from "./catalogue";
export * from "./organisations";
export * from "./users";
export * from "./audit";
export * from "./instruments";
export * from "./files";
