import type { RoleGrant } from "~/domain/permissions";
import { useT } from "~/i18n";

export function useRoleLabel() {
  const { t } = useT();
  return (g: RoleGrant) => `${t(`role.${g.role}`)} (${g.scope === "*" ? t("scope.all") : t(`programme.${g.scope}`)})`;
}

export function RoleList({ roles }: { roles: RoleGrant[] }) {
  const label = useRoleLabel();
  return (
    <>
      {roles.map((g) => (
        <li key={`${g.role}-${g.scope}`}>{label(g)}</li>
      ))}
    </>
  );
}
