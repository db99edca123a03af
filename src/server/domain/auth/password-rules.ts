// The rule lives in src/lib because the browser's form checks it too (and src/lib imports nothing from
// src/server); the domain re-exports it so server code and its tests keep one name for it.
export { passwordProblems } from "@/lib/password-rules";
