import { z } from "zod";
import { USER_ROLES } from "@/lib/vocab";
import "./zod-zh";
import { idSchema, pageSchema, regionCodeSchema } from "./common";

export const auditListInput = pageSchema.extend({
  entityType: z.string().trim().max(40).optional(),
  entityId: z.string().trim().max(40).optional(),
  action: z.string().trim().max(60).optional(),
});

export const userListInput = pageSchema.extend({
  q: z.string().trim().max(40, "搜索词不超过 40 个字").optional(),
  role: z.enum(USER_ROLES).optional(),
  /** Users whose organisation lies in this region subtree. */
  regionCode: regionCodeSchema.optional(),
});

export const organisationByIdInput = z.object({ id: idSchema });
