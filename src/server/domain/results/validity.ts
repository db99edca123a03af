/** R-RES-1 validity: the rule lives in src/lib so the batch-entry screen recomputes it with the same code. */
export { defaultValidUntil, type ValidityRule } from "@/lib/validity";
