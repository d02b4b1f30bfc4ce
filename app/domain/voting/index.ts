export * from "./pesel";
export * from "./karta";
export * from "./identity";
export * from "./eligibility";
export * from "./ballot";
export * from "./receipt";
export * from "./register";
export * from "./guard";
