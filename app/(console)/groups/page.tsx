import { Suspense } from "react";
import { PageHeader } from "../_components/page-header";
import { StaffOnly } from "../_components/staff/staff-only";
import { userAdminTabs } from "../users/tabs";
import { GroupsTable } from "./groups-table";

export default function GroupsPage() {
  return (
    <>
      <PageHeader title="Users & groups" description="Pools belong to a group; its members see and manage them." tabs={userAdminTabs("groups")} />
      <StaffOnly>
        <Suspense>
          <GroupsTable />
        </Suspense>
      </StaffOnly>
    </>
  );
}
