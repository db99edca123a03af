import { RoleHome } from "@/components/layout/role-home";

export default function Page() {
  return <RoleHome role="institution" />;
}
