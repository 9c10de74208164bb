import { Suspense } from "react";
import { PageHeader } from "../_components/page-header";
import { StaffOnly } from "../_components/staff/staff-only";
import { userAdminTabs } from "./tabs";
import { UsersTable } from "./users-table";

export default function UsersPage() {
  return (
    <>
      <PageHeader title="Users & groups" description="Who can sign in, and which groups' pools they see." tabs={userAdminTabs("users")} />
      <StaffOnly>
        <Suspense>
          <UsersTable />
        </Suspense>
      </StaffOnly>
    </>
  );
}
